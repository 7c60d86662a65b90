package org.saddle.simulation;

/**
 * One Markov chain of the classical Hopfield network (PHYSICS.md sec. 1) on fixed patterns.
 *
 * <p>State: spins {@code sigma_i = +-1} and the exact integer overlaps
 * {@code M_mu = sum_i xi_i^mu sigma_i} (shorts when N &lt;= 16383, since |M_mu| &lt;= N, else ints);
 * the N x N coupling matrix is never built. With
 * {@code S_i = sum_mu xi_i^mu M_mu} the local field is {@code h_i = (S_i - K sigma_i) / N}
 * (self-coupling removed) and flipping site i changes the energy by
 * {@code dE = 2 sigma_i h_i = 2 d_i / N} with the integer {@code d_i = sigma_i S_i - K}.
 * On a flip {@code M_mu -= 2 sigma_i xi_i^mu} and {@code sum_mu M_mu^2} changes by {@code -4 d_i}.
 * One attempt costs O(K); sweeps allocate nothing. Not thread-safe.
 */
final class HopfieldChain {
    /**
     * Above this value of |beta dE| the acceptance probability is decided without exp: for
     * x = beta dE &gt; 40, 1/(1+e^x) &lt; 4.3e-18 &lt; 2^-53, so u &lt; p iff u == 0 (u on the lattice k 2^-53);
     * for x &lt; -40, 1 + e^x rounds to 1, so p = 1 exactly. Both shortcuts equal the formula bit for bit.
     */
    private static final double EXP_CUTOFF = 40.0;

    private final int neurons;
    private final int patterns;
    private final byte[] xi;
    private final byte[] sigma;
    /** Exact overlaps M_mu as ints (N &gt; 16383), else null. */
    private final int[] overlaps;
    /** Exact overlaps M_mu as shorts (N &lt;= 16383, see {@link OverlapKernel#MAX_SHORT_NEURONS}), else null. */
    private final short[] compactOverlaps;
    private final Xoshiro256PlusPlus rng;
    private final OverlapKernel kernel;
    private long sumSquares;
    /**
     * Bit-packed path (with short storage): the rows as {@link PackedPatterns} (N K / 8 bytes instead of N K), the
     * overlaps biased by {@value #BIAS} in {@code biased} (padded to whole blocks), their sum, and each row's set bits;
     * S_i = 2 (masked sum - BIAS ones_i) - sum_mu M_mu (xi = 2 bit - 1). Null/unused on the int8 paths.
     */
    private static final int BIAS = 16384;
    private final short[] bits;
    private final short[] biased;
    private final int[] ones;
    private final int rowShorts;
    private final int blocks;
    private final PackedOverlapKernel packed;
    private int overlapSum;

    /**
     * @param xi       site-major patterns, {@code xi[i*K + mu] = +-1}, shared read-only between chains
     * @param neurons  N
     * @param patterns K
     * @param start    initial spins (copied)
     * @param rng      this chain's own noise
     * @param kernel   the overlap kernel
     */
    HopfieldChain(byte[] xi, int neurons, int patterns, byte[] start, Xoshiro256PlusPlus rng, OverlapKernel kernel) {
        this(xi, neurons, patterns, start, rng, kernel, neurons <= OverlapKernel.MAX_SHORT_NEURONS,
                neurons <= OverlapKernel.MAX_SHORT_NEURONS);
    }

    /** As above, choosing the overlap storage explicitly (short storage requires N &lt;= 16383); for tests. */
    HopfieldChain(byte[] xi, int neurons, int patterns, byte[] start, Xoshiro256PlusPlus rng, OverlapKernel kernel,
            boolean shortOverlaps) {
        this(xi, neurons, patterns, start, rng, kernel, shortOverlaps, false);
    }

    /**
     * As above; {@code packedRows} reads bit-packed rows (needs short storage). Every path computes the same integer
     * fields, so the chains are identical bit for bit (tested).
     */
    HopfieldChain(byte[] xi, int neurons, int patterns, byte[] start, Xoshiro256PlusPlus rng, OverlapKernel kernel,
            boolean shortOverlaps, boolean packedRows) {
        if (shortOverlaps && neurons > OverlapKernel.MAX_SHORT_NEURONS) {
            throw new IllegalArgumentException("short overlaps need N <= " + OverlapKernel.MAX_SHORT_NEURONS);
        }
        if (packedRows && !shortOverlaps) {
            throw new IllegalArgumentException("packed rows need short overlaps");
        }
        if (xi.length != neurons * patterns || start.length != neurons) {
            throw new IllegalArgumentException("xi must have N*K entries and start N entries");
        }
        this.neurons = neurons;
        this.patterns = patterns;
        this.xi = xi;
        this.sigma = start.clone();
        this.rng = rng;
        this.kernel = kernel;
        int[] m = new int[patterns];
        recomputeOverlaps(m);
        this.sumSquares = sumOfSquares(m);
        if (packedRows) {
            this.overlaps = null;
            this.compactOverlaps = null;
            this.bits = PackedPatterns.pack(xi, neurons, patterns);
            this.blocks = PackedPatterns.blocks(patterns);
            this.rowShorts = PackedPatterns.rowShorts(patterns);
            this.biased = new short[PackedPatterns.paddedPatterns(patterns)];
            this.ones = new int[neurons];
            this.packed = kernel.packed();
            int sum = 0;
            for (int mu = 0; mu < patterns; mu++) {
                biased[mu] = (short) (m[mu] + BIAS);
                sum += m[mu];
            }
            this.overlapSum = sum;
            for (int i = 0; i < neurons; i++) {
                int count = 0;
                for (int mu = 0; mu < patterns; mu++) {
                    count += xi[i * patterns + mu] > 0 ? 1 : 0;
                }
                ones[i] = count;
            }
            return;
        }
        this.bits = null;
        this.biased = null;
        this.ones = null;
        this.rowShorts = 0;
        this.blocks = 0;
        this.packed = null;
        if (shortOverlaps) {
            this.overlaps = null;
            this.compactOverlaps = new short[patterns];
            for (int mu = 0; mu < patterns; mu++) {
                compactOverlaps[mu] = (short) m[mu];
            }
        } else {
            this.overlaps = m;
            this.compactOverlaps = null;
        }
    }

    /** I.i.d. +-1 patterns, site-major, 64 entries per random draw. */
    static byte[] randomPatterns(int neurons, int patterns, Xoshiro256PlusPlus rng) {
        return org.saddle.simulation.patterns.PatternEnsembles.iid(0).draw(neurons, patterns, rng);
    }

    /** Pattern {@code mu} with each bit flipped independently with probability {@code noise}. */
    static byte[] cue(byte[] xi, int neurons, int patterns, int mu, double noise, Xoshiro256PlusPlus rng) {
        byte[] s = new byte[neurons];
        for (int i = 0; i < neurons; i++) {
            boolean flip = noise > 0 && rng.nextDouble() < noise;
            s[i] = (byte) (flip ? -xi[i * patterns + mu] : xi[i * patterns + mu]);
        }
        return s;
    }

    /** From scratch: {@code M_mu = sum_i xi_i^mu sigma_i}, site-major so the inner loop is contiguous. */
    void recomputeOverlaps(int[] out) {
        java.util.Arrays.fill(out, 0, patterns, 0);
        for (int i = 0; i < neurons; i++) {
            int s = sigma[i];
            int off = i * patterns;
            for (int mu = 0; mu < patterns; mu++) {
                out[mu] += s * xi[off + mu];
            }
        }
    }

    static long sumOfSquares(int[] m) {
        long s = 0;
        for (int v : m) {
            s += (long) v * v;
        }
        return s;
    }

    private static final int GLAUBER = 0;
    private static final int METROPOLIS = 1;
    private static final int ZERO_TEMPERATURE = 2;

    /** One Glauber sweep (N attempts): flip with probability 1/(1+exp(beta dE)). Returns accepted flips. */
    long glauberSweep(double beta) {
        return sweepInPairs(GLAUBER, 2.0 * beta / neurons);
    }

    /** One Metropolis sweep: flip with probability min(1, exp(-beta dE)). Returns accepted flips. */
    long metropolisSweep(double beta) {
        return sweepInPairs(METROPOLIS, 2.0 * beta / neurons);
    }

    /** One T = 0 asynchronous sweep: flip iff dE &lt; 0 (ties keep). Returns accepted flips. */
    long zeroTemperatureSweep() {
        return sweepInPairs(ZERO_TEMPERATURE, 0);
    }

    /**
     * N attempts, taken two at a time: the fields of both sites are summed in one pass over the current
     * overlaps ({@link OverlapKernel#fieldPair}); the first attempt is decided; if it flipped, the overlaps
     * changed and the second field is summed again. So every attempt sees exactly the field of the
     * sequential chain: the Markov chain is the plain random-sequential one, evaluated faster.
     *
     * @param c {@code beta dE = c d} with {@code c = 2 beta / N} (unused at T = 0)
     */
    private long sweepInPairs(int mode, double c) {
        long accepted = 0;
        int t = 0;
        for (; t + 1 < neurons; t += 2) {
            int a = rng.nextInt(neurons); // random sequential site selection
            int b = rng.nextInt(neurons);
            long both = fieldPair(a, b);
            int fieldB = OverlapKernel.second(both);
            if (attempt(mode, c, a, OverlapKernel.first(both))) {
                accepted++;
                fieldB = field(b); // M changed: the second field is summed afresh
            }
            if (attempt(mode, c, b, fieldB)) {
                accepted++;
            }
        }
        if (t < neurons) {
            int a = rng.nextInt(neurons);
            if (attempt(mode, c, a, field(a))) {
                accepted++;
            }
        }
        return accepted;
    }

    /**
     * One attempt at site i with field {@code S_i}; flips and updates the overlaps on acceptance.
     * {@code d = sigma_i S_i - K}, {@code dE = 2 d / N}.
     */
    private boolean attempt(int mode, double c, int i, int field) {
        int s = sigma[i];
        long d = (long) s * field - patterns;
        boolean flip;
        if (mode == GLAUBER) {
            double x = c * d;             // beta dE
            double u = rng.nextDouble();
            flip = x > EXP_CUTOFF ? u == 0.0 : (x < -EXP_CUTOFF || u < 1.0 / (1.0 + Math.exp(x)));
        } else if (mode == METROPOLIS) {
            if (d <= 0) {
                flip = true;
            } else {
                double x = c * d;
                double u = rng.nextDouble();
                flip = x > EXP_CUTOFF ? u == 0.0 : u < Math.exp(-x);
            }
        } else {
            flip = d < 0;                 // T = 0: only strict descent
        }
        if (flip) {
            flip(i, s, d);
        }
        return flip;
    }

    /** One sweep of the given dynamics. */
    long sweep(Dynamics dynamics, double beta) {
        return switch (dynamics) {
            case GLAUBER -> glauberSweep(beta);
            case METROPOLIS -> metropolisSweep(beta);
            case ZERO_TEMPERATURE -> zeroTemperatureSweep();
        };
    }

    /** {@code S_i = sum_mu xi_i^mu M_mu}. */
    private int field(int i) {
        if (packed != null) {
            return 2 * (packed.maskedSum(bits, i * rowShorts, biased, blocks) - BIAS * ones[i]) - overlapSum;
        }
        int off = i * patterns;
        return compactOverlaps != null
                ? kernel.fieldShort(xi, off, compactOverlaps, patterns)
                : kernel.field(xi, off, overlaps, patterns);
    }

    /** Fields of two rows against the same overlaps, packed (see {@link OverlapKernel#fieldPair}). */
    private long fieldPair(int a, int b) {
        if (packed != null) {
            return OverlapKernel.pack(field(a), field(b));
        }
        return compactOverlaps != null
                ? kernel.fieldPairShort(xi, a * patterns, b * patterns, compactOverlaps, patterns)
                : kernel.fieldPair(xi, a * patterns, b * patterns, overlaps, patterns);
    }

    private void flip(int i, int s, long d) {
        if (packed != null) {
            packed.addScaledShort(bits, i * rowShorts, biased, blocks, -2 * s); // M_mu -= 2 sigma_i xi_i^mu
            overlapSum -= 2 * s * (2 * ones[i] - patterns);
        } else if (compactOverlaps != null) {
            kernel.addScaledShort(xi, i * patterns, compactOverlaps, patterns, -2 * s);
        } else {
            kernel.addScaled(xi, i * patterns, overlaps, patterns, -2 * s);
        }
        sigma[i] = (byte) -s;
        sumSquares -= 4 * d;                                 // sum M^2 changes by -4 d_i
    }

    /** {@code m_mu = M_mu / N}. */
    double overlap(int mu) {
        return (double) (packed != null ? biased[mu] - BIAS : compactOverlaps != null ? compactOverlaps[mu] : overlaps[mu])
                / neurons;
    }

    /** {@code e = H/N = -(1/(2N^2)) sum_mu M_mu^2 + K/(2N)}. */
    double energyPerNeuron() {
        return -(double) sumSquares / (2.0 * neurons * (double) neurons) + patterns / (2.0 * neurons);
    }

    /** {@code q = (1/N) sum_i sigma_i^a sigma_i^b}. */
    double replicaOverlap(HopfieldChain other) {
        long s = 0;
        for (int i = 0; i < neurons; i++) {
            s += sigma[i] * other.sigma[i];
        }
        return (double) s / neurons;
    }

    /** A copy of the overlaps as ints (allocates; not for hot loops). */
    int[] overlapsCopy() {
        if (overlaps != null) {
            return overlaps.clone();
        }
        int[] m = new int[patterns];
        for (int mu = 0; mu < patterns; mu++) {
            m[mu] = packed != null ? biased[mu] - BIAS : compactOverlaps[mu];
        }
        return m;
    }

    long sumSquares() {
        return sumSquares;
    }

    byte[] spinsView() {
        return sigma;
    }
}
