package org.saddle.simulation;

/**
 * The O(K) loops of single-flip Monte Carlo on {@link PackedPatterns bit-packed rows}, read directly (no unpacked
 * scratch row). With xi = 2b - 1 (b the bit), {@code sum_mu xi^mu o_mu = 2 sum_{mu: b=1} o_mu - sum_mu o_mu}: the kernels
 * return the masked sum, the caller keeps the total. Exact integer arithmetic; allocate nothing.
 */
public interface PackedOverlapKernel {

    /** Largest value of a biased entry: two of them add without overflowing 16 unsigned bits. */
    int MAX_BIASED = Short.MAX_VALUE;

    /**
     * {@code sum_{mu: bit set} u[mu]} modulo 2^32 over whole blocks of the row starting at {@code row}; {@code u} has
     * at least {@code 256 blocks} entries, each in [0, {@value #MAX_BIASED}] (callers store o + 16384 for
     * |o| &lt;= 16383 and subtract 16384 times the row's number of set bits). Integer arithmetic wraps modulo 2^32,
     * so the caller's result is exact whenever the true value fits an int.
     */
    int maskedSum(short[] bits, int row, short[] o, int blocks);

    /** {@code overlaps[mu] += factor * xi^mu} for mu &lt; k, xi from the packed row (factor = -2 sigma_i on a flip). */
    void addScaled(short[] bits, int row, int[] overlaps, int k, int factor);

    /**
     * {@code u[mu] += factor * xi^mu} for every mu of the row's whole blocks (the padding entries of u, whose bits are
     * 0, move by -factor and are never read by {@link #maskedSum}); entries stay short (callers keep them in range).
     */
    void addScaledShort(short[] bits, int row, short[] u, int blocks, int factor);

    /** "packed-scalar" or "packed-vector-&lt;species&gt;". */
    String name();
}
