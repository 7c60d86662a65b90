package org.saddle.simulation.potts;

/**
 * Stationary points of the Potts DAM's loss on a data set, found by iterating its stationarity
 * (saddle-point) equations, which follow from setting the gradients of {@link PottsLoss} to zero on the
 * constraint set:
 * <pre>
 *   w^mu    = sqrt(N) u^mu / |u^mu|,   u^mu = sum_a r_mu(a) x_a        (tangent part of dL/dw^mu = 0)
 *   p^mu_y  = (1/M) sum_a r_mu(a) delta(y, y_a)                         (dL/dtheta = 0; also for the null state)
 * </pre>
 * with the posteriors r computed at the current parameters. The iteration is expectation-maximization of
 * a mixture of von Mises-Fisher components with common concentration beta N, so the loss does not increase.
 *
 * @param dam        the point reached
 * @param loss       its loss
 * @param gradientNorm Euclidean norm of the Riemannian gradient in the memories (residual of the first equation)
 * @param iterations iterations done
 * @param converged  whether the residual fell below the tolerance
 */
public record StationaryPoint(PottsDam dam, double loss, double gradientNorm, int iterations, boolean converged) {

    /** Iterates from {@code start} (not modified) until the Riemannian gradient norm is below {@code tolerance}. */
    public static StationaryPoint solve(PottsDam start, PottsLoss loss, boolean updateClassWeights, double tolerance,
            int maxIterations) {
        PottsDam dam = start.copy();
        SphereData data = loss.data();
        int n = dam.neurons();
        int pCount = dam.memories();
        int c = dam.classes();
        int m = data.count();
        double[] x = data.x();
        double residual = Double.NaN;
        for (int iteration = 0; iteration <= maxIterations; iteration++) {
            residual = norm(PottsHessian.riemannianGradient(dam, loss));
            if (residual < tolerance) {
                return new StationaryPoint(dam, loss.loss(dam), residual, iteration, true);
            }
            if (iteration == maxIterations) {
                break;
            }
            double[] r = PottsHessian.responsibilities(dam, loss);
            double[] u = new double[n * pCount];
            double[] mass = new double[dam.logits().length];
            for (int a = 0; a < m; a++) {
                int y = data.labels()[a];
                double nullPosterior = 1;
                for (int mu = 0; mu < pCount; mu++) {
                    double ra = r[a * pCount + mu];
                    nullPosterior -= ra;
                    mass[mu * c + y] += ra / m;
                    for (int i = 0; i < n; i++) {
                        u[mu * n + i] += ra * x[a * n + i];
                    }
                }
                if (dam.hasNullState()) { // r_0 = 1 - sum_mu r_mu
                    mass[pCount * c + y] += Math.max(nullPosterior, 0) / m;
                }
            }
            System.arraycopy(u, 0, dam.memoryWeights(), 0, u.length);
            for (int mu = 0; mu < pCount; mu++) {
                dam.normalize(mu);
            }
            if (updateClassWeights) {
                for (int k = 0; k < mass.length; k++) {
                    dam.logits()[k] = Math.log(Math.max(mass[k], Double.MIN_NORMAL));
                }
            }
        }
        return new StationaryPoint(dam, loss.loss(dam), residual, maxIterations, false);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }
}
