package org.saddle.simulation.dense;

import org.saddle.simulation.Dynamics;
import org.saddle.simulation.OverlapKernel;
import org.saddle.simulation.PackedOverlapKernel;
import org.saddle.simulation.PackedPatterns;
import org.saddle.simulation.Xoshiro256PlusPlus;

/**
 * One Markov chain of a dense associative memory E(sigma) = -c sum_mu F(x_mu) on fixed int8 site-major
 * patterns {@code xi[i*K + mu]}, with the exact integer overlaps {@code x_mu = sum_i xi_i^mu sigma_i} stored
 * and never recomputed in a sweep (F and c from {@link InteractionFunction}).
 *
 * <p><b>Single-flip energy difference in O(K).</b> Flipping site i changes x_mu by {@code -2 a_mu},
 * {@code a_mu = sigma_i xi_i^mu}, so {@code dE_i = -c sum_mu [F(x_mu - 2 a_mu) - F(x_mu)]}. With
 * {@code D+(x) = F(x-2) - F(x)} and {@code D-(x) = F(x+2) - F(x)} the bracket is {@code E(x) + a O(x)},
 * {@code E = (D+ + D-)/2}, {@code O = (D+ - D-)/2}. Hence
 * <pre>  dE_i = -(c/2) [ sum_mu 2E(x_mu) + sigma_i sum_mu xi_i^mu 2O(x_mu) ]</pre>
 * The chain stores the array {@code o_mu = 2O(x_mu)} and the scalar {@code sum_mu 2E(x_mu)}; an attempt is
 * one xi x o dot product, an accepted flip updates x, o and the scalar in O(K) from tables of F on [-N-2, N+2].
 * On the exact path the chain keeps its own {@link PackedPatterns bit-packed copy} of the patterns (N K / 8 bytes,
 * 8 MiB at N = 512, K = 131072, so it stays in the last-level cache where int8 rows stream from DRAM) and reads
 * only that in attempts and flips: with xi = 2b - 1, {@code sum_mu xi^mu o_mu = 2 sum_{b=1} o_mu - sum_mu o_mu},
 * the masked sum by {@link PackedOverlapKernel#maskedSum} on a biased short copy of o, the total kept on flips.
 * For integer-valued F the doubled tables are integers and the difference is exact; the int kernel wraps
 * modulo 2^32 and is exact whenever the true sum fits an int, which the chain guarantees by keeping the
 * bound {@code sum_mu |o_mu|} (else a long loop). Log-domain F (e^x) uses F/e^s with an integer shift s
 * re-centred on max x every 100 accepted flips, so nothing overflows at N = 1000.
 * Sweeps allocate nothing. Not thread-safe.
 */
public final class DenseChain implements SpinChain {
    private static final double EXP_CUTOFF = 40.0;
    private static final int RESHIFT_FLIPS = 100;
    /** Largest number of |o_mu| &gt; 16383 kept beside the short copy; beyond it the int kernel is used. */
    private static final int MAX_BIG = 256;

    private final int neurons;
    private final int patterns;
    private final byte[] xi;
    private final byte[] sigma;
    private final int[] overlaps;
    private final InteractionFunction f;
    private final double prefactor;
    private final Xoshiro256PlusPlus rng;
    private final OverlapKernel kernel;
    private final int pad;
    /** Tables indexed by x + pad: F (scaled by e^-shift in the log domain), 2E, 2O. */
    private final double[] valueTable;
    private final double[] twoEvenTable;
    private final double[] twoOddTable;
    /** Exact path: 2O(x_mu) as ints, or null. */
    private final int[] oddInt;
    /**
     * Exact path, compact biased copy of o: o_mu + {@value #BIAS} (in [1, 32767]) when |o_mu| &lt;=
     * {@value OverlapKernel#MAX_SHORT_NEURONS}, else {@value #BIAS} (o counted as 0) with (mu, o_mu) kept in the
     * short list {@code big*}; zero-padded to whole blocks of {@link PackedPatterns}. With {@code shortSum} (the sum
     * of the short o_mu, the big ones as 0) and the set-bit count of row i, the packed masked sum gives
     * {@code sum_mu xi_i^mu o_mu} exactly (modulo 2^32, and the true value fits an int when {@link #compact()}).
     */
    private final short[] oddBiased;
    private int shortSum;
    private static final int BIAS = 16384;
    /** Exact path: the bit-packed rows, their stride in shorts, blocks per row, set bits per row, and the kernel. */
    private final short[] bits;
    private final int rowShorts;
    private final int blocks;
    private final int[] ones;
    private final PackedOverlapKernel packedKernel;
    /**
     * Exact path, per-x tables (index x + pad) of a flip's O(K) refresh: 2O(x) as int, the biased short entry of
     * {@code oddBiased}, and 2E(x) as longs when K max|2E| &lt; 2^62 (sums exact in a long), else null (the refresh
     * then sums in double as on the inexact path); the histogram of the overlaps, all zero between refreshes (used when
     * K &gt;= (2N + 5) / 4, so that its O(N) pass costs less than the O(K) one).
     */
    private final int[] oddIntTable;
    private final short[] biasedTable;
    private final long[] evenLongTable;
    private final int[] histogram;
    private final int[] bigIndex;
    private final int[] bigValue;
    private int bigCount;
    /** Double path: 2O(x_mu) as doubles, or null. */
    private final double[] oddDouble;
    private final boolean exact;
    private double twoEvenSum;
    private long oddBound;
    private int shift;
    private int flipsSinceShift;

    /**
     * @param xi       site-major +-1 patterns, shared read-only
     * @param neurons  N
     * @param patterns K
     * @param start    initial spins (copied)
     * @param f        the interaction function
     * @param rng      this chain's noise
     * @param kernel   the int8 dot-product kernel
     */
    public DenseChain(byte[] xi, int neurons, int patterns, byte[] start, InteractionFunction f,
            Xoshiro256PlusPlus rng, OverlapKernel kernel) {
        this(xi, null, neurons, patterns, start, f, rng, kernel);
    }

    /**
     * As above, with the bit-packed copy of xi shared between chains on the same patterns (replicas, parallel
     * tempering): {@code packed} must be {@link PackedPatterns#pack PackedPatterns.pack(xi, N, K)} (read-only), or null
     * to pack here.
     */
    public DenseChain(byte[] xi, short[] packed, int neurons, int patterns, byte[] start, InteractionFunction f,
            Xoshiro256PlusPlus rng, OverlapKernel kernel) {
        if ((long) neurons * patterns != xi.length || start.length != neurons) {
            throw new IllegalArgumentException("xi must have N*K entries and start N entries");
        }
        this.neurons = neurons;
        this.patterns = patterns;
        this.xi = xi;
        this.sigma = start.clone();
        this.f = f;
        this.prefactor = f.prefactor();
        this.rng = rng;
        this.kernel = kernel;
        this.pad = neurons + 2;
        this.overlaps = new int[patterns];
        recomputeOverlaps(sigma, overlaps);
        int size = 2 * pad + 1;
        valueTable = new double[size];
        twoEvenTable = new double[size];
        twoOddTable = new double[size];
        boolean fits = false;
        if (f.integerValued() && !f.logDomain()) {
            fits = true;
            for (int x = -neurons - 2; x <= neurons + 2; x++) {
                if (!(Math.abs(f.value(x)) < 0x1p50)) {
                    fits = false;
                    break;
                }
            }
        }
        buildTables(0);
        if (fits) {
            for (int x = -neurons; x <= neurons; x++) {
                if (Math.abs(twoOddTable[x + pad]) > Integer.MAX_VALUE / 2) {
                    fits = false;
                }
            }
        }
        exact = fits;
        oddInt = exact ? new int[patterns] : null;
        oddBiased = exact ? new short[PackedPatterns.paddedPatterns(patterns)] : null;
        rowShorts = PackedPatterns.rowShorts(patterns);
        blocks = PackedPatterns.blocks(patterns);
        if (packed != null && packed.length != neurons * rowShorts) {
            throw new IllegalArgumentException("packed patterns must have N * " + rowShorts + " shorts");
        }
        bits = !exact ? null : packed != null ? packed : PackedPatterns.pack(xi, neurons, patterns);
        ones = exact ? new int[neurons] : null;
        if (exact) {
            for (int i = 0; i < neurons; i++) {
                int c = 0;
                for (int w = i * rowShorts; w < (i + 1) * rowShorts; w++) {
                    c += Integer.bitCount(bits[w] & 0xFFFF);   // padding bits are 0
                }
                ones[i] = c;
            }
        }
        packedKernel = kernel.packed();
        bigIndex = exact ? new int[MAX_BIG] : null;
        bigValue = exact ? new int[MAX_BIG] : null;
        oddIntTable = exact ? new int[size] : null;
        biasedTable = exact ? new short[size] : null;
        histogram = exact ? new int[size] : null;
        long[] evenLong = exact ? new long[size] : null;
        if (exact) {
            double maxEven = 0;
            for (int x = -neurons; x <= neurons; x++) {
                int o = (int) twoOddTable[x + pad];
                oddIntTable[x + pad] = o;
                biasedTable[x + pad] = (short) (Math.abs(o) <= OverlapKernel.MAX_SHORT_NEURONS ? o + BIAS : BIAS);
                evenLong[x + pad] = (long) twoEvenTable[x + pad];
                maxEven = Math.max(maxEven, Math.abs(twoEvenTable[x + pad]));
            }
            if (!(maxEven * patterns < 0x1p62)) {
                evenLong = null;
            }
        }
        evenLongTable = evenLong;
        oddDouble = exact ? null : new double[patterns];
        if (f.logDomain()) {
            reshift();
        } else {
            refreshOdd();
        }
    }

    /** Tables for shift s: F(x) (or e^(lnF(x) - s)), 2E(x), 2O(x) on the lattice padded by 2. */
    private void buildTables(int s) {
        int lo = -neurons - 2;
        int hi = neurons + 2;
        for (int x = lo; x <= hi; x++) {
            valueTable[x + pad] = f.logDomain() ? Math.exp(Math.min(f.value(x) - s, 700.0)) : f.value(x);
        }
        for (int x = -neurons; x <= neurons; x++) {
            double fx = valueTable[x + pad];
            double dPlus = valueTable[x - 2 + pad] - fx;
            double dMinus = valueTable[x + 2 + pad] - fx;
            twoEvenTable[x + pad] = dPlus + dMinus;
            twoOddTable[x + pad] = dPlus - dMinus;
        }
    }

    /** Log domain: centre the shift on the largest overlap and rebuild tables and o. */
    private void reshift() {
        int max = Integer.MIN_VALUE;
        for (int mu = 0; mu < patterns; mu++) {
            max = Math.max(max, overlaps[mu]);
        }
        shift = max;
        buildTables(shift);
        refreshOdd();
        flipsSinceShift = 0;
    }

    /** o_mu (int and compact short copy), sum 2E and the bound sum |o| from the overlaps. */
    private void refreshOdd() {
        if (evenLongTable != null && 4 * patterns >= histogram.length) {
            refreshExact();
            return;
        }
        double even = 0;
        long bound = 0;
        int big = 0;
        int small = 0;
        for (int mu = 0; mu < patterns; mu++) {
            int at = overlaps[mu] + pad;
            even += twoEvenTable[at];
            if (exact) {
                int o = (int) twoOddTable[at];
                oddInt[mu] = o;
                bound += Math.abs(o);
                if (Math.abs(o) <= OverlapKernel.MAX_SHORT_NEURONS) {
                    oddBiased[mu] = (short) (o + BIAS);
                    small += o;
                } else {
                    oddBiased[mu] = BIAS;
                    if (big < MAX_BIG) {
                        bigIndex[big] = mu;
                        bigValue[big] = o;
                    }
                    big++;
                }
            } else {
                oddDouble[mu] = twoOddTable[at];
            }
        }
        twoEvenSum = even;
        oddBound = bound;
        bigCount = big;
        shortSum = small;
    }

    /**
     * {@link #refreshOdd} on the exact path. Every term but the short copy depends on mu only through x_mu, so one pass
     * stores the biased short copy and counts the overlaps in a histogram over [-N, N] (a load and an increment per
     * mu, no serial floating-point chain); sum 2E, the bound sum |o| and the short sum are then exact long sums over
     * the 2N + 1 values of x. Big entries (|o_mu| &gt; 16383, biased entry {@value #BIAS}) go to the big list on a
     * rarely taken branch. The int copy of o is filled only when the compact path does not apply.
     */
    private void refreshExact() {
        int big = 0;
        for (int mu = 0; mu < patterns; mu++) {
            int at = overlaps[mu] + pad;
            short b = biasedTable[at];
            oddBiased[mu] = b;
            histogram[at]++;
            if (b == BIAS && oddIntTable[at] != 0) {
                big = addBig(big, mu, oddIntTable[at]);
            }
        }
        long even = 0;
        long bound = 0;
        long small = 0;
        for (int at = 2; at < histogram.length - 2; at++) {
            long c = histogram[at];
            if (c != 0) {
                histogram[at] = 0;
                even += c * evenLongTable[at];
                bound += c * Math.abs(oddIntTable[at]);
                small += c * (biasedTable[at] - BIAS);
            }
        }
        twoEvenSum = (double) even;
        oddBound = bound;
        bigCount = big;
        shortSum = (int) small;
        if (!compact()) {
            for (int mu = 0; mu < patterns; mu++) {
                oddInt[mu] = oddIntTable[overlaps[mu] + pad];
            }
        }
    }

    private int addBig(int big, int mu, int o) {
        if (big < MAX_BIG) {
            bigIndex[big] = mu;
            bigValue[big] = o;
        }
        return big + 1;
    }

    /** Whether the short copy plus the big list gives the exact sum (int range and few big terms). */
    private boolean compact() {
        return oddBound <= Integer.MAX_VALUE && bigCount <= MAX_BIG;
    }

    /** The big terms of site i: sum over the short list of xi_i * o, from the packed row. */
    private int bigField(int i) {
        int row = i * rowShorts;
        int s = 0;
        for (int j = 0; j < bigCount; j++) {
            s += PackedPatterns.sign(bits, row, bigIndex[j]) * bigValue[j];
        }
        return s;
    }

    /**
     * {@code sum_mu xi_i^mu o_mu} from the masked sum u_i of the biased copy over row i: u_i = sum_{b=1} o + BIAS
     * ones_i, so the sum is 2 (u_i - BIAS ones_i) - shortSum + the big terms; int arithmetic modulo 2^32, exact as
     * the true value fits an int when {@link #compact()}.
     */
    private int packedField(int i, int masked) {
        return 2 * (masked - BIAS * ones[i]) - shortSum + bigField(i);
    }

    /** Site-major overlaps x_mu = sum_i xi_i^mu s_i from scratch. */
    void recomputeOverlaps(byte[] s, int[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < neurons; i++) {
            int si = s[i];
            int off = i * patterns;
            for (int mu = 0; mu < patterns; mu++) {
                out[mu] += si * xi[off + mu];
            }
        }
    }

    /** sum_mu xi_i^mu o_mu. */
    private double oddField(int i) {
        int off = i * patterns;
        if (exact) {
            if (compact()) {
                return packedField(i, packedKernel.maskedSum(bits, i * rowShorts, oddBiased, blocks));
            }
            if (oddBound <= Integer.MAX_VALUE) {
                return kernel.field(xi, off, oddInt, patterns);
            }
            long s = 0;
            for (int mu = 0; mu < patterns; mu++) {
                s += (long) xi[off + mu] * oddInt[mu];
            }
            return s;
        }
        double s = 0;
        for (int mu = 0; mu < patterns; mu++) {
            s += xi[off + mu] * oddDouble[mu];
        }
        return s;
    }

    /**
     * {@code 2 sum_mu [F(x_mu - 2 a_mu) - F(x_mu)]} for a flip of site i, in table units (F / e^shift in the
     * log domain); exact for integer-valued F. O(K).
     */
    double twiceDelta(int i) {
        return twoEvenSum + sigma[i] * oddField(i);
    }

    /** The energy change of flipping site i: {@code dE = -(c/2) twiceDelta}; may be +-infinity in the log domain. */
    public double energyDifference(int i) {
        double t = twiceDelta(i);
        if (t == 0) {
            return 0.0;
        }
        if (f.logDomain()) {
            return -Math.signum(t) * Math.exp(Math.log(0.5 * Math.abs(t) * prefactor) + shift);
        }
        return -0.5 * prefactor * t;
    }

    /** Flips site i: x_mu -= 2 sigma_i xi_i^mu (vectorized), then o, sum 2E and the bound from the tables. O(K). */
    public void flip(int i) {
        int s = sigma[i];
        if (exact) {
            packedKernel.addScaled(bits, i * rowShorts, overlaps, patterns, -2 * s);
        } else {
            kernel.addScaled(xi, i * patterns, overlaps, patterns, -2 * s);
        }
        sigma[i] = (byte) -s;
        if (f.logDomain() && ++flipsSinceShift >= RESHIFT_FLIPS) {
            reshift();
        } else {
            refreshOdd();
        }
    }

    private boolean decide(Dynamics dynamics, double beta, int i) {
        return accept(dynamics, beta, energyDifference(i));
    }

    private boolean accept(Dynamics dynamics, double beta, double dE) {
        return accept(dynamics, beta, dE, rng);
    }

    /**
     * The acceptance of a proposed flip with energy change dE: Glauber (heat bath) 1/(1 + e^(beta dE)), Metropolis
     * min(1, e^(-beta dE)), zero temperature dE &lt; 0; one uniform draw from {@code rng} at T &gt; 0 (shared by the
     * chains of this package).
     */
    static boolean accept(Dynamics dynamics, double beta, double dE, Xoshiro256PlusPlus rng) {
        switch (dynamics) {
            case GLAUBER: {
                double x = beta * dE;
                double u = rng.nextDouble();
                return x > EXP_CUTOFF ? u == 0.0 : (x < -EXP_CUTOFF || u < 1.0 / (1.0 + Math.exp(x)));
            }
            case METROPOLIS: {
                if (dE <= 0) {
                    return true;
                }
                double x = beta * dE;
                double u = rng.nextDouble();
                return x > EXP_CUTOFF ? u == 0.0 : u < Math.exp(-x);
            }
            default:
                return dE < 0;
        }
    }

    /** One attempt at site i with the given dynamics; returns whether it flipped. */
    public boolean attempt(Dynamics dynamics, double beta, int i) {
        if (decide(dynamics, beta, i)) {
            flip(i);
            return true;
        }
        return false;
    }

    /**
     * One random-sequential sweep (N attempts at uniformly drawn sites) of Glauber, Metropolis
     * ({@code beta = 1/T}) or zero-temperature asynchronous dynamics (flip iff dE &lt; 0; beta unused).
     * Returns the accepted flips.
     */
    @Override
    public long sweep(Dynamics dynamics, double beta) {
        long accepted = 0;
        int t = 0;
        if (exact) {
            // int path: two attempts per pass over o (as HopfieldChain), both odd fields in one pass; if the first
            // attempt flips, o changed and the second field is summed again, so the chain is exactly the sequential one
            for (; t + 1 < neurons; t += 2) {
                int a = rng.nextInt(neurons);
                int b = rng.nextInt(neurons);
                if (oddBound > Integer.MAX_VALUE || compact()) {
                    // packed rows (compact) or long sums: one row at a time (measured faster than a pair kernel)
                    accepted += attempt(dynamics, beta, a) ? 1 : 0;
                    accepted += attempt(dynamics, beta, b) ? 1 : 0;
                    continue;
                }
                int offA = a * patterns;
                int offB = b * patterns;
                long both = kernel.fieldPair(xi, offA, offB, oddInt, patterns);
                if (decideWith(dynamics, beta, a, OverlapKernel.first(both))) {
                    flip(a);
                    accepted++;
                    accepted += attempt(dynamics, beta, b) ? 1 : 0;
                } else if (decideWith(dynamics, beta, b, OverlapKernel.second(both))) {
                    flip(b);
                    accepted++;
                }
            }
        }
        for (; t < neurons; t++) {
            if (attempt(dynamics, beta, rng.nextInt(neurons))) {
                accepted++;
            }
        }
        return accepted;
    }

    /** The decision at site i given its odd field (exact path). */
    private boolean decideWith(Dynamics dynamics, double beta, int i, int oddField) {
        double t = twoEvenSum + sigma[i] * (double) oddField;
        return accept(dynamics, beta, t == 0 ? 0.0 : -0.5 * prefactor * t);
    }

    /**
     * One zero-temperature asynchronous sweep in a fresh random order (every site once): a sweep with no
     * flip proves a fixed point (every dE_i &gt;= 0). Returns the flips.
     *
     * @param order scratch permutation of length N (reused, so no allocation)
     */
    public int orderedZeroTemperatureSweep(int[] order) {
        for (int i = neurons - 1; i > 0; i--) {           // Fisher-Yates
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int flips = 0;
        for (int t = 0; t < neurons; t++) {
            int i = order[t];
            if (energyDifference(i) < 0) {
                flip(i);
                flips++;
            }
        }
        return flips;
    }

    /**
     * One synchronous zero-temperature step (Little dynamics): every site with dE_i &lt; 0 flips at once,
     * all decided on the same overlaps; the overlaps are then recomputed. Returns the flips.
     *
     * @param scratch a byte array of length N (reused)
     */
    public int synchronousStep(byte[] scratch) {
        int flips = 0;
        for (int i = 0; i < neurons; i++) {
            boolean flip = energyDifference(i) < 0;
            scratch[i] = (byte) (flip ? -sigma[i] : sigma[i]);
            if (flip) {
                flips++;
            }
        }
        System.arraycopy(scratch, 0, sigma, 0, neurons);
        recomputeOverlaps(sigma, overlaps);
        if (f.logDomain()) {
            reshift();
        } else {
            refreshOdd();
        }
        return flips;
    }

    /** The energy E = -c sum_mu F(x_mu) from the stored overlaps ({@code -infinity} if it overflows). */
    @Override
    public double energy() {
        if (f.logDomain()) {
            return -Math.exp(logNegativeEnergy());
        }
        double s = 0;
        for (int mu = 0; mu < patterns; mu++) {
            s += valueTable[overlaps[mu] + pad];
        }
        return -prefactor * s;
    }

    /** ln(-E) = ln c + logsumexp_mu ln F(x_mu) for log-domain F (finite at any N). */
    public double logNegativeEnergy() {
        if (!f.logDomain()) {
            double e = energy();
            return Math.log(-e);
        }
        double s = 0;
        for (int mu = 0; mu < patterns; mu++) {
            s += valueTable[overlaps[mu] + pad];
        }
        return Math.log(prefactor) + shift + Math.log(s);
    }

    /** sum_mu F(x_mu) recomputed from the spins alone (for checks; allocates). Not in the log domain. */
    double rawEnergySumFromScratch() {
        int[] x = new int[patterns];
        recomputeOverlaps(sigma, x);
        double s = 0;
        for (int mu = 0; mu < patterns; mu++) {
            s += f.value(x[mu]);
        }
        return s;
    }

    /** m_mu = x_mu / N. */
    public double overlap(int mu) {
        return (double) overlaps[mu] / neurons;
    }

    /** The integer overlap x_mu. */
    public int rawOverlap(int mu) {
        return overlaps[mu];
    }

    /** q = (1/N) sum_i sigma_i^a sigma_i^b. */
    public double replicaOverlap(DenseChain other) {
        long s = 0;
        for (int i = 0; i < neurons; i++) {
            s += sigma[i] * other.sigma[i];
        }
        return (double) s / neurons;
    }

    /** The index of the pattern with the largest |m_mu| and, through {@link #overlap}, its value. */
    public int largestOverlapPattern() {
        int best = 0;
        for (int mu = 1; mu < patterns; mu++) {
            if (Math.abs(overlaps[mu]) > Math.abs(overlaps[best])) {
                best = mu;
            }
        }
        return best;
    }

    @Override
    public int neurons() {
        return neurons;
    }

    @Override
    public byte spin(int i) {
        return sigma[i];
    }

    public int patterns() {
        return patterns;
    }

    public InteractionFunction interaction() {
        return f;
    }

    /** Whether energy differences are exact integer arithmetic. */
    public boolean exact() {
        return exact;
    }

    /** The spins (a view; do not modify). */
    byte[] spinsView() {
        return sigma;
    }

    /** A copy of the spins. */
    public byte[] spins() {
        return sigma.clone();
    }
}
