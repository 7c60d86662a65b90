package org.saddle.simulation.potts;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Full-batch training of the Potts DAM by its mean-field (expectation-maximization) iteration, the stationarity
 * equations of {@link StationaryPoint} iterated with BLAS: each iteration evaluates the posteriors r_mu(a) of all M
 * examples at the current point (E-step, M P example-memory terms: the cost unit of an SGD epoch), then moves every
 * memory to w^mu = sqrt(N) u^mu / |u^mu|, u^mu = sum_a r_mu(a) x_a, and sets the class weights (null state included) to
 * the posterior masses p^h_y = (1/M) sum_a r_h(a) delta(y, y_a) (M-step). The loss does not increase. The E-step also
 * gives the stationarity residual rho of the point it evaluated (definition in {@link PottsTrainer}; G_mu = -(beta/M)
 * u^mu_perp), so training can stop at stationarity: an iteration whose E-step finds rho &lt;= tolerance makes no M-step,
 * and the point returned is the one whose loss and rho were reported. Deterministic (no random numbers).
 */
public final class EmTrainer {
    private static final BLAS BLAS_ = BLAS.getInstance();
    private static final int CHUNK = 512;

    private EmTrainer() {}

    /**
     * Iterates in place on {@code data} at inverse temperature {@code beta} (beta_eff for the effective loss), at most
     * {@code maxIterations} times, stopping at the first evaluated point with rho at most {@code tolerance} (0: never).
     * The history's per-epoch arrays hold, per iteration, the loss and rho of the point its E-step evaluated.
     */
    public static PottsTrainer.History train(PottsDam dam, SphereData data, double beta, int maxIterations, double tolerance) {
        if (maxIterations < 0 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("need max iterations >= 0 and tolerance >= 0");
        }
        long start = System.nanoTime();
        int n = dam.neurons();
        int pCount = dam.memories();
        int c = dam.classes();
        int m = data.count();
        int chunk = Math.min(m, CHUNK);
        PottsLoss loss = new PottsLoss(data, beta, chunk);
        double[] block = new double[chunk * pCount];
        double[] u = new double[n * pCount];
        double[] mass = new double[dam.logits().length];
        double[] posteriorMass = new double[pCount];
        double[] tangent = new double[n * pCount];
        double[] lossPer = new double[maxIterations];
        double[] residualPer = new double[maxIterations];
        double[] w = dam.memoryWeights();
        double[] x = data.x();
        long updates = 0;
        int done = 0;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            java.util.Arrays.fill(u, 0);
            java.util.Arrays.fill(mass, 0);
            java.util.Arrays.fill(posteriorMass, 0);
            double total = 0;
            for (int from = 0; from < m; from += chunk) {
                int to = Math.min(m, from + chunk);
                int b = to - from;
                total += loss.evaluate(dam, null, from, to, null, null, block) * b;
                // u (N x P) += X_chunk (N x b) R^T, with the block R = [k * P + mu] (P x b)
                BLAS_.dgemm("N", "T", n, pCount, b, 1.0, x, from * n, n, block, 0, pCount, 1.0, u, 0, n);
                for (int k = 0; k < b; k++) {
                    int y = data.labels()[from + k];
                    double rest = 1;
                    for (int mu = 0; mu < pCount; mu++) {
                        double r = block[k * pCount + mu];
                        rest -= r;
                        mass[mu * c + y] += r / m;
                        posteriorMass[mu] += r / m;
                    }
                    if (dam.hasNullState()) { // r_0 = 1 - sum_mu r_mu
                        mass[pCount * c + y] += Math.max(rest, 0) / m;
                    }
                }
            }
            updates += (long) m * pCount;
            for (int k = 0; k < tangent.length; k++) {
                tangent[k] = -(beta / m) * u[k]; // dL/dw^mu = -(beta / M) u^mu
            }
            PottsHessian.projectOnTangentSpaces(tangent, w, n, pCount);
            lossPer[iteration] = total / m;
            residualPer[iteration] = PottsTrainer.residual(tangent, posteriorMass, n, beta);
            done = iteration + 1;
            if (tolerance > 0 && residualPer[iteration] <= tolerance) {
                break;
            }
            for (int mu = 0; mu < pCount; mu++) {
                if (posteriorMass[mu] > 0) { // a memory that explains nothing stays where it is
                    System.arraycopy(u, mu * n, w, mu * n, n);
                    dam.normalize(mu);
                }
            }
            for (int k = 0; k < mass.length; k++) {
                dam.logits()[k] = Math.log(Math.max(mass[k], Double.MIN_NORMAL));
            }
        }
        return new PottsTrainer.History(java.util.Arrays.copyOf(lossPer, done), updates, (System.nanoTime() - start) / 1e9,
                java.util.Arrays.copyOf(residualPer, done));
    }
}
