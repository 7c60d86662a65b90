package org.saddle.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BookkeepingTest {

    /** H from its definition, -(1/2N) sum_{i != j} sum_mu xi_i^mu xi_j^mu sigma_i sigma_j, as an exact integer sum. */
    private static double energyPerNeuronFromDefinition(byte[] xi, byte[] sigma, int n, int k) {
        long pairSum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                long c = 0;
                for (int mu = 0; mu < k; mu++) {
                    c += xi[i * k + mu] * xi[j * k + mu];
                }
                pairSum += c * sigma[i] * sigma[j];
            }
        }
        return -(double) pairSum / (2.0 * n) / n;
    }

    @Test
    void incrementalOverlapsAndEnergyEqualRecomputation() {
        int n = 300;
        int k = 37;
        for (OverlapKernel kernel : new OverlapKernel[] {OverlapKernels.scalar(), OverlapKernels.best()}) {
            for (Dynamics d : Dynamics.values()) {
              for (int storage = 0; storage < 3; storage++) { // short, int, bit-packed rows with short overlaps
                boolean shortOverlaps = storage != 1;
                byte[] xi = HopfieldChain.randomPatterns(n, k, Xoshiro256PlusPlus.forStream(5, 0, 0, 0));
                byte[] start = HopfieldChain.cue(xi, n, k, 0, 0.5, Xoshiro256PlusPlus.forStream(5, 0, 0, 1));
                HopfieldChain chain = new HopfieldChain(xi, n, k, start, Xoshiro256PlusPlus.forStream(5, 0, 0, 2), kernel,
                        shortOverlaps, storage == 2);
                long accepted = 0;
                for (int t = 0; t < 200; t++) {
                    accepted += chain.sweep(d, 1.0 / 1.5); // T = 1.5: paramagnetic, many flips
                }
                // from a random start about half the spins oppose their field (d_i < 0), so even T = 0 descent
                // makes O(N) flips; at T = 1.5 the chain flips O(N) spins per sweep
                assertTrue(accepted > n / 10, "the chain must actually move: " + accepted);
                int[] fresh = new int[k];
                chain.recomputeOverlaps(fresh);
                assertArrayEquals(fresh, chain.overlapsCopy(), d + " " + kernel.name() + " storage=" + storage);
                assertEquals(HopfieldChain.sumOfSquares(fresh), chain.sumSquares());
                // e = -(1/2N^2) sum_mu M_mu^2 + K/(2N) must equal the definition of H with i != j
                assertEquals(energyPerNeuronFromDefinition(xi, chain.spinsView(), n, k), chain.energyPerNeuron(), 1e-12);
              }
            }
        }
    }
}
