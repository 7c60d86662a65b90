package org.saddle.simulation;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link OverlapKernel} on the JDK 17 Vector API (jdk.incubator.vector). Loads as many int8 pattern
 * entries as there are int lanes, sign-extends them to int lanes (B2I, vpmovsxbd on x86) and
 * multiply-adds with the int overlaps into four independent accumulators. All integer, hence exact;
 * |field| &lt;= K N &lt;= Integer.MAX_VALUE by the spec's validation, so no lane can overflow.
 * Only loaded through {@link OverlapKernels}, which falls back to {@link ScalarOverlapKernel}.
 */
final class VectorOverlapKernel implements OverlapKernel {
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.vectorBitSize() / 4));
    private static final int LANES = INTS.length();
    /** Shorts in a vector of the int shape, and bytes of the same lane count (B2S keeps the lane count). */
    private static final VectorSpecies<Short> SHORTS = VectorSpecies.of(short.class, INTS.vectorShape());
    private static final VectorSpecies<Byte> BYTES_FOR_SHORTS =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.vectorBitSize() / 2));
    private static final int SHORT_LANES = SHORTS.length();

    static final VectorOverlapKernel INSTANCE = new VectorOverlapKernel();

    private VectorOverlapKernel() {
    }

    /** Whether the preferred shape is wide enough (byte vectors of at least 64 bits, i.e. ints of 256). */
    static boolean usable() {
        return INTS.vectorBitSize() >= 256 && BYTES.length() == LANES && BYTES_FOR_SHORTS.length() == SHORT_LANES;
    }

    private static IntVector widen(byte[] xi, int at) {
        return (IntVector) ByteVector.fromArray(BYTES, xi, at).convertShape(VectorOperators.B2I, INTS, 0);
    }

    @Override
    public int field(byte[] xi, int offset, int[] overlaps, int k) {
        IntVector a0 = IntVector.zero(INTS);
        IntVector a1 = IntVector.zero(INTS);
        IntVector a2 = IntVector.zero(INTS);
        IntVector a3 = IntVector.zero(INTS);
        int mu = 0;
        for (int end = k - 4 * LANES; mu <= end; mu += 4 * LANES) {
            a0 = a0.add(widen(xi, offset + mu).mul(IntVector.fromArray(INTS, overlaps, mu)));
            a1 = a1.add(widen(xi, offset + mu + LANES).mul(IntVector.fromArray(INTS, overlaps, mu + LANES)));
            a2 = a2.add(widen(xi, offset + mu + 2 * LANES).mul(IntVector.fromArray(INTS, overlaps, mu + 2 * LANES)));
            a3 = a3.add(widen(xi, offset + mu + 3 * LANES).mul(IntVector.fromArray(INTS, overlaps, mu + 3 * LANES)));
        }
        for (int end = k - LANES; mu <= end; mu += LANES) {
            a0 = a0.add(widen(xi, offset + mu).mul(IntVector.fromArray(INTS, overlaps, mu)));
        }
        int s = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; mu < k; mu++) {
            s += xi[offset + mu] * overlaps[mu];
        }
        return s;
    }

    @Override
    public void addScaled(byte[] xi, int offset, int[] overlaps, int k, int factor) {
        int mu = 0;
        for (int end = k - LANES; mu <= end; mu += LANES) {
            IntVector.fromArray(INTS, overlaps, mu).add(widen(xi, offset + mu).mul(factor)).intoArray(overlaps, mu);
        }
        for (; mu < k; mu++) {
            overlaps[mu] += factor * xi[offset + mu];
        }
    }

    private static ShortVector widenToShorts(byte[] xi, int at) {
        return (ShortVector) ByteVector.fromArray(BYTES_FOR_SHORTS, xi, at).convertShape(VectorOperators.B2S, SHORTS, 0);
    }

    /**
     * Short overlaps: products xi M are exact shorts (|M| &lt;= 16383), two are added in short lanes
     * (|sum| &lt;= 32766), and the pair sums are widened without a conversion by reading each int lane
     * as its two shorts: high = x &gt;&gt; 16, low = (x &lt;&lt; 16) &gt;&gt; 16 (arithmetic shifts).
     */
    @Override
    public int fieldShort(byte[] xi, int offset, short[] overlaps, int k) {
        IntVector hi0 = IntVector.zero(INTS);
        IntVector lo0 = IntVector.zero(INTS);
        IntVector hi1 = IntVector.zero(INTS);
        IntVector lo1 = IntVector.zero(INTS);
        int mu = 0;
        for (int end = k - 4 * SHORT_LANES; mu <= end; mu += 4 * SHORT_LANES) {
            ShortVector p0 = widenToShorts(xi, offset + mu).mul(ShortVector.fromArray(SHORTS, overlaps, mu));
            ShortVector q0 = widenToShorts(xi, offset + mu + SHORT_LANES)
                    .mul(ShortVector.fromArray(SHORTS, overlaps, mu + SHORT_LANES));
            ShortVector p1 = widenToShorts(xi, offset + mu + 2 * SHORT_LANES)
                    .mul(ShortVector.fromArray(SHORTS, overlaps, mu + 2 * SHORT_LANES));
            ShortVector q1 = widenToShorts(xi, offset + mu + 3 * SHORT_LANES)
                    .mul(ShortVector.fromArray(SHORTS, overlaps, mu + 3 * SHORT_LANES));
            IntVector x0 = p0.add(q0).reinterpretAsInts();
            IntVector x1 = p1.add(q1).reinterpretAsInts();
            hi0 = hi0.add(x0.lanewise(VectorOperators.ASHR, 16));
            lo0 = lo0.add(x0.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16));
            hi1 = hi1.add(x1.lanewise(VectorOperators.ASHR, 16));
            lo1 = lo1.add(x1.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16));
        }
        int s = hi0.add(lo0).add(hi1.add(lo1)).reduceLanes(VectorOperators.ADD);
        for (; mu < k; mu++) {
            s += xi[offset + mu] * overlaps[mu];
        }
        return s;
    }

    @Override
    public long fieldPair(byte[] xi, int offsetA, int offsetB, int[] overlaps, int k) {
        IntVector a0 = IntVector.zero(INTS);
        IntVector a1 = IntVector.zero(INTS);
        IntVector b0 = IntVector.zero(INTS);
        IntVector b1 = IntVector.zero(INTS);
        int mu = 0;
        for (int end = k - 2 * LANES; mu <= end; mu += 2 * LANES) {
            IntVector m0 = IntVector.fromArray(INTS, overlaps, mu);
            IntVector m1 = IntVector.fromArray(INTS, overlaps, mu + LANES);
            a0 = a0.add(widen(xi, offsetA + mu).mul(m0));
            a1 = a1.add(widen(xi, offsetA + mu + LANES).mul(m1));
            b0 = b0.add(widen(xi, offsetB + mu).mul(m0));
            b1 = b1.add(widen(xi, offsetB + mu + LANES).mul(m1));
        }
        int a = a0.add(a1).reduceLanes(VectorOperators.ADD);
        int b = b0.add(b1).reduceLanes(VectorOperators.ADD);
        for (; mu < k; mu++) {
            a += xi[offsetA + mu] * overlaps[mu];
            b += xi[offsetB + mu] * overlaps[mu];
        }
        return OverlapKernel.pack(a, b);
    }

    /** Two rows as in {@link #fieldShort}: pair sums of exact short products, widened by shifts. */
    @Override
    public long fieldPairShort(byte[] xi, int offsetA, int offsetB, short[] overlaps, int k) {
        IntVector hiA = IntVector.zero(INTS);
        IntVector loA = IntVector.zero(INTS);
        IntVector hiB = IntVector.zero(INTS);
        IntVector loB = IntVector.zero(INTS);
        int mu = 0;
        for (int end = k - 2 * SHORT_LANES; mu <= end; mu += 2 * SHORT_LANES) {
            ShortVector m0 = ShortVector.fromArray(SHORTS, overlaps, mu);
            ShortVector m1 = ShortVector.fromArray(SHORTS, overlaps, mu + SHORT_LANES);
            IntVector x = widenToShorts(xi, offsetA + mu).mul(m0)
                    .add(widenToShorts(xi, offsetA + mu + SHORT_LANES).mul(m1)).reinterpretAsInts();
            IntVector y = widenToShorts(xi, offsetB + mu).mul(m0)
                    .add(widenToShorts(xi, offsetB + mu + SHORT_LANES).mul(m1)).reinterpretAsInts();
            hiA = hiA.add(x.lanewise(VectorOperators.ASHR, 16));
            loA = loA.add(x.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16));
            hiB = hiB.add(y.lanewise(VectorOperators.ASHR, 16));
            loB = loB.add(y.lanewise(VectorOperators.LSHL, 16).lanewise(VectorOperators.ASHR, 16));
        }
        int a = hiA.add(loA).reduceLanes(VectorOperators.ADD);
        int b = hiB.add(loB).reduceLanes(VectorOperators.ADD);
        for (; mu < k; mu++) {
            a += xi[offsetA + mu] * overlaps[mu];
            b += xi[offsetB + mu] * overlaps[mu];
        }
        return OverlapKernel.pack(a, b);
    }

    @Override
    public void addScaledShort(byte[] xi, int offset, short[] overlaps, int k, int factor) {
        short f = (short) factor;
        int mu = 0;
        for (int end = k - SHORT_LANES; mu <= end; mu += SHORT_LANES) {
            ShortVector.fromArray(SHORTS, overlaps, mu).add(widenToShorts(xi, offset + mu).mul(f)).intoArray(overlaps, mu);
        }
        for (; mu < k; mu++) {
            overlaps[mu] = (short) (overlaps[mu] + factor * xi[offset + mu]);
        }
    }

    @Override
    public PackedOverlapKernel packed() {
        return VectorPackedKernel.usable() ? VectorPackedKernel.INSTANCE : ScalarPackedKernel.INSTANCE;
    }

    @Override
    public String name() {
        return "vector-" + INTS;
    }
}
