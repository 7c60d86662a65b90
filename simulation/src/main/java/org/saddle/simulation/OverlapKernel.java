package org.saddle.simulation;

/**
 * The two O(K) loops of single-flip Monte Carlo on a Hebbian network with site-major int8 patterns
 * {@code xi[i*K + mu]} and exact integer overlaps {@code M_mu = sum_i xi_i^mu sigma_i}.
 * Overlaps are int, or short when N &lt;= {@value #MAX_SHORT_NEURONS} (half the memory traffic and twice
 * the lanes). Implementations are exact (integer arithmetic) and allocate nothing.
 */
public interface OverlapKernel {

    /** Largest N for which short overlaps are used: 2N &lt;= Short.MAX_VALUE, so two products add without overflow. */
    int MAX_SHORT_NEURONS = 16383;

    /** {@code sum_{mu<k} xi[offset+mu] * overlaps[mu]}, the unnormalized field N h_i + K sigma_i. */
    int field(byte[] xi, int offset, int[] overlaps, int k);

    /** {@code overlaps[mu] += factor * xi[offset+mu]} for mu &lt; k (factor = -2 sigma_i on a flip of site i). */
    void addScaled(byte[] xi, int offset, int[] overlaps, int k, int factor);

    /**
     * The same field with overlaps stored as shorts. Exact when every {@code |overlaps[mu]| <= 16383}
     * (guaranteed for N &lt;= 16383 since |M_mu| &lt;= N): a product is at most 16383 in magnitude and
     * the sum of two products fits a short.
     */
    int fieldShort(byte[] xi, int offset, short[] overlaps, int k);

    /** {@code overlaps[mu] += factor * xi[offset+mu]} on short overlaps (the caller keeps |M_mu| &lt;= N). */
    void addScaledShort(byte[] xi, int offset, short[] overlaps, int k, int factor);

    /**
     * The fields of two rows against the same overlaps in one pass (twice the memory-level parallelism
     * for randomly chosen rows, one load of the overlaps for both), packed as
     * {@code (long) fieldA << 32 | (fieldB & 0xFFFFFFFFL)}; unpack with {@link #first} and {@link #second}.
     */
    long fieldPair(byte[] xi, int offsetA, int offsetB, int[] overlaps, int k);

    /** {@link #fieldPair} on short overlaps (|M_mu| &lt;= 16383). */
    long fieldPairShort(byte[] xi, int offsetA, int offsetB, short[] overlaps, int k);

    /** Packs two fields. */
    static long pack(int fieldA, int fieldB) {
        return ((long) fieldA << 32) | (fieldB & 0xFFFFFFFFL);
    }

    /** The first field of a packed pair. */
    static int first(long pair) {
        return (int) (pair >> 32);
    }

    /** The second field of a packed pair. */
    static int second(long pair) {
        return (int) pair;
    }

    /** The kernel of the same family on {@link PackedPatterns bit-packed rows} (scalar for the scalar kernel). */
    default PackedOverlapKernel packed() {
        return ScalarPackedKernel.INSTANCE;
    }

    /** "scalar" or "vector-&lt;species&gt;". */
    String name();
}
