package org.saddle.simulation.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddle.simulation.OverlapKernels;
import org.saddle.simulation.Xoshiro256PlusPlus;
import org.saddle.simulation.patterns.PatternEnsembles;
import org.saddle.theory.learning.LearningMode;

/** {@link IntegerPatternChain} and {@link LearningSimulation}: the energies of dense Hebbian learning from examples. */
class LearningSimulationTest {

    /** e_P over unordered P-subsets of distinct sites of u_i = S_i^mu sigma_i, by enumeration. */
    private static double subsetSum(byte[] s, byte[] sigma, int n, int k, int mu, int p, int from, double product) {
        if (p == 0) {
            return product;
        }
        double sum = 0;
        for (int i = from; i <= n - p; i++) {
            sum += subsetSum(s, sigma, n, k, mu, p - 1, i + 1, product * s[i * k + mu] * sigma[i]);
        }
        return sum;
    }

    /**
     * The energy with self-interactions removed, E = -c sum_mu e_P(u^mu), on integer patterns (sums of examples)
     * against enumeration of the P-subsets, and every single-flip difference against E(after) - E(before).
     */
    @Test
    void integerPatternEnergyEqualsEnumerationOfDistinctTuples() {
        int n = 9;
        int k = 3;
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.forStream(11, 0, 0, 0);
        for (int p = 2; p <= 6; p++) {
            byte[] s = new byte[n * k];
            for (int j = 0; j < s.length; j++) {
                s[j] = (byte) (rng.nextInt(15) - 7);             // sums of 7 examples: [-7, 7]
            }
            byte[] sigma = DenseEnergyTest.randomSpins(n, rng);
            double c = 0.37;
            IntegerPatternChain chain = new IntegerPatternChain(s, n, k, p, c, sigma, rng);
            double brute = 0;
            for (int mu = 0; mu < k; mu++) {
                brute += subsetSum(s, sigma, n, k, mu, p, 0, 1);
            }
            assertEquals(-c * brute, chain.energy(), 1e-9 * Math.max(1, Math.abs(brute)), "P = " + p);
            for (int i = 0; i < n; i++) {
                double before = chain.energy();
                double de = chain.energyDifference(i);
                chain.flip(i);
                assertEquals(chain.energy() - before, de, 1e-9 * Math.max(1, Math.abs(before)), "P = " + p + ", site " + i);
            }
        }
    }

    /**
     * rho -&gt; 0 (r = 1: every example is the archetype, S = M xi, M sqrt R = M): the supervised network is the dense
     * P-body network on the archetypes, so its energy and every flip's energy difference equal {@link DenseChain}'s with
     * {@link Interactions#gardner}, and so does the unsupervised network (K M copies of the archetypes, scaled 1/M).
     */
    @Test
    void atZeroDatasetEntropyTheLearningNetworksAreTheDenseNetworkOnTheArchetypes() {
        int n = 40;
        int k = 25;
        int m = 3;
        for (int p = 3; p <= 5; p++) {
            for (LearningMode mode : LearningMode.values()) {
                LearningSimulation.Spec spec = new LearningSimulation.Spec(mode, p, n, k, m, 1.0, 0.1, 0, 4, 1, 5);
                byte[] xi = PatternEnsembles.iid(0).draw(n, k, Xoshiro256PlusPlus.forStream(5, 0, 0, 0));
                byte[] eta = LearningSimulation.examples(spec, xi, Xoshiro256PlusPlus.forStream(5, 0, 0, 4));
                SpinChain learning = LearningSimulation.chain(spec, xi, eta, Xoshiro256PlusPlus.forStream(5, 0, 0, 2));
                DenseChain dense = new DenseChain(xi, n, k, PatternEnsembles.pattern(xi, n, k, 0), Interactions.gardner(p, n),
                        Xoshiro256PlusPlus.forStream(5, 0, 0, 2), OverlapKernels.best());
                Xoshiro256PlusPlus moves = Xoshiro256PlusPlus.forStream(6, 0, 0, 0);
                for (int step = 0; step < 60; step++) {
                    int i = moves.nextInt(n);
                    double expected = dense.energyDifference(i);
                    double got = learning instanceof IntegerPatternChain c ? c.energyDifference(i)
                            : ((DenseChain) learning).energyDifference(i);
                    assertEquals(expected, got, 1e-9 * Math.max(1e-3, Math.abs(expected)), mode + " P = " + p);
                    assertEquals(dense.energy(), learning.energy(), 1e-9 * Math.abs(dense.energy()), mode + " P = " + p);
                    dense.flip(i);
                    if (learning instanceof IntegerPatternChain c) {
                        c.flip(i);
                    } else {
                        ((DenseChain) learning).flip(i);
                    }
                }
            }
        }
    }

    /**
     * One archetype (load -&gt; 0), T = 0, supervised: from archetype 1 the zero-temperature dynamics descends to
     * sigma_i = sign(S_i) (each flip of a site with S_i sigma_i &lt; 0 raises the overlap with S and lowers
     * -c e_P; sites with S_i = 0 never flip, dE = 0), so the archetype overlap is
     * m = 1 - 2 P(sum_a chi_a &lt; 0), the binomial probability with P(chi = +1) = (1 + r)/2 (derived here, exact at
     * any N; the mean over samples of N sites). Checked within 4 standard errors.
     */
    @Test
    void oneArchetypeAtZeroTemperatureRetrievesTheSignOfTheExampleSum() {
        int m = 10;
        double r = 0.4;
        LearningSimulation.Spec spec = new LearningSimulation.Spec(LearningMode.SUPERVISED, 4, 200, 1, m, r, 0.0, 5, 8, 24,
                9);
        var point = LearningSimulation.run(spec, 0, 1);
        double plus = (1 + r) / 2;
        double negative = 0;
        for (int j = 0; 2 * j < m; j++) {
            negative += binomial(m, j) * Math.pow(plus, j) * Math.pow(1 - plus, m - j);
        }
        double expected = 1 - 2 * negative;
        assertEquals(expected, point.overlap().mean(), 4 * point.overlap().standardError() + 1e-12);
        assertTrue(point.overlap().standardError() < 0.02, "the check resolves the overlap: s.e. " + point.overlap().standardError());
    }

    /** The results do not depend on the number of threads (streams keyed by grid point and sample). */
    @Test
    void resultsDoNotDependOnThreads() {
        for (LearningMode mode : LearningMode.values()) {
            LearningSimulation.Spec spec = new LearningSimulation.Spec(mode, 3, 20, 12, 4, 0.7, 0.05, 5, 8, 4, 21);
            var one = LearningSimulation.run(spec, 3, 1);
            var two = LearningSimulation.run(spec, 3, 2);
            assertEquals(one.overlap().mean(), two.overlap().mean(), 0.0);
            assertEquals(one.replicaOverlap().mean(), two.replicaOverlap().mean(), 0.0);
            assertEquals(one.energyPerNeuron().mean(), two.energyPerNeuron().mean(), 0.0);
        }
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int j = 1; j <= k; j++) {
            c = c * (n - k + j) / j;
        }
        return c;
    }
}
