package org.saddle.theory.potts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The large-N free energy of {@link PottsFreeEnergy} against the exact finite-N integral over the overlap. */
class PottsFreeEnergyTest {

    /**
     * (1/N) ln z_N(beta) with z_N = integral (1 - m^2)^((N-3)/2) e^(beta N m) dm / integral (1 - m^2)^((N-3)/2) dm,
     * by the trapezoid rule on 200,001 points (log-sum-exp), approaches -beta f with the Laplace correction
     * O(ln N / N): at N = 20,000 the difference is below 3 ln N / N = 1.5e-3, and it shrinks from N = 2,000.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 1.0, 3.0})
    void laplaceLimitOfTheExactIntegral(double beta) {
        double limit = PottsFreeEnergy.logPartitionPerNeuron(beta);
        double small = exact(beta, 2000) - limit;
        double large = exact(beta, 20000) - limit;
        assertTrue(Math.abs(large) < 3 * Math.log(20000) / 20000, "N = 20000: " + large);
        assertTrue(Math.abs(large) < Math.abs(small), "converges: " + small + " -> " + large);
        assertEquals(0, PottsFreeEnergy.residual(beta, PottsFreeEnergy.overlap(beta)), 1e-14);
    }

    private static double exact(double beta, int n) {
        int points = 200_001;
        double logWeighted = Double.NEGATIVE_INFINITY;
        double logPlain = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < points - 1; k++) {
            double m = -1 + 2.0 * k / (points - 1);
            double base = 0.5 * (n - 3) * Math.log1p(-m * m);
            logWeighted = logAdd(logWeighted, base + beta * n * m);
            logPlain = logAdd(logPlain, base);
        }
        return (logWeighted - logPlain) / n;
    }

    private static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        double max = Math.max(a, b);
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }

    /** ln z_N: exact at N = 3 (z_3 = sinh(3 beta) / (3 beta), Archimedes: m uniform on [-1, 1]) and the large-N limit. */
    @Test
    void logNormalizerIsExactAtThreeNeuronsAndTendsToTheFreeEnergy() {
        for (double beta : new double[] {0.1, 1, 5}) {
            assertEquals(Math.log(Math.sinh(3 * beta) / (3 * beta)), PottsFreeEnergy.logNormalizer(beta, 3), 1e-9);
        }
        assertEquals(0, PottsFreeEnergy.logNormalizer(0, 784), 0);
        // (1/N) ln z_N = -beta f + O(ln N / N): the Laplace correction is -(1/2N) ln(N (1 + m^2)/(1 - m^2)^2 ...) ~ 1e-4 at N = 1e5
        for (double beta : new double[] {0.2, 1, 5}) {
            assertEquals(PottsFreeEnergy.logPartitionPerNeuron(beta), PottsFreeEnergy.logNormalizer(beta, 100_000) / 100_000, 2e-4);
        }
    }
}
