package org.saddle.simulation.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.saddle.simulation.Dynamics;
import org.saddle.simulation.Xoshiro256PlusPlus;
import org.saddle.simulation.data.IdxFiles;
import org.saddle.simulation.data.IdxFormatException;
import org.saddle.simulation.data.ShippedMnist;
import org.saddle.simulation.patterns.PatternEnsemble;
import org.saddle.simulation.patterns.PatternEnsembles;

/** Pattern ensembles and the dense simulation driver. */
class EnsembleAndSimulationTest {

    /** Bias b gives mean activity b; the Markov-chain correlation gives <xi_i xi_{i+r}> = c^r at b = 0. */
    @Test
    void biasAndFeatureCorrelation() {
        var rng = Xoshiro256PlusPlus.forStream(1, 0, 0, 0);
        int n = 400;
        int k = 500;
        byte[] xi = PatternEnsembles.iid(0.4).draw(n, k, rng);
        double mean = 0;
        for (byte v : xi) {
            mean += v;
        }
        mean /= xi.length;
        assertEquals(0.4, mean, 5 * Math.sqrt((1 - 0.16) / xi.length));
        double c = 0.6;
        byte[] cor = PatternEnsembles.correlated(c, 0).draw(n, k, rng);
        for (int r = 1; r <= 3; r++) {
            double s = 0;
            int count = 0;
            for (int mu = 0; mu < k; mu++) {
                for (int i = 0; i + r < n; i++) {
                    s += cor[i * k + mu] * cor[(i + r) * k + mu];
                    count++;
                }
            }
            assertEquals(Math.pow(c, r), s / count, 0.02, "lag " + r);
        }
    }

    /** Separated patterns honour the minimum distance; an impossible separation fails with a clear message. */
    @Test
    void hammingSeparation() {
        var rng = Xoshiro256PlusPlus.forStream(2, 0, 0, 0);
        int n = 64;
        int k = 30;
        byte[] xi = PatternEnsembles.separated(PatternEnsembles.iid(0), 26).draw(n, k, rng);
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                assertTrue(PatternEnsembles.hamming(PatternEnsembles.pattern(xi, n, k, a), PatternEnsembles.pattern(xi, n, k, b)) >= 26);
            }
        }
        var e = assertThrows(PatternEnsembles.SeparationException.class,
                () -> PatternEnsembles.separated(PatternEnsembles.iid(0), 60).draw(n, 5, rng));
        assertTrue(e.getMessage().contains("Hamming distance >= 60"));
    }

    private static int minimumDistance(byte[] xi, int n, int k) {
        int min = Integer.MAX_VALUE;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                min = Math.min(min, PatternEnsembles.hamming(PatternEnsembles.pattern(xi, n, k, a), PatternEnsembles.pattern(xi, n, k, b)));
            }
        }
        return min;
    }

    /**
     * The Hadamard-coded ensemble guarantees the minimum distance by construction (rows of H_B differ in exactly B/2
     * sites per block; derivation in {@link PatternEnsembles#coded}), including separations rejection sampling cannot
     * reach: N/2 = 64 for K = 128 patterns at N = 128, where every pair is then at distance exactly 64 (Plotkin: no
     * 128 patterns of length 128 have a larger minimum distance). Infeasible requests fail with a clear message.
     * The code part does not depend on K: at d = 16 every pair differs in exactly 16 of the first 32 sites.
     */
    @Test
    void codedSeparationIsGuaranteed() {
        var rng = Xoshiro256PlusPlus.forStream(4, 0, 0, 0);
        PatternEnsemble base = PatternEnsembles.correlated(0.3, 0);
        int[][] cases = {{100, 20, 30}, {128, 30, 48}, {100, 3, 10}, {128, 100, 60}, {128, 5, 63}, {64, 64, 32}, {100, 1, 25}};
        for (int[] c : cases) {
            int n = c[0];
            int k = c[1];
            int d = c[2];
            for (int draw = 0; draw < 3; draw++) {
                byte[] xi = PatternEnsembles.coded(base, d).draw(n, k, rng);
                assertEquals(n * k, xi.length);
                for (byte v : xi) {
                    assertTrue(v == 1 || v == -1);
                }
                if (k > 1) {
                    assertTrue(minimumDistance(xi, n, k) >= d, "N=" + n + " K=" + k + " d=" + d);
                }
            }
        }
        byte[] full = PatternEnsembles.coded(base, 64).draw(128, 128, rng);
        for (int a = 0; a < 128; a++) {
            for (int b = 0; b < a; b++) {
                assertEquals(64, PatternEnsembles.hamming(PatternEnsembles.pattern(full, 128, 128, a), PatternEnsembles.pattern(full, 128, 128, b)));
            }
        }
        // rejection sampling gives up long before: K = 30 at distance 48 of N = 100 (random pairs sit at 50 +- 5)
        assertThrows(PatternEnsembles.SeparationException.class,
                () -> PatternEnsembles.separated(base, 48).draw(100, 30, Xoshiro256PlusPlus.forStream(4, 1, 0, 0)));
        var e = assertThrows(PatternEnsembles.SeparationException.class, () -> PatternEnsembles.coded(base, 40).draw(100, 20, rng));
        assertTrue(e.getMessage().contains("Hamming distance >= 40"), e.getMessage());  // code part 128 > N
        assertThrows(PatternEnsembles.SeparationException.class, () -> PatternEnsembles.coded(base, 16).draw(128, 33, rng));
        // K-independent code part: at d = 16 every pair differs in exactly 16 of the first 32 sites, for any K <= 32
        for (int k : new int[] {2, 7, 32}) {
            byte[] xi = PatternEnsembles.coded(base, 16).draw(128, k, rng);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < a; b++) {
                    int d = 0;
                    for (int i = 0; i < 32; i++) {
                        d += xi[i * k + a] != xi[i * k + b] ? 1 : 0;
                    }
                    assertEquals(16, d, "K=" + k);
                }
            }
        }
        // same stream, same patterns
        assertArrayEquals(PatternEnsembles.coded(base, 30).draw(100, 20, Xoshiro256PlusPlus.forStream(9, 0, 0, 0)),
                PatternEnsembles.coded(base, 30).draw(100, 20, Xoshiro256PlusPlus.forStream(9, 0, 0, 0)));
    }

    /** MNIST digits binarize to N = 784 patterns; a bad IDX path is an error naming the file. */
    @Test
    void mnistPatterns() {
        PatternEnsemble mnist = PatternEnsembles.images(ShippedMnist.load(), 127);
        assertEquals(784, mnist.requiredNeurons());
        byte[] xi = mnist.draw(784, 5, Xoshiro256PlusPlus.forStream(3, 0, 0, 0));
        int plus = 0;
        for (byte v : xi) {
            assertTrue(v == 1 || v == -1);
            plus += v == 1 ? 1 : 0;
        }
        // digits are mostly background: about 10-25% of pixels above mid grey
        assertTrue(plus > 0.05 * xi.length && plus < 0.35 * xi.length, "on pixels " + plus);
        var e = assertThrows(IdxFormatException.class, () -> IdxFiles.read(Path.of("/nonexistent/x-idx3-ubyte"), null));
        assertTrue(e.getMessage().contains("/nonexistent/x-idx3-ubyte"));
    }

    /** The dense simulation gives identical numbers for 1 and 2 threads, with and without parallel tempering. */
    @Test
    void simulationIndependentOfThreads() {
        for (double[] temps : new double[][] {{0.2}, {0.15, 0.3, 0.6}}) {
            DenseSimulation.Spec spec = new DenseSimulation.Spec(50, 30, Interactions.gardner(3, 50), PatternEnsembles.iid(0),
                    temps, Dynamics.GLAUBER, 0.1, 10, 40, 3, 7, 3);
            DenseSimulation.Result one = DenseSimulation.run(spec, 1);
            DenseSimulation.Result two = DenseSimulation.run(spec, 2);
            assertEquals(one.points(), two.points());
            assertTrue(java.util.Arrays.equals(one.topOverlaps(), two.topOverlaps()));
        }
    }

    /** Low load, low T: the P = 3 chain stays in the retrieval state (Gardner 1987), m close to 1. */
    @Test
    void lowTemperatureRetrievalState() {
        DenseSimulation.Spec spec = new DenseSimulation.Spec(100, 20, Interactions.gardner(3, 100), PatternEnsembles.iid(0),
                new double[] {0.05}, Dynamics.METROPOLIS, 0.1, 20, 40, 2, 3, 2);
        DenseSimulation.Point p = DenseSimulation.run(spec, 1).points().get(0);
        assertTrue(p.overlap().mean() > 0.95, "m = " + p.overlap().mean());
    }
}
