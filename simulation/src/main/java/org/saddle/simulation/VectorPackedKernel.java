package org.saddle.simulation;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PackedOverlapKernel} on the JDK 17 Vector API with 256-bit vectors (AVX2), consuming the bit rows directly.
 * Per block, one 16-lane short vector of bits w: for b = 15..0, {@code w >> 15} (arithmetic) is the 0/-1 mask of
 * patterns {@code 256c + 16b + [0, 16)} and {@code w += w} brings the next bit up; mask AND u selects the entries
 * (vpsraw, vpaddw, vpand). Two selected vectors add in 16-bit lanes without carry (u &lt;= 32767), and the sum is
 * widened without a conversion: each int lane x of the reinterpreted short pair sum holds two unsigned 16-bit
 * partial sums hi, lo with x = 65536 hi + lo, so {@code hi + lo = x - 65535 (x >>> 16)}; the kernel accumulates x
 * and x &gt;&gt;&gt; 16 in int lanes (wrapping) and combines them at the end, exact modulo 2^32.
 * Only loaded through {@link OverlapKernels}.
 */
final class VectorPackedKernel implements PackedOverlapKernel {
    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_256;
    private static final VectorSpecies<Short> HALF_SHORTS = ShortVector.SPECIES_128;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;
    private static final int W = PackedPatterns.WORDS_PER_BLOCK;
    private static final int B = PackedPatterns.BLOCK;

    static final VectorPackedKernel INSTANCE = new VectorPackedKernel();

    private VectorPackedKernel() {
    }

    /** Whether 256-bit vectors are native (the layout's 16 short lanes). */
    static boolean usable() {
        return IntVector.SPECIES_PREFERRED.vectorBitSize() >= 256 && SHORTS.length() == W && INTS.length() == W / 2;
    }

    /** Bits 15..8 of every word go through {@code w}, bits 7..0 through {@code v = w << 8}: two independent chains. */
    @Override
    public int maskedSum(short[] bits, int row, short[] u, int blocks) {
        IntVector sumHigh = IntVector.zero(INTS);
        IntVector highHigh = IntVector.zero(INTS);
        IntVector sumLow = IntVector.zero(INTS);
        IntVector highLow = IntVector.zero(INTS);
        for (int c = 0; c < blocks; c++) {
            ShortVector w = ShortVector.fromArray(SHORTS, bits, row + c * W);
            ShortVector v = w.lanewise(VectorOperators.LSHL, 8);
            int at = c * B + 15 * W;
            for (int b = 0; b < 4; b++, at -= 2 * W) {
                ShortVector m1 = w.lanewise(VectorOperators.ASHR, 15);
                w = w.add(w);
                ShortVector m0 = w.lanewise(VectorOperators.ASHR, 15);
                w = w.add(w);
                ShortVector n1 = v.lanewise(VectorOperators.ASHR, 15);
                v = v.add(v);
                ShortVector n0 = v.lanewise(VectorOperators.ASHR, 15);
                v = v.add(v);
                IntVector x = m1.and(ShortVector.fromArray(SHORTS, u, at))
                        .add(m0.and(ShortVector.fromArray(SHORTS, u, at - W))).reinterpretAsInts();
                IntVector y = n1.and(ShortVector.fromArray(SHORTS, u, at - 8 * W))
                        .add(n0.and(ShortVector.fromArray(SHORTS, u, at - 9 * W))).reinterpretAsInts();
                sumHigh = sumHigh.add(x);
                highHigh = highHigh.add(x.lanewise(VectorOperators.LSHR, 16));
                sumLow = sumLow.add(y);
                highLow = highLow.add(y.lanewise(VectorOperators.LSHR, 16));
            }
        }
        return sumHigh.add(sumLow).reduceLanes(VectorOperators.ADD)
                - 65535 * highHigh.add(highLow).reduceLanes(VectorOperators.ADD);
    }

    /**
     * Per block and half (8 lanes): the 8 bit words sign-extended to int lanes once (vpmovsxwd); for each bit b,
     * {@code (w << 31-b) >> 31} is the 0/-1 mask and {@code (mask & 2 factor) - factor = factor xi}. The scalar
     * tail covers a last partial block.
     */
    @Override
    public void addScaled(short[] bits, int row, int[] overlaps, int k, int factor) {
        int full = k / B;
        int twice = 2 * factor;
        for (int c = 0; c < full; c++) {
            for (int half = 0; half < 2; half++) {
                IntVector w = (IntVector) ShortVector.fromArray(HALF_SHORTS, bits, row + c * W + 8 * half)
                        .convertShape(VectorOperators.S2I, INTS, 0);
                int at = c * B + 8 * half;
                for (int b = 0; b < 16; b++, at += W) {
                    IntVector xi = w.lanewise(VectorOperators.LSHL, 31 - b).lanewise(VectorOperators.ASHR, 31)
                            .and(twice).sub(factor);
                    IntVector.fromArray(INTS, overlaps, at).add(xi).intoArray(overlaps, at);
                }
            }
        }
        for (int mu = full * B; mu < k; mu++) {
            overlaps[mu] += factor * PackedPatterns.sign(bits, row, mu);
        }
    }

    /** Per block: for each bit b, {@code (w << 15-b) >> 15} is the 0/-1 mask and {@code (mask & 2 factor) - factor}. */
    @Override
    public void addScaledShort(short[] bits, int row, short[] u, int blocks, int factor) {
        short twice = (short) (2 * factor);
        short minus = (short) (-factor);
        for (int c = 0; c < blocks; c++) {
            ShortVector w = ShortVector.fromArray(SHORTS, bits, row + c * W);
            int at = c * B;
            for (int b = 0; b < 16; b++, at += W) {
                ShortVector xi = w.lanewise(VectorOperators.LSHL, 15 - b).lanewise(VectorOperators.ASHR, 15)
                        .and(twice).add(minus);
                ShortVector.fromArray(SHORTS, u, at).add(xi).intoArray(u, at);
            }
        }
    }

    @Override
    public String name() {
        return "packed-vector-" + SHORTS;
    }
}
