package org.saddle.simulation;

/** Plain-Java {@link PackedOverlapKernel}: the reference and the fallback when the Vector API is absent. */
final class ScalarPackedKernel implements PackedOverlapKernel {
    static final ScalarPackedKernel INSTANCE = new ScalarPackedKernel();

    private ScalarPackedKernel() {
    }

    @Override
    public int maskedSum(short[] bits, int row, short[] o, int blocks) {
        int s = 0;
        for (int c = 0; c < blocks; c++) {
            int base = c * PackedPatterns.BLOCK;
            int w0 = row + c * PackedPatterns.WORDS_PER_BLOCK;
            for (int l = 0; l < PackedPatterns.WORDS_PER_BLOCK; l++) {
                int w = bits[w0 + l];
                for (int b = 0; b < 16; b++) {
                    s += o[base + 16 * b + l] & -((w >>> b) & 1);
                }
            }
        }
        return s;
    }

    @Override
    public void addScaled(short[] bits, int row, int[] overlaps, int k, int factor) {
        for (int mu = 0; mu < k; mu++) {
            overlaps[mu] += factor * PackedPatterns.sign(bits, row, mu);
        }
    }

    @Override
    public void addScaledShort(short[] bits, int row, short[] u, int blocks, int factor) {
        int k = blocks * PackedPatterns.BLOCK;
        for (int mu = 0; mu < k; mu++) {
            u[mu] = (short) (u[mu] + factor * PackedPatterns.sign(bits, row, mu));
        }
    }

    @Override
    public String name() {
        return "packed-scalar";
    }
}
