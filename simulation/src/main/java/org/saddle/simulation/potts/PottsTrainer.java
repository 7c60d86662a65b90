package org.saddle.simulation.potts;

import java.util.SplittableRandom;
import org.saddle.simulation.ProgressListener;

/**
 * Constrained stochastic gradient descent of the Potts DAM's effective loss (see {@link TrainingSettings}):
 * shuffled mini-batches, tangent steps on the sphere |w|^2 = N followed by renormalization, softmax logits
 * for the class weights. Deterministic for a seed: the batch order of epoch e comes from the e-th split
 * of the seeded stream, and everything else is sequential.
 */
public final class PottsTrainer {

    /**
     * What a training run did.
     *
     * @param lossPerEpoch         mean batch loss of each epoch (at beta_eff)
     * @param exampleMemoryUpdates number of (example, memory) gradient terms evaluated: sum over batches of B P
     * @param seconds              wall time
     */
    public record History(double[] lossPerEpoch, long exampleMemoryUpdates, double seconds) {}

    private PottsTrainer() {}

    /** Trains {@code dam} in place on {@code data}. Progress is reported in batches. */
    public static History train(PottsDam dam, SphereData data, TrainingSettings settings, ProgressListener progress) {
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
            for (int from = 0; from < m; from += b) {
                int to = Math.min(m, from + b);
                epochLoss += loss.evaluate(dam, order, from, to, gradW, gradTheta, null) * (to - from);
                updates += (long) (to - from) * pCount;
                for (int mu = 0; mu < pCount; mu++) {
                    int base = mu * n;
                    double radial = 0;
                    for (int i = 0; i < n; i++) {
                        radial += gradW[base + i] * w[base + i];
                    }
                    radial /= n;
                    for (int i = 0; i < n; i++) {
                        w[base + i] -= stepW * (gradW[base + i] - radial * w[base + i]);
                    }
                    dam.normalize(mu);
                }
                if (rate > 0) {
                    // natural-gradient step on the simplex: p <- p - rate dL/dtheta = (1 - rate) p + rate rbar
                    dam.classWeightsInto(p);
                    for (int k = 0; k < theta.length; k++) {
                        p[k] = Math.max(p[k] - rate * gradTheta[k], Double.MIN_NORMAL);
                        theta[k] = Math.log(p[k]);
                    }
                }
                progress.progress(++done, total);
            }
            lossPerEpoch[epoch] = epochLoss / m;
        }
        return new History(lossPerEpoch, updates, (System.nanoTime() - start) / 1e9);
    }
}
