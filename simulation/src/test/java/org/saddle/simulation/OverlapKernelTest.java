package org.saddle.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OverlapKernelTest {
    private static final int[] PATTERN_COUNTS = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 65, 100, 257, 1000, 1003};

    @Test
    void vectorKernelIsChosenWhenTheModuleIsPresent() {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        // surefire runs with --add-modules=jdk.incubator.vector (parent pom); on a >= 256-bit machine the vector kernel wins
        if (present && VectorOverlapKernel.usable()) {
            assertTrue(OverlapKernels.best().name().startsWith("vector-"), OverlapKernels.best().name());
        } else {
            assertEquals("scalar", OverlapKernels.best().name());
        }
    }

    @Test
    void bestKernelEqualsScalarAndLongReferenceExactly() {
        OverlapKernel best = OverlapKernels.best();
        OverlapKernel scalar = OverlapKernels.scalar();
        Xoshiro256PlusPlus r = Xoshiro256PlusPlus.forStream(42, 0, 0, 0);
        int neurons = 30_000; // overlaps range over [-N, N]
        for (int k : PATTERN_COUNTS) {
            int rows = 5;
            byte[] xi = HopfieldChain.randomPatterns(rows, k, r);
            int[] m = new int[k];
            for (int trial = 0; trial < 20; trial++) {
                for (int mu = 0; mu < k; mu++) {
                    // extremes +-N on the first trials, uniform in [-N, N] afterwards
                    m[mu] = trial == 0 ? neurons : trial == 1 ? -neurons * xi[mu] : r.nextInt(2 * neurons + 1) - neurons;
                }
                for (int row = 0; row < rows; row++) {
                    long reference = 0;
                    for (int mu = 0; mu < k; mu++) {
                        reference += (long) xi[row * k + mu] * m[mu];
                    }
                    assertEquals(reference, scalar.field(xi, row * k, m, k), "scalar K=" + k);
                    assertEquals(reference, best.field(xi, row * k, m, k), best.name() + " K=" + k);
                }
                // short storage: |M| <= 16383 (N <= OverlapKernel.MAX_SHORT_NEURONS); extremes and uniform values
                short[] ms = new short[k];
                int nShort = OverlapKernel.MAX_SHORT_NEURONS;
                for (int mu = 0; mu < k; mu++) {
                    ms[mu] = (short) (trial == 0 ? nShort : trial == 1 ? -nShort * xi[mu] : r.nextInt(2 * nShort + 1) - nShort);
                }
                for (int row = 0; row < rows; row++) {
                    long reference = 0;
                    for (int mu = 0; mu < k; mu++) {
                        reference += (long) xi[row * k + mu] * ms[mu];
                    }
                    assertEquals(reference, scalar.fieldShort(xi, row * k, ms, k), "scalar short K=" + k);
                    assertEquals(reference, best.fieldShort(xi, row * k, ms, k), best.name() + " short K=" + k);
                }
                for (int row = 0; row + 1 < rows; row++) {
                    long pairRef = OverlapKernel.pack(scalar.fieldShort(xi, row * k, ms, k), scalar.fieldShort(xi, (row + 1) * k, ms, k));
                    assertEquals(pairRef, scalar.fieldPairShort(xi, row * k, (row + 1) * k, ms, k));
                    assertEquals(pairRef, best.fieldPairShort(xi, row * k, (row + 1) * k, ms, k), best.name() + " pair short K=" + k);
                    long pairInt = OverlapKernel.pack(scalar.field(xi, (row + 1) * k, m, k), scalar.field(xi, row * k, m, k));
                    assertEquals(pairInt, scalar.fieldPair(xi, (row + 1) * k, row * k, m, k));
                    assertEquals(pairInt, best.fieldPair(xi, (row + 1) * k, row * k, m, k), best.name() + " pair K=" + k);
                }
                int factor = trial % 2 == 0 ? -2 : 2;
                short[] sa = ms.clone();
                short[] sb = ms.clone();
                for (int mu = 0; mu < k; mu++) { // keep |M| <= 16383 after the update, as a chain does
                    sa[mu] = sb[mu] = (short) Math.max(-nShort + 2, Math.min(nShort - 2, ms[mu]));
                }
                short[] expected = sa.clone();
                scalar.addScaledShort(xi, 2 * k, sa, k, factor);
                best.addScaledShort(xi, 2 * k, sb, k, factor);
                for (int mu = 0; mu < k; mu++) {
                    assertEquals(expected[mu] + factor * xi[2 * k + mu], sa[mu]);
                }
                assertArrayEquals(sa, sb, best.name() + " short update K=" + k);
                int[] a = m.clone();
                int[] b = m.clone();
                scalar.addScaled(xi, 2 * k, a, k, factor);
                best.addScaled(xi, 2 * k, b, k, factor);
                for (int mu = 0; mu < k; mu++) {
                    assertEquals(m[mu] + factor * xi[2 * k + mu], a[mu]);
                }
                assertArrayEquals(a, b, best.name() + " update K=" + k);
            }
        }
    }

    @Test
    void packedPairsRoundTripSignedFields() {
        int[] values = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 123_456_789, -987_654};
        for (int a : values) {
            for (int b : values) {
                long p = OverlapKernel.pack(a, b);
                assertEquals(a, OverlapKernel.first(p));
                assertEquals(b, OverlapKernel.second(p));
            }
        }
    }

    @Test
    void chainsAgreeBitwiseBetweenKernelsAndOverlapStorages() {
        int n = 300;
        int k = 45;
        byte[] xi = HopfieldChain.randomPatterns(n, k, Xoshiro256PlusPlus.forStream(8, 0, 0, 0));
        byte[] start = HopfieldChain.cue(xi, n, k, 0, 0.2, Xoshiro256PlusPlus.forStream(8, 0, 0, 1));
        HopfieldChain[] chains = {
            new HopfieldChain(xi, n, k, start, Xoshiro256PlusPlus.forStream(8, 0, 0, 2), OverlapKernels.scalar(), false),
            new HopfieldChain(xi, n, k, start, Xoshiro256PlusPlus.forStream(8, 0, 0, 2), OverlapKernels.scalar(), true),
            new HopfieldChain(xi, n, k, start, Xoshiro256PlusPlus.forStream(8, 0, 0, 2), OverlapKernels.best(), false),
            new HopfieldChain(xi, n, k, start, Xoshiro256PlusPlus.forStream(8, 0, 0, 2), OverlapKernels.best(), true),
            // bit-packed rows (K = 45: one partial block), scalar and vector packed kernels
            new HopfieldChain(xi, n, k, start, Xoshiro256PlusPlus.forStream(8, 0, 0, 2), OverlapKernels.scalar(), true, true),
            new HopfieldChain(xi, n, k, start, Xoshiro256PlusPlus.forStream(8, 0, 0, 2), OverlapKernels.best(), true, true),
        };
        for (int t = 0; t < 20; t++) {
            for (HopfieldChain c : chains) {
                c.glauberSweep(1 / 0.7);
            }
        }
        for (HopfieldChain c : chains) {
            assertArrayEquals(chains[0].spinsView(), c.spinsView());
            assertArrayEquals(chains[0].overlapsCopy(), c.overlapsCopy());
        }
    }

    @Test
    void wholeSamplesAgreeBitwiseBetweenKernels() {
        HopfieldSimulationSpec spec = new HopfieldSimulationSpec(300, 37, 0.4, Dynamics.GLAUBER, 5, 5, 1, 11, 2, 0.1);
        assertEquals(HopfieldSimulation.runSample(spec, 0, OverlapKernels.scalar()),
                HopfieldSimulation.runSample(spec, 0, OverlapKernels.best()));
    }
}
