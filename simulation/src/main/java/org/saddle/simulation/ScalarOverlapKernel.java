package org.saddle.simulation;

/** Plain-Java {@link OverlapKernel}; the reference and the fallback when the Vector API is absent. */
final class ScalarOverlapKernel implements OverlapKernel {
    static final ScalarOverlapKernel INSTANCE = new ScalarOverlapKernel();

    private ScalarOverlapKernel() {
    }

    @Override
    public int field(byte[] xi, int offset, int[] overlaps, int k) {
        int s0 = 0;
        int s1 = 0;
        int mu = 0;
        for (; mu + 1 < k; mu += 2) {
            s0 += xi[offset + mu] * overlaps[mu];
            s1 += xi[offset + mu + 1] * overlaps[mu + 1];
        }
        if (mu < k) {
            s0 += xi[offset + mu] * overlaps[mu];
        }
        return s0 + s1;
    }

    @Override
    public void addScaled(byte[] xi, int offset, int[] overlaps, int k, int factor) {
        for (int mu = 0; mu < k; mu++) {
            overlaps[mu] += factor * xi[offset + mu];
        }
    }

    @Override
    public int fieldShort(byte[] xi, int offset, short[] overlaps, int k) {
        int s = 0;
        for (int mu = 0; mu < k; mu++) {
            s += xi[offset + mu] * overlaps[mu];
        }
        return s;
    }

    @Override
    public void addScaledShort(byte[] xi, int offset, short[] overlaps, int k, int factor) {
        for (int mu = 0; mu < k; mu++) {
            overlaps[mu] = (short) (overlaps[mu] + factor * xi[offset + mu]);
        }
    }

    @Override
    public long fieldPair(byte[] xi, int offsetA, int offsetB, int[] overlaps, int k) {
        int a = 0;
        int b = 0;
        for (int mu = 0; mu < k; mu++) {
            a += xi[offsetA + mu] * overlaps[mu];
            b += xi[offsetB + mu] * overlaps[mu];
        }
        return OverlapKernel.pack(a, b);
    }

    @Override
    public long fieldPairShort(byte[] xi, int offsetA, int offsetB, short[] overlaps, int k) {
        int a = 0;
        int b = 0;
        for (int mu = 0; mu < k; mu++) {
            a += xi[offsetA + mu] * overlaps[mu];
            b += xi[offsetB + mu] * overlaps[mu];
        }
        return OverlapKernel.pack(a, b);
    }

    @Override
    public String name() {
        return "scalar";
    }
}
