package org.saddle.simulation.potts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Potts DAM loss and its gradients (formulas in {@link PottsLoss}) against central finite differences,
 * and the brute-force definition of the likelihood.
 */
class PottsLossTest {
    private static final int N = 7;
    private static final int M = 23;
    private static final int P = 4;
    private static final int C = 3;
    private static final double BETA = 0.6;

    @Test
    void lossIsTheLogSumExpOfTheDefinition() {
        SphereData data = SmallData.clusters(N, M, C, 0.8, 3);
        PottsDam dam = SmallData.randomDam(N, P, C, 5);
        double[] p = dam.classWeights();
        double expected = 0;
        for (int a = 0; a < M; a++) {
            double sum = 0;
            for (int mu = 0; mu < P; mu++) {
                double overlap = 0;
                for (int i = 0; i < N; i++) {
                    overlap += dam.memoryWeights()[mu * N + i] * data.x()[a * N + i] / N;
                }
                sum += p[mu * C + data.labels()[a]] * Math.exp(-BETA * N * (1 - overlap));
            }
            expected -= Math.log(sum) / M;
        }
        double loss = new PottsLoss(data, BETA, 5).loss(dam);
        assertEquals(expected, loss, 1e-12 * Math.abs(expected));
        assertTrue(loss >= 0, "m <= 1 and sum p <= 1 make the shifted loss non-negative");
    }

    @Test
    void gradientsMatchCentralFiniteDifferences() {
        assertGradientsMatchFiniteDifferences(SmallData.clusters(N, M, C, 0.8, 3), SmallData.randomDam(N, P, C, 5), BETA);
    }

    /** Both gradients of {@link PottsLoss} on all of {@code data} against central finite differences. */
    static void assertGradientsMatchFiniteDifferences(SphereData data, PottsDam dam, double beta) {
        int m = data.count();
        PottsLoss loss = new PottsLoss(data, beta, m);
        double[] gw = new double[dam.memoryWeights().length];
        double[] gt = new double[dam.logits().length];
        loss.evaluate(dam, null, 0, m, gw, gt, null);
        double h = 1e-6;
        // ambient derivative in w: the loss is defined for any w (the sphere is a constraint of training);
        // evaluate on copies without renormalization by editing the live array
        double[] w = dam.memoryWeights();
        for (int k = 0; k < w.length; k++) {
            double keep = w[k];
            w[k] = keep + h;
            double plus = loss.evaluate(dam, null, 0, m, null, null, null);
            w[k] = keep - h;
            double minus = loss.evaluate(dam, null, 0, m, null, null, null);
            w[k] = keep;
            // central difference error O(h^2 L''') plus rounding O(eps L / h): 1e-7 absolute
            assertEquals((plus - minus) / (2 * h), gw[k], 1e-7, "dL/dw at " + k);
        }
        double[] theta = dam.logits();
        for (int k = 0; k < theta.length; k++) {
            double keep = theta[k];
            theta[k] = keep + h;
            double plus = loss.evaluate(dam, null, 0, m, null, null, null);
            theta[k] = keep - h;
            double minus = loss.evaluate(dam, null, 0, m, null, null, null);
            theta[k] = keep;
            assertEquals((plus - minus) / (2 * h), gt[k], 1e-7, "dL/dtheta at " + k);
        }
    }

    @Test
    void batchedFullGradientEqualsOneBatch() {
        SphereData data = SmallData.clusters(N, M, C, 0.8, 3);
        PottsDam dam = SmallData.randomDam(N, P, C, 5);
        double[] gw1 = new double[N * P];
        double[] gt1 = new double[P * C];
        double[] gw2 = new double[N * P];
        double[] gt2 = new double[P * C];
        double l1 = new PottsLoss(data, BETA, M).fullGradient(dam, gw1, gt1);
        double l2 = new PottsLoss(data, BETA, 4).fullGradient(dam, gw2, gt2);
        assertEquals(l1, l2, 1e-12 * l1);
        assertArrayEquals(gw1, gw2, 1e-12);
        assertArrayEquals(gt1, gt2, 1e-12);
    }
}
