package org.saddle.simulation.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saddle.simulation.OverlapKernels;
import org.saddle.simulation.Xoshiro256PlusPlus;
import org.saddle.simulation.patterns.PatternEnsembles;

/** The energy mechanism of {@link DenseChain}: normalizations and exact incremental energy differences. */
class DenseEnergyTest {

    static byte[] randomSpins(int n, Xoshiro256PlusPlus rng) {
        byte[] s = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = (byte) (rng.nextInt(2) * 2 - 1);
        }
        return s;
    }

    /**
     * Gardner's normalization with self-interactions removed, checked by brute force: H = -(1/N^(P-1)) sum_mu
     * sum_{i1<...<iP} prod_k xi_ik sigma_ik (each unordered set once, i.e. the ordered distinct sum over P!),
     * derivation in {@link Interactions}.
     */
    @Test
    void gardnerEnergyEqualsBruteForceSumOverDistinctTuples() {
        int n = 9;
        int k = 3;
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.forStream(7, 0, 0, 0);
        for (int p = 2; p <= 5; p++) {
            byte[] xi = PatternEnsembles.iid(0).draw(n, k, rng);
            byte[] s = randomSpins(n, rng);
            DenseChain chain = new DenseChain(xi, n, k, s, Interactions.gardner(p, n), rng, OverlapKernels.best());
            double brute = 0;
            for (int mu = 0; mu < k; mu++) {
                brute += subsetSum(xi, s, n, k, mu, p, 0, 1);
            }
            brute = -brute / Math.pow(n, p - 1);
            assertEquals(brute, chain.energy(), 1e-12 * Math.max(1, Math.abs(brute)), "P = " + p);
        }
    }

    private static double subsetSum(byte[] xi, byte[] s, int n, int k, int mu, int left, int from, double prod) {
        if (left == 0) {
            return prod;
        }
        double sum = 0;
        for (int i = from; i < n; i++) {
            sum += subsetSum(xi, s, n, k, mu, left - 1, i + 1, prod * xi[i * k + mu] * s[i]);
        }
        return sum;
    }

    /** P = 2 Gardner is the Hopfield energy -(1/2N) sum_mu x_mu^2 + K/2 (AGS 1987; PHYSICS.md sec. 1). */
    @Test
    void gardnerPairIsTheHopfieldEnergy() {
        int n = 200;
        int k = 30;
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.forStream(3, 0, 0, 0);
        byte[] xi = PatternEnsembles.iid(0).draw(n, k, rng);
        DenseChain chain = new DenseChain(xi, n, k, randomSpins(n, rng), Interactions.gardner(2, n), rng,
                OverlapKernels.best());
        double sum = 0;
        for (int mu = 0; mu < k; mu++) {
            sum += (double) chain.rawOverlap(mu) * chain.rawOverlap(mu);
        }
        assertEquals(-sum / (2.0 * n) + k / 2.0, chain.energy(), 1e-9);
    }

    /**
     * The O(K) incremental difference equals the difference of energies recomputed from the spins, exactly
     * (integer arithmetic), for random configurations and every model; then many flips keep the stored overlaps
     * equal to recomputed ones.
     */
    @Test
    void incrementalDifferenceEqualsRecomputedEnergyExactly() {
        int n = 64;
        int k = 40;
        List<InteractionFunction> models = List.of(Interactions.gardner(2, n), Interactions.gardner(3, n),
                Interactions.gardner(4, n), Interactions.gardner(5, n), Interactions.polynomial(2),
                Interactions.polynomial(3), Interactions.polynomial(4), Interactions.rectifiedPolynomial(3));
        for (InteractionFunction f : models) {
            Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.forStream(11, f.name().hashCode(), 0, 0);
            byte[] xi = PatternEnsembles.iid(0).draw(n, k, rng);
            for (var kernel : List.of(OverlapKernels.best(), OverlapKernels.scalar())) {
                DenseChain chain = new DenseChain(xi, n, k, randomSpins(n, rng), f, rng, kernel);
                assertTrue(chain.exact(), f.name());
                for (int t = 0; t < 300; t++) {
                    int i = rng.nextInt(n);
                    double before = chain.rawEnergySumFromScratch();
                    double twice = chain.twiceDelta(i);
                    chain.flip(i);
                    double after = chain.rawEnergySumFromScratch();
                    assertEquals(after - before, 0.5 * twice, 0.0, f.name() + " step " + t);
                    assertEquals(-f.prefactor() * after, chain.energy(), 1e-12 * Math.abs(after) + 1e-12, f.name());
                }
            }
        }
    }

    /**
     * The same exact check on the paths the case above does not reach: several packed blocks with a partial last one
     * (K = 300, 600), the direct refresh (K small against N), the big list (P = 3 from a pattern at N = 200: |o| of
     * x = N is far above 16383), and the int path (F = x^4 at N = 100: more than 256 big entries). Sweeps of the
     * scalar and the vector kernels, and of a chain on a shared packed copy, then give bitwise the same chain.
     */
    @Test
    void incrementalDifferenceIsExactOnEveryStoragePath() {
        record Case(int n, int k, InteractionFunction f, boolean fromPattern) {
        }
        List<Case> cases = List.of(new Case(200, 300, Interactions.gardner(3, 200), true),
                new Case(200, 20, Interactions.gardner(3, 200), true),
                new Case(64, 600, Interactions.gardner(2, 64), false),
                new Case(100, 1000, Interactions.polynomial(4), false));
        for (Case c : cases) {
            Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.forStream(13, c.n(), c.k(), 0);
            byte[] xi = PatternEnsembles.iid(0).draw(c.n(), c.k(), rng);
            byte[] start = c.fromPattern() ? PatternEnsembles.pattern(xi, c.n(), c.k(), 0) : randomSpins(c.n(), rng);
            DenseChain[] chains = new DenseChain[2];
            int idx = 0;
            for (var kernel : List.of(OverlapKernels.scalar(), OverlapKernels.best())) {
                DenseChain chain = new DenseChain(xi, c.n(), c.k(), start, c.f(), Xoshiro256PlusPlus.forStream(13, 1, 0, 0), kernel);
                assertTrue(chain.exact(), c.toString());
                for (int t = 0; t < 60; t++) {
                    int i = (t * 37) % c.n();
                    double before = chain.rawEnergySumFromScratch();
                    double twice = chain.twiceDelta(i);
                    chain.flip(i);
                    assertEquals(chain.rawEnergySumFromScratch() - before, 0.5 * twice, 0.0, c + " step " + t);
                }
                chains[idx++] = chain;
            }
            // a chain on a shared packed copy (replicas, parallel tempering) is the same chain
            DenseChain shared = new DenseChain(xi, org.saddle.simulation.PackedPatterns.pack(xi, c.n(), c.k()), c.n(), c.k(),
                    start, c.f(), Xoshiro256PlusPlus.forStream(13, 1, 0, 0), OverlapKernels.best());
            for (int t = 0; t < 60; t++) {
                shared.flip((t * 37) % c.n());
            }
            for (int sweep = 0; sweep < 3; sweep++) {
                chains[0].sweep(org.saddle.simulation.Dynamics.GLAUBER, 2.0);
                chains[1].sweep(org.saddle.simulation.Dynamics.GLAUBER, 2.0);
                shared.sweep(org.saddle.simulation.Dynamics.GLAUBER, 2.0);
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(chains[0].spins(), chains[1].spins(), c.toString());
            org.junit.jupiter.api.Assertions.assertArrayEquals(chains[0].spins(), shared.spins(), c.toString());
            assertEquals(chains[0].energy(), chains[1].energy(), 0.0, c.toString());
        }
    }

    /** F = e^x at N = 1000: energies of order e^1000 stay finite in the log domain; dE has the right sign. */
    @Test
    void exponentialEnergyDoesNotOverflowAtThousandNeurons() {
        int n = 1000;
        int k = 20;
        Xoshiro256PlusPlus rng = Xoshiro256PlusPlus.forStream(5, 0, 0, 0);
        byte[] xi = PatternEnsembles.iid(0).draw(n, k, rng);
        byte[] start = PatternEnsembles.pattern(xi, n, k, 0);
        DenseChain chain = new DenseChain(xi, n, k, start, Interactions.exponential(), rng, OverlapKernels.best());
        double logE = chain.logNegativeEnergy();
        assertTrue(Double.isFinite(logE));
        // at the pattern, x_1 = N dominates: ln(-E) = N + ln(1 + sum_{mu>1} e^(x_mu - N)) ~ N
        assertEquals(n, logE, 1e-9);
        for (int t = 0; t < 500; t++) {
            int i = rng.nextInt(n);
            double before = chain.logNegativeEnergy();
            double dE = chain.energyDifference(i);
            chain.flip(i);
            double after = chain.logNegativeEnergy();
            assertTrue(Double.isFinite(after));
            // E = -e^L: dE > 0 iff L decreases
            if (after < before - 1e-9) {
                assertTrue(dE > 0, "step " + t);
            } else if (after > before + 1e-9) {
                assertTrue(dE < 0, "step " + t);
            }
        }
    }
}
