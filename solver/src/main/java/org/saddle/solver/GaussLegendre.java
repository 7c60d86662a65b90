package org.saddle.solver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.saddle.theory.LineQuadrature;

/** Composite Gauss-Legendre rule: the interval is cut into equal panels, each with an order-n rule. */
public final class GaussLegendre implements LineQuadrature {

    private static final Map<Integer, double[][]> CACHE = new ConcurrentHashMap<>();

    private final double[] nodes;
    private final double[] weights;
    private final int panels;

    /** @param order nodes per panel; @param panels number of equal panels */
    public GaussLegendre(int order, int panels) {
        if (order < 1 || panels < 1) {
            throw new IllegalArgumentException("order and panels must be >= 1");
        }
        double[][] rule = CACHE.computeIfAbsent(order, GaussLegendre::build);
        this.nodes = rule[0];
        this.weights = rule[1];
        this.panels = panels;
    }

    /**
     * A rule for the standard Gaussian measure, &lt;g&gt; = sum_i w_i g(z_i): an order-n Gauss-Legendre rule on each panel
     * [edges[k], edges[k+1]] (increasing edges), times the Gaussian density. Panels may be as fine as a feature of the
     * integrand needs (e.g. graded toward a kink), which Gauss-Hermite cannot offer.
     *
     * @return {nodes, weights}
     */
    public static double[][] gaussianMeasureRule(double[] edges, int order) {
        double[][] rule = CACHE.computeIfAbsent(order, GaussLegendre::build);
        int n = rule[0].length;
        double[] z = new double[(edges.length - 1) * n];
        double[] w = new double[z.length];
        for (int k = 0; k + 1 < edges.length; k++) {
            double half = 0.5 * (edges[k + 1] - edges[k]);
            double mid = 0.5 * (edges[k + 1] + edges[k]);
            if (!(half > 0.0)) {
                throw new IllegalArgumentException("panel edges must increase, got " + edges[k] + ", " + edges[k + 1]);
            }
            for (int i = 0; i < n; i++) {
                double zi = mid + half * rule[0][i];
                z[k * n + i] = zi;
                w[k * n + i] = half * rule[1][i] * Math.exp(-0.5 * zi * zi) / Math.sqrt(2.0 * Math.PI);
            }
        }
        return new double[][] {z, w};
    }

    private static double[][] build(int order) {
        GaussIntegrator integrator = new GaussIntegratorFactory().legendre(order, -1.0, 1.0);
        int n = integrator.getNumberOfPoints();
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = integrator.getPoint(i);
            w[i] = integrator.getWeight(i);
        }
        return new double[][] {x, w};
    }

    @Override
    public double integrate(DoubleUnaryOperator f, double a, double b) {
        double width = (b - a) / panels;
        double half = 0.5 * width;
        double sum = 0.0;
        for (int p = 0; p < panels; p++) {
            double mid = a + (p + 0.5) * width;
            for (int i = 0; i < nodes.length; i++) {
                sum += weights[i] * f.applyAsDouble(mid + half * nodes[i]);
            }
        }
        return sum * half;
    }

    /** One evaluation of {@code f} per node for all components (overrides the per-component default). */
    @Override
    public void integrate(VectorIntegrand f, double a, double b, double[] sum) {
        int k = sum.length;
        double width = (b - a) / panels;
        double half = 0.5 * width;
        double[] v = new double[k];
        double[] acc = new double[k];
        for (int p = 0; p < panels; p++) {
            double mid = a + (p + 0.5) * width;
            for (int i = 0; i < nodes.length; i++) {
                f.evaluate(mid + half * nodes[i], v);
                for (int c = 0; c < k; c++) {
                    acc[c] += weights[i] * v[c];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            sum[c] += acc[c] * half;
        }
    }
}
