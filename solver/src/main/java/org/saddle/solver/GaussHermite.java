package org.saddle.solver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.saddle.theory.GaussianMeasure;

/**
 * Gauss-Hermite quadrature for the standard Gaussian measure:
 * &lt;g&gt;_z = pi^{-1/2} sum_i w_i g(sqrt(2) x_i), with (x_i, w_i) the rule for weight e^{-x^2}
 * (Hipparchus). Nodes are built once per order and shared by all instances.
 */
public final class GaussHermite implements GaussianMeasure {

    private static final Map<Integer, double[][]> CACHE = new ConcurrentHashMap<>();

    private final double[] nodes;
    private final double[] weights;

    /** @param order number of nodes (>= 1); exact for polynomials of degree <= 2 order - 1 */
    public GaussHermite(int order) {
        if (order < 1) {
            throw new IllegalArgumentException("order must be >= 1, got " + order);
        }
        double[][] rule = CACHE.computeIfAbsent(order, GaussHermite::build);
        this.nodes = rule[0];
        this.weights = rule[1];
    }

    private static double[][] build(int order) {
        GaussIntegrator integrator = new GaussIntegratorFactory().hermite(order);
        int n = integrator.getNumberOfPoints();
        double[] z = new double[n];
        double[] w = new double[n];
        double norm = 1.0 / Math.sqrt(Math.PI);
        for (int i = 0; i < n; i++) {
            z[i] = Math.sqrt(2.0) * integrator.getPoint(i);
            w[i] = norm * integrator.getWeight(i);
        }
        return new double[][] {z, w};
    }

    /** Nodes z_i for the standard Gaussian measure (copy). */
    public double[] nodes() {
        return nodes.clone();
    }

    /** Weights of the nodes, summing to 1 (copy). */
    public double[] weights() {
        return weights.clone();
    }

    /** Number of nodes. */
    public int order() {
        return nodes.length;
    }

    @Override
    public double average(DoubleUnaryOperator g) {
        double sum = 0.0;
        for (int i = 0; i < nodes.length; i++) {
            sum += weights[i] * g.applyAsDouble(nodes[i]);
        }
        return sum;
    }
}
