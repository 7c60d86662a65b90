package org.saddle.simulation.potts;

import java.util.SplittableRandom;
import org.saddle.simulation.ProgressListener;

/**
 * Constrained stochastic gradient descent of the Potts DAM's effective loss (see {@link TrainingSettings}):
 * shuffled mini-batches, tangent steps on the sphere |w|^2 = N followed by renormalization, softmax logits
 * for the class weights. Deterministic for a seed: the batch order of epoch e comes from the e-th split
 * of the seeded stream, and everything else is sequential.
 *
 * <p><b>Stationarity residual of an epoch.</b> Each epoch also measures how far the memories are from a stationary
 * point, at no extra cost (from the gradient terms the steps compute anyway):
 * <pre>
 *   rho = [ sum_mu |G_mu|^2 / Q_mu ]^(1/2) / (beta_eff sqrt N) = [ sum_mu Q_mu |tbar_mu|^2 ]^(1/2)
 *   G_mu = -(beta_eff / M) sum_a r_mu(a) x_a^perp   (Riemannian gradient of the loss in memory mu)
 *   Q_mu = (1 / M) sum_a r_mu(a),   tbar_mu = sum_a r_mu(a) x_a^perp / (sqrt N M Q_mu)
 * </pre>
 * i.e. the Riemannian gradient norm in the metric that weights each memory by its inverse posterior mass (the
 * Fisher information of a memory's position is proportional to its mass), made dimensionless by its largest value
 * beta_eff sqrt N. tbar_mu is the posterior-weighted mean of the tangent parts of memory mu's examples on the unit
 * sphere: its length is the sine of the angle between the memory and its mean-field (EM) position
 * ({@link StationaryPoint}) times the length of that mean. rho = 0 exactly at a stationary point of the memories,
 * rho &lt;= 1 always, and it does not scale with N or P. In the epoch each example enters once, with the tangent
 * gradient and posterior at the memories of its batch (SGD moves them during the epoch): with a zero learning rate it
 * is exactly the full-data residual {@link PottsHessian#stationarityResidual}.
 */
public final class PottsTrainer {

    /**
     * What a training run did.
     *
     * @param lossPerEpoch         mean batch loss of each epoch (at beta_eff)
     * @param exampleMemoryUpdates number of (example, memory) gradient terms evaluated: sum over batches of B P
     * @param seconds              wall time
     * @param residualPerEpoch     the epoch's stationarity residual rho (class comment)
     */
    public record History(double[] lossPerEpoch, long exampleMemoryUpdates, double seconds, double[] residualPerEpoch) {
        /** Epochs done (fewer than asked when training stopped at stationarity). */
        public int epochs() {
            return lossPerEpoch.length;
        }

        /** Loss of the last epoch. */
        public double lastLoss() {
            return lossPerEpoch[lossPerEpoch.length - 1];
        }

        /** Stationarity residual of the last epoch. */
        public double lastResidual() {
            return residualPerEpoch[residualPerEpoch.length - 1];
        }
    }

    private PottsTrainer() {}

    /** Trains {@code dam} in place on {@code data} for {@code settings.epochs()} epochs. Progress is reported in batches. */
    public static History train(PottsDam dam, SphereData data, TrainingSettings settings, ProgressListener progress) {
        return train(dam, data, settings, 0, progress);
    }

    /**
     * Trains {@code dam} in place, at most {@code settings.epochs()} epochs, stopping after the first epoch whose
     * stationarity residual rho (class comment) is at most {@code stationarityTolerance} (0: never stops early).
     */
    public static History train(PottsDam dam, SphereData data, TrainingSettings settings, double stationarityTolerance,
            ProgressListener progress) {
        if (!(stationarityTolerance >= 0)) {
            throw new IllegalArgumentException("stationarity tolerance must be >= 0, got " + stationarityTolerance);
        }
        long start = System.nanoTime();
        int n = dam.neurons();
        int pCount = dam.memories();
        int c = dam.classes();
        int m = data.count();
        int b = Math.min(settings.batchSize(), m);
        double betaEff = settings.effectiveInverseTemperature();
        PottsLoss loss = new PottsLoss(data, betaEff, b);
        double[] gradW = new double[n * pCount];
        double[] gradTheta = new double[dam.logits().length];
        double[] w = dam.memoryWeights();
        double[] theta = dam.logits();
        double stepW = settings.learningRate() * pCount / betaEff;
        double rate = settings.classLearningRate();
        double[] p = new double[dam.logits().length];
        int[] order = new int[m];
        for (int a = 0; a < m; a++) {
            order[a] = a;
        }
        int batches = (m + b - 1) / b;
        long total = (long) batches * settings.epochs();
        long done = 0;
        long updates = 0;
        double[] lossPerEpoch = new double[settings.epochs()];
        double[] residualPerEpoch = new double[settings.epochs()];
        double[] tangentSum = new double[n * pCount]; // sum over the epoch of (B / M) (dL/dw^mu)_perp = G_mu
        double[] mass = new double[pCount];           // sum over the epoch of (B / M) sum_y rbar^mu_y = Q_mu
        int epochsDone = 0;
        SplittableRandom root = new SplittableRandom(settings.seed());
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            SplittableRandom random = root.split();
            for (int a = m - 1; a > 0; a--) {
                int j = random.nextInt(a + 1);
                int t = order[a];
                order[a] = order[j];
                order[j] = t;
            }
            double epochLoss = 0;
            java.util.Arrays.fill(tangentSum, 0);
            java.util.Arrays.fill(mass, 0);
            for (int from = 0; from < m; from += b) {
                int to = Math.min(m, from + b);
                epochLoss += loss.evaluate(dam, order, from, to, gradW, gradTheta, null) * (to - from);
                updates += (long) (to - from) * pCount;
                double share = (double) (to - from) / m;
                dam.classWeightsInto(p); // the weights the batch was evaluated with: rbar = p - dL/dtheta
                for (int mu = 0; mu < pCount; mu++) {
                    for (int y = 0; y < c; y++) {
                        mass[mu] += share * (p[mu * c + y] - gradTheta[mu * c + y]);
                    }
                    int base = mu * n;
                    double radial = 0;
                    for (int i = 0; i < n; i++) {
                        radial += gradW[base + i] * w[base + i];
                    }
                    radial /= n;
                    for (int i = 0; i < n; i++) {
                        double tangent = gradW[base + i] - radial * w[base + i];
                        tangentSum[base + i] += share * tangent;
                        w[base + i] -= stepW * tangent;
                    }
                    dam.normalize(mu);
                }
                if (rate > 0) {
                    // natural-gradient step on the simplex: p <- p - rate dL/dtheta = (1 - rate) p + rate rbar
                    for (int k = 0; k < theta.length; k++) {
                        p[k] = Math.max(p[k] - rate * gradTheta[k], Double.MIN_NORMAL);
                        theta[k] = Math.log(p[k]);
                    }
                }
                progress.progress(++done, total);
            }
            lossPerEpoch[epoch] = epochLoss / m;
            residualPerEpoch[epoch] = residual(tangentSum, mass, n, betaEff);
            epochsDone = epoch + 1;
            if (stationarityTolerance > 0 && residualPerEpoch[epoch] <= stationarityTolerance) {
                break;
            }
        }
        return new History(java.util.Arrays.copyOf(lossPerEpoch, epochsDone), updates, (System.nanoTime() - start) / 1e9,
                java.util.Arrays.copyOf(residualPerEpoch, epochsDone));
    }

    /** rho = [sum_mu |G_mu|^2 / Q_mu]^(1/2) / (beta sqrt N) (class comment); a memory with Q_mu = 0 has G_mu = 0 and adds 0. */
    static double residual(double[] tangentGradient, double[] mass, int n, double beta) {
        double sum = 0;
        for (int mu = 0; mu < mass.length; mu++) {
            if (!(mass[mu] > 0)) {
                continue;
            }
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                g2 += tangentGradient[mu * n + i] * tangentGradient[mu * n + i];
            }
            sum += g2 / mass[mu];
        }
        return Math.sqrt(sum) / (beta * Math.sqrt(n));
    }
}
