package org.saddle.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The optimized chain (fields of two sites per pass, int or short overlaps)
 * must be exactly the plain random-sequential Glauber chain: compared against a naive implementation that
 * consumes the same random numbers in the same order and recomputes every field from scratch,
 * h_i = (1/N) sum_{j != i} sum_mu xi_i^mu xi_j^mu sigma_j, flipping with probability 1/(1 + exp(2 beta sigma_i h_i)).
 */
class SequentialReferenceTest {

    private static final class NaiveGlauber {
        final int n;
        final int k;
        final byte[] xi;
        final byte[] sigma;
        final Xoshiro256PlusPlus rng;

        NaiveGlauber(byte[] xi, int n, int k, byte[] start, Xoshiro256PlusPlus rng) {
            this.n = n;
            this.k = k;
            this.xi = xi;
            this.sigma = start.clone();
            this.rng = rng;
        }

        int take() {
            return rng.nextInt(n);
        }

        void decide(int i, double beta) {
            double h = 0; // h_i from the couplings J_ij = (1/N) sum_mu xi_i^mu xi_j^mu, j != i
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    int c = 0;
                    for (int mu = 0; mu < k; mu++) {
                        c += xi[i * k + mu] * xi[j * k + mu];
                    }
                    h += (double) c * sigma[j];
                }
            }
            long d = (long) Math.round(h) * sigma[i];       // N sigma_i h_i, an exact integer
            double x = 2.0 * beta / n * d;                  // beta dE, dE = 2 sigma_i h_i
            double u = rng.nextDouble();
            if (u < 1.0 / (1.0 + Math.exp(x))) {
                sigma[i] = (byte) -sigma[i];
            }
        }

        void sweep(double beta) {
            int t = 0;
            for (; t + 1 < n; t += 2) {  // same draw order as the chain: two sites, then their two uniforms
                int a = take();
                int b = take();
                decide(a, beta);
                decide(b, beta);
            }
            if (t < n) {
                decide(take(), beta);
            }
        }
    }

    @Test
    void optimizedChainEqualsNaiveSequentialChain() {
        int n = 101; // odd: exercises the unpaired last attempt
        int k = 13;
        double beta = 1 / 0.8; // moderate temperature: many flips, so the refresh of the second field matters
        byte[] xi = HopfieldChain.randomPatterns(n, k, Xoshiro256PlusPlus.forStream(3, 1, 4, 0));
        byte[] start = HopfieldChain.cue(xi, n, k, 0, 0.3, Xoshiro256PlusPlus.forStream(3, 1, 4, 1));
        NaiveGlauber naive = new NaiveGlauber(xi, n, k, start, Xoshiro256PlusPlus.forStream(3, 1, 4, 2));
        HopfieldChain[] chains = {
            new HopfieldChain(xi, n, k, start, Xoshiro256PlusPlus.forStream(3, 1, 4, 2), OverlapKernels.best(), true),
            new HopfieldChain(xi, n, k, start, Xoshiro256PlusPlus.forStream(3, 1, 4, 2), OverlapKernels.best(), false),
            new HopfieldChain(xi, n, k, start, Xoshiro256PlusPlus.forStream(3, 1, 4, 2), OverlapKernels.scalar(), true),
            new HopfieldChain(xi, n, k, start, Xoshiro256PlusPlus.forStream(3, 1, 4, 2), OverlapKernels.best(), true, true),
        };
        long flips = 0;
        for (int t = 0; t < 30; t++) {
            naive.sweep(beta);
            for (HopfieldChain c : chains) {
                flips += c.glauberSweep(beta);
                assertArrayEquals(naive.sigma, c.spinsView(), "sweep " + t);
            }
        }
        assertTrue(flips > 30 * n / 10, "the comparison needs a moving chain: " + flips);
    }
}
