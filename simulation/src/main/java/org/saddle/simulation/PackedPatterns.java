package org.saddle.simulation;

/**
 * Bit-packed site-major +-1 patterns, 1 bit per pattern-site (16 KiB per row at K = 131072, 8x less than int8),
 * laid out so that a 256-bit vector consumes them without unpacking. Pattern indices are grouped in blocks of
 * {@value #BLOCK}; block c of row i is {@value #WORDS_PER_BLOCK} shorts {@code bits[i*rowShorts + 16c + l]}, and bit b
 * of short l is 1 iff {@code xi_i^mu = +1} for {@code mu = 256c + 16b + l}. So one 16-lane short vector of a block,
 * shifted left by 15 - b and arithmetically right by 15, is the 0/-1 mask of the 16 consecutive patterns
 * {@code 256c + 16b + [0, 16)}. K is padded to whole blocks with 0 bits (callers pad their per-pattern arrays with 0).
 */
public final class PackedPatterns {
    /** Patterns per block. */
    public static final int BLOCK = 256;
    /** Shorts (lanes) per block. */
    public static final int WORDS_PER_BLOCK = 16;

    private PackedPatterns() {
    }

    /** Blocks per row: ceil(K / 256). */
    public static int blocks(int patterns) {
        return (patterns + BLOCK - 1) / BLOCK;
    }

    /** K rounded up to whole blocks: the length per-pattern arrays read by the packed kernels must have. */
    public static int paddedPatterns(int patterns) {
        return blocks(patterns) * BLOCK;
    }

    /** Shorts per row. */
    public static int rowShorts(int patterns) {
        return blocks(patterns) * WORDS_PER_BLOCK;
    }

    /** Index of the short holding pattern mu of the row starting at {@code row}. */
    public static int word(int row, int mu) {
        return row + WORDS_PER_BLOCK * (mu >>> 8) + (mu & 15);
    }

    /** Bit position of pattern mu in its short. */
    public static int bitOf(int mu) {
        return (mu >>> 4) & 15;
    }

    /** xi_i^mu in {-1, +1} from the row starting at {@code row}. */
    public static int sign(short[] bits, int row, int mu) {
        return (((bits[word(row, mu)] >>> bitOf(mu)) & 1) << 1) - 1;
    }

    /** Packs int8 site-major +-1 patterns {@code xi[i*K + mu]} (N rows of K). */
    public static short[] pack(byte[] xi, int neurons, int patterns) {
        if ((long) neurons * patterns != xi.length) {
            throw new IllegalArgumentException("xi must have N*K entries");
        }
        int stride = rowShorts(patterns);
        short[] bits = new short[Math.multiplyExact(neurons, stride)];
        for (int i = 0; i < neurons; i++) {
            int row = i * stride;
            int off = i * patterns;
            for (int mu = 0; mu < patterns; mu++) {
                if (xi[off + mu] > 0) {
                    int w = word(row, mu);
                    bits[w] = (short) (bits[w] | (1 << bitOf(mu)));
                }
            }
        }
        return bits;
    }
}
