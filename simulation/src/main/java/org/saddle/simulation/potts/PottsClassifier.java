package org.saddle.simulation.potts;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Classifiers built on a trained Potts DAM, and the plain cosine nearest-neighbour baseline.
 *
 * <ul>
 *   <li>DAM: the model's own posterior of the class, P(y | x) proportional to sum_mu p^mu_y exp(beta w^mu . x)
 *       (plus p^0_y z_N(beta) with the null hidden state, see {@link PottsDam}); the prediction is its argmax.</li>
 *   <li>1-NN over memories (the paper's ~98% on MNIST at P = 1000): the class argmax_y p^mu_y of the memory with
 *       the largest overlap w^mu . x.</li>
 *   <li>Cosine 1-NN over training examples: the label of the training example with the largest overlap
 *       (all examples are on the same sphere, so this is the cosine similarity).</li>
 * </ul>
 * Overlaps come in blocks from one dgemm("T", "N").
 */
public final class PottsClassifier {
    private static final BLAS BLAS_ = BLAS.getInstance();
    private static final int BLOCK = 256;

    private PottsClassifier() {}

    /** Fraction of test examples whose DAM class posterior at {@code inverseTemperature} peaks at their label. */
    public static double damAccuracy(PottsDam dam, SphereData test, double inverseTemperature) {
        int[] predicted = damPredictions(dam, test, inverseTemperature);
        return accuracy(predicted, test.labels());
    }

    public static int[] damPredictions(PottsDam dam, SphereData test, double inverseTemperature) {
        int pCount = dam.memories();
        int c = dam.classes();
        double[] logP = dam.classWeights();
        for (int k = 0; k < logP.length; k++) {
            logP[k] = Math.log(logP[k]);
        }
        int[] predicted = new int[test.count()];
        double[] scores = new double[pCount * BLOCK];
        double[] classScore = new double[c];
        boolean hasNull = dam.hasNullState();
        double nullScore = hasNull ? org.saddle.theory.potts.PottsFreeEnergy.logNormalizer(inverseTemperature, dam.neurons()) : 0;
        forBlocks(dam.memoryWeights(), pCount, test, inverseTemperature, scores, (k, a) -> {
            int base = k * pCount;
            double max = Double.NEGATIVE_INFINITY;
            for (int mu = 0; mu < pCount; mu++) {
                max = Math.max(max, scores[base + mu]);
            }
            if (hasNull) {
                max = Math.max(max, nullScore);
            }
            java.util.Arrays.fill(classScore, 0);
            if (hasNull) {
                double e = Math.exp(nullScore - max);
                for (int y = 0; y < c; y++) {
                    classScore[y] += Math.exp(logP[pCount * c + y]) * e;
                }
            }
            for (int mu = 0; mu < pCount; mu++) {
                double e = Math.exp(scores[base + mu] - max);
                for (int y = 0; y < c; y++) {
                    classScore[y] += Math.exp(logP[mu * c + y]) * e;
                }
            }
            int best = 0;
            for (int y = 1; y < c; y++) {
                if (classScore[y] > classScore[best]) {
                    best = y;
                }
            }
            predicted[a] = best;
        });
        return predicted;
    }

    /** Fraction of test examples whose nearest memory (largest overlap) has their class. */
    public static double nearestMemoryAccuracy(PottsDam dam, SphereData test) {
        return accuracy(nearestMemoryPredictions(dam, test), test.labels());
    }

    /** The class argmax_y p^mu_y of each test example's nearest memory. */
    public static int[] nearestMemoryPredictions(PottsDam dam, SphereData test) {
        int pCount = dam.memories();
        int[] predicted = new int[test.count()];
        double[] scores = new double[pCount * BLOCK];
        forBlocks(dam.memoryWeights(), pCount, test, 1.0, scores, (k, a) -> {
            predicted[a] = dam.memoryClass(argmax(scores, k * pCount, pCount));
        });
        return predicted;
    }

    /** Cosine 1-NN over all training examples (the baseline: 0.960 on the shipped 8,000/2,000 MNIST split). */
    public static double nearestExampleAccuracy(SphereData train, SphereData test) {
        int m = train.count();
        int[] predicted = new int[test.count()];
        double[] scores = new double[m * BLOCK];
        forBlocks(train.x(), m, test, 1.0, scores, (k, a) -> predicted[a] = train.labels()[argmax(scores, k * m, m)]);
        return accuracy(predicted, test.labels());
    }

    static double accuracy(int[] predicted, int[] labels) {
        int right = 0;
        for (int a = 0; a < labels.length; a++) {
            if (predicted[a] == labels[a]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }

    private static int argmax(double[] values, int from, int length) {
        int best = 0;
        for (int k = 1; k < length; k++) {
            if (values[from + k] > values[from + best]) {
                best = k;
            }
        }
        return best;
    }

    @FunctionalInterface
    private interface BlockConsumer {
        /** Example {@code a} of the test set is column {@code k} of the current block of scores. */
        void accept(int k, int a);
    }

    /** scores[k * K + j] = scale * reference_j . x_{from + k} for blocks of test examples. */
    private static void forBlocks(double[] references, int count, SphereData test, double scale, double[] scores,
            BlockConsumer consumer) {
        int n = test.neurons();
        double[] x = test.x();
        for (int from = 0; from < test.count(); from += BLOCK) {
            int b = Math.min(BLOCK, test.count() - from);
            BLAS_.dgemm("T", "N", count, b, n, scale, references, 0, n, x, from * n, n, 0.0, scores, 0, count);
            for (int k = 0; k < b; k++) {
                consumer.accept(k, from + k);
            }
        }
    }
}
