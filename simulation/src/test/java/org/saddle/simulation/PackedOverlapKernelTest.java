package org.saddle.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bit-packed layout and the packed kernels against long-integer references computed from the int8 patterns. */
class PackedOverlapKernelTest {
    private static final int[] PATTERN_COUNTS = {1, 15, 16, 17, 255, 256, 257, 511, 1000, 4096};

    private static List<PackedOverlapKernel> kernels() {
        return List.of(OverlapKernels.scalar().packed(), OverlapKernels.best().packed());
    }

    @Test
    void vectorPackedKernelIsChosenWithTheVectorKernel() {
        assertEquals("packed-scalar", OverlapKernels.scalar().packed().name());
        if (OverlapKernels.best().name().startsWith("vector-") && VectorPackedKernel.usable()) {
            assertTrue(OverlapKernels.best().packed().name().startsWith("packed-vector-"), OverlapKernels.best().packed().name());
        }
    }

    @Test
    void packedRowsRoundTripTheSignsAndPadWithZeroBits() {
        Xoshiro256PlusPlus r = Xoshiro256PlusPlus.forStream(3, 0, 0, 0);
        for (int k : PATTERN_COUNTS) {
            int n = 3;
            byte[] xi = HopfieldChain.randomPatterns(n, k, r);
            short[] bits = PackedPatterns.pack(xi, n, k);
            int stride = PackedPatterns.rowShorts(k);
            assertEquals(n * stride, bits.length);
            assertEquals(0, PackedPatterns.paddedPatterns(k) % PackedPatterns.BLOCK);
            for (int i = 0; i < n; i++) {
                int ones = 0;
                for (int mu = 0; mu < k; mu++) {
                    assertEquals(xi[i * k + mu], PackedPatterns.sign(bits, i * stride, mu), "K=" + k);
                    ones += xi[i * k + mu] > 0 ? 1 : 0;
                }
                int bitCount = 0;
                for (int w = 0; w < stride; w++) {
                    bitCount += Integer.bitCount(bits[i * stride + w] & 0xFFFF);
                }
                assertEquals(ones, bitCount, "padding bits must be 0, K=" + k);
            }
        }
    }

    /**
     * maskedSum = sum over set bits of u modulo 2^32, and the identity the chain uses,
     * sum_mu xi^mu o_mu = 2 (maskedSum(o + 16384) - 16384 ones) - sum_mu o_mu, for o in [-16383, 16383].
     */
    @Test
    void maskedSumEqualsLongReference() {
        Xoshiro256PlusPlus r = Xoshiro256PlusPlus.forStream(4, 0, 0, 0);
        for (int k : PATTERN_COUNTS) {
            int n = 4;
            byte[] xi = HopfieldChain.randomPatterns(n, k, r);
            short[] bits = PackedPatterns.pack(xi, n, k);
            int stride = PackedPatterns.rowShorts(k);
            short[] u = new short[PackedPatterns.paddedPatterns(k)];
            for (int trial = 0; trial < 6; trial++) {
                int[] o = new int[k];
                long total = 0;
                for (int mu = 0; mu < k; mu++) {
                    // extremes first (all +16383, all -16383), then uniform
                    o[mu] = trial == 0 ? 16383 : trial == 1 ? -16383 : r.nextInt(32767) - 16383;
                    u[mu] = (short) (o[mu] + 16384);
                    total += o[mu];
                }
                for (int i = 0; i < n; i++) {
                    long masked = 0;
                    long field = 0;
                    int ones = 0;
                    for (int mu = 0; mu < k; mu++) {
                        if (xi[i * k + mu] > 0) {
                            masked += u[mu];
                            ones++;
                        }
                        field += (long) xi[i * k + mu] * o[mu];
                    }
                    for (PackedOverlapKernel kernel : kernels()) {
                        int m = kernel.maskedSum(bits, i * stride, u, PackedPatterns.blocks(k));
                        assertEquals((int) masked, m, kernel.name() + " K=" + k);
                        assertEquals(field, 2 * (m - 16384 * ones) - (int) total, kernel.name() + " field K=" + k);
                    }
                }
            }
        }
    }

    /** The largest sums: 131072 entries of 32767 (4.29e9, beyond an int) are still right modulo 2^32. */
    @Test
    void maskedSumWrapsModulo2To32() {
        int k = 131072;
        byte[] xi = new byte[k];
        java.util.Arrays.fill(xi, (byte) 1);
        short[] bits = PackedPatterns.pack(xi, 1, k);
        short[] u = new short[k];
        java.util.Arrays.fill(u, Short.MAX_VALUE);
        for (PackedOverlapKernel kernel : kernels()) {
            assertEquals((int) (32767L * k), kernel.maskedSum(bits, 0, u, PackedPatterns.blocks(k)), kernel.name());
        }
    }

    @Test
    void addScaledEqualsTheInt8Kernel() {
        Xoshiro256PlusPlus r = Xoshiro256PlusPlus.forStream(5, 0, 0, 0);
        for (int k : PATTERN_COUNTS) {
            int n = 3;
            byte[] xi = HopfieldChain.randomPatterns(n, k, r);
            short[] bits = PackedPatterns.pack(xi, n, k);
            int stride = PackedPatterns.rowShorts(k);
            int[] start = new int[k];
            for (int mu = 0; mu < k; mu++) {
                start[mu] = r.nextInt(2001) - 1000;
            }
            for (int i = 0; i < n; i++) {
                for (int factor : new int[] {-2, 2, 7}) {
                    int[] expected = start.clone();
                    OverlapKernels.scalar().addScaled(xi, i * k, expected, k, factor);
                    for (PackedOverlapKernel kernel : kernels()) {
                        int[] got = start.clone();
                        kernel.addScaled(bits, i * stride, got, k, factor);
                        assertArrayEquals(expected, got, kernel.name() + " K=" + k);
                    }
                }
            }
        }
    }
}
