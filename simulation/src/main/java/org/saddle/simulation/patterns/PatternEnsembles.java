package org.saddle.simulation.patterns;

import java.util.Locale;
import org.saddle.simulation.Xoshiro256PlusPlus;
import org.saddle.simulation.data.LabelledImages;

/**
 * The pattern ensembles of the dense Monte Carlo.
 *
 * <ul>
 *   <li>{@link #iid(double)}: i.i.d. sites with P(xi = +1) = (1 + b)/2, so the mean activity is b.</li>
 *   <li>{@link #correlated(double, double)}: feature-correlated patterns in the spirit of Bielmeier and
 *       Friedland, "Effects of feature correlations on associative memory capacity" (arXiv 2508.01395): along
 *       the sites of every pattern a stationary Markov chain, site 0 drawn with bias b and site i+1 equal to
 *       site i with probability c, otherwise redrawn with bias b; for b = 0 the feature correlation is
 *       {@code <xi_i xi_j> = c^|i-j|} (each redraw keeps the sign with probability 1/2).</li>
 *   <li>{@link #separated(PatternEnsemble, int)}: patterns with every pairwise Hamming distance at least d
 *       (the controlled separation of the same paper), drawn from a base ensemble by sequential rejection:
 *       a candidate is kept iff its distance to every kept pattern is &gt;= d. Fails with a clear message
 *       after {@value #MAX_TRIES_PER_PATTERN} rejections in a row.</li>
 *   <li>{@link #coded(PatternEnsemble, int)}: a guaranteed pairwise Hamming distance &gt;= d by construction,
 *       reaching separations rejection cannot (up to N/2, the Plotkin limit for many patterns): Sylvester-Hadamard
 *       rows on the first L = 2^ceil(log2 2d) sites (exactly L/2 apart there), the rest from the base ensemble;
 *       at most L patterns.</li>
 *   <li>{@link #images(LabelledImages, int)}: binarized images (pixel &gt; threshold -> +1), K distinct images
 *       drawn uniformly without replacement (MNIST IDX files, N = rows x columns).</li>
 * </ul>
 */
public final class PatternEnsembles {
    /** Rejections in a row after which a separated draw gives up. */
    public static final int MAX_TRIES_PER_PATTERN = 10_000;

    private PatternEnsembles() {
    }

    /** I.i.d. +-1 with mean b in (-1, 1). */
    public static PatternEnsemble iid(double bias) {
        checkBias(bias);
        return new PatternEnsemble() {
            @Override
            public byte[] draw(int neurons, int patterns, Xoshiro256PlusPlus rng) {
                byte[] xi = new byte[neurons * patterns];
                if (bias == 0) {
                    long bits = 0;
                    for (int j = 0; j < xi.length; j++) {
                        if ((j & 63) == 0) {
                            bits = rng.nextLong();
                        }
                        xi[j] = (byte) (((int) (bits >>> (j & 63)) & 1) * 2 - 1);
                    }
                    return xi;
                }
                double p = 0.5 * (1 + bias);
                for (int j = 0; j < xi.length; j++) {
                    xi[j] = (byte) (rng.nextDouble() < p ? 1 : -1);
                }
                return xi;
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "iid(bias=%s)", bias);
            }
        };
    }

    /** Markov-chain feature correlations: neighbouring sites equal with extra probability c in [0, 1). */
    public static PatternEnsemble correlated(double correlation, double bias) {
        checkBias(bias);
        if (!(correlation >= 0 && correlation < 1)) {
            throw new IllegalArgumentException("feature correlation must be in [0, 1), got " + correlation);
        }
        return new PatternEnsemble() {
            @Override
            public byte[] draw(int neurons, int patterns, Xoshiro256PlusPlus rng) {
                byte[] xi = new byte[neurons * patterns];
                double p = 0.5 * (1 + bias);
                for (int mu = 0; mu < patterns; mu++) {
                    byte prev = (byte) (rng.nextDouble() < p ? 1 : -1);
                    xi[mu] = prev;
                    for (int i = 1; i < neurons; i++) {
                        byte s = rng.nextDouble() < correlation ? prev : (byte) (rng.nextDouble() < p ? 1 : -1);
                        xi[i * patterns + mu] = s;
                        prev = s;
                    }
                }
                return xi;
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "correlated(c=%s, bias=%s)", correlation, bias);
            }
        };
    }

    /** Patterns of the base ensemble with pairwise Hamming distance &gt;= d, by sequential rejection. */
    public static PatternEnsemble separated(PatternEnsemble base, int minDistance) {
        if (minDistance < 0) {
            throw new IllegalArgumentException("Hamming separation must be >= 0, got " + minDistance);
        }
        return new PatternEnsemble() {
            @Override
            public byte[] draw(int neurons, int patterns, Xoshiro256PlusPlus rng) {
                if (minDistance > neurons) {
                    throw new IllegalArgumentException("Hamming separation " + minDistance + " exceeds N = " + neurons);
                }
                byte[] xi = new byte[neurons * patterns];
                byte[][] kept = new byte[patterns][];
                for (int mu = 0; mu < patterns; mu++) {
                    int tries = 0;
                    while (true) {
                        byte[] c = base.draw(neurons, 1, rng);
                        boolean ok = true;
                        for (int nu = 0; nu < mu && ok; nu++) {
                            ok = hamming(c, kept[nu]) >= minDistance;
                        }
                        if (ok) {
                            kept[mu] = c;
                            break;
                        }
                        if (++tries >= MAX_TRIES_PER_PATTERN) {
                            throw new SeparationException(String.format(Locale.ROOT,
                                    "cannot draw %d patterns of N = %d with pairwise Hamming distance >= %d from %s:"
                                            + " pattern %d rejected %d times", patterns, neurons, minDistance,
                                    base.describe(), mu + 1, tries));
                        }
                    }
                    for (int i = 0; i < neurons; i++) {
                        xi[i * patterns + mu] = kept[mu][i];
                    }
                }
                return xi;
            }

            @Override
            public String describe() {
                return base.describe() + String.format(Locale.ROOT, " with Hamming separation >= %d", minDistance);
            }
        };
    }

    /**
     * Patterns with every pairwise Hamming distance &gt;= d, by construction. The first L = 2^ceil(log2 2d) sites (the
     * code part, L &gt;= 2d, the same for every K) are r = L/B blocks of B = the smallest power of two &gt;= max(K, 2)
     * sites; block t carries row pi_t(mu) of the Sylvester-Hadamard matrix H_B (entries (-1)^popcount(a AND j)) times
     * random column signs, pi_t a random injection of the K patterns into the B rows. Distinct rows of H_B differ in
     * exactly B/2 columns and column signs keep that, so every pair differs in exactly L/2 &gt;= d sites of the code
     * part. The remaining N - L sites come from the base ensemble (e.g. feature-correlated) and add distance on top.
     * K &gt; L or L &gt; N throws {@link SeparationException} (no such construction), so K &lt;= L is a hard cap.
     */
    public static PatternEnsemble coded(PatternEnsemble base, int minDistance) {
        if (minDistance < 0) {
            throw new IllegalArgumentException("Hamming separation must be >= 0, got " + minDistance);
        }
        return new PatternEnsemble() {
            @Override
            public byte[] draw(int neurons, int patterns, Xoshiro256PlusPlus rng) {
                if (minDistance == 0) {
                    return base.draw(neurons, patterns, rng);
                }
                int coded = nextPowerOfTwo(2 * minDistance);
                if (coded > neurons || patterns > coded) {
                    throw new SeparationException(String.format(Locale.ROOT,
                            "cannot construct %d patterns of N = %d with pairwise Hamming distance >= %d: the Hadamard"
                                    + " code part has %d sites and holds at most %d patterns", patterns, neurons,
                            minDistance, coded, coded));
                }
                int b = nextPowerOfTwo(Math.max(patterns, 2));
                int blocks = coded / b;
                byte[] xi = new byte[neurons * patterns];
                int[] rows = new int[b];
                for (int t = 0; t < blocks; t++) {
                    for (int a = 0; a < b; a++) {
                        rows[a] = a;
                    }
                    for (int mu = 0; mu < patterns; mu++) {  // partial Fisher-Yates: distinct rows
                        int j = mu + rng.nextInt(b - mu);
                        int tmp = rows[mu];
                        rows[mu] = rows[j];
                        rows[j] = tmp;
                    }
                    for (int j = 0; j < b; j++) {
                        int sign = rng.nextInt(2) * 2 - 1;
                        int site = t * b + j;
                        for (int mu = 0; mu < patterns; mu++) {
                            xi[site * patterns + mu] = (byte) (sign * (1 - 2 * (Integer.bitCount(rows[mu] & j) & 1)));
                        }
                    }
                }
                if (coded < neurons) {
                    byte[] tail = base.draw(neurons - coded, patterns, rng);
                    System.arraycopy(tail, 0, xi, coded * patterns, tail.length);
                }
                return xi;
            }

            @Override
            public String describe() {
                return base.describe() + String.format(Locale.ROOT, " with Hadamard-coded separation >= %d", minDistance);
            }
        };
    }

    /** Binarized images: pixel &gt; threshold -> +1, else -1; K distinct images drawn without replacement. */
    public static PatternEnsemble images(LabelledImages images, int threshold) {
        if (threshold < 0 || threshold > 254) {
            throw new IllegalArgumentException("binarization threshold must be in 0..254, got " + threshold);
        }
        int n = images.pixelsPerImage();
        return new PatternEnsemble() {
            @Override
            public byte[] draw(int neurons, int patterns, Xoshiro256PlusPlus rng) {
                if (neurons != n) {
                    throw new IllegalArgumentException("images have N = " + n + " pixels, asked for N = " + neurons);
                }
                if (patterns > images.count()) {
                    throw new IllegalArgumentException("asked for " + patterns + " images, the file has " + images.count());
                }
                int[] pick = new int[images.count()];
                for (int j = 0; j < pick.length; j++) {
                    pick[j] = j;
                }
                byte[] xi = new byte[neurons * patterns];
                for (int mu = 0; mu < patterns; mu++) {
                    int j = mu + rng.nextInt(pick.length - mu); // partial Fisher-Yates
                    int t = pick[mu];
                    pick[mu] = pick[j];
                    pick[j] = t;
                    for (int i = 0; i < neurons; i++) {
                        xi[i * patterns + mu] = (byte) (images.pixel(pick[mu], i) > threshold ? 1 : -1);
                    }
                }
                return xi;
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "images(%d of %dx%d, threshold=%d)", images.count(), images.rows(),
                        images.columns(), threshold);
            }

            @Override
            public int requiredNeurons() {
                return n;
            }

            @Override
            public int maxPatterns() {
                return images.count();
            }
        };
    }

    private static int nextPowerOfTwo(int x) {
        return x <= 1 ? 1 : Integer.highestOneBit(x - 1) << 1;
    }

    /** Hamming distance of two +-1 vectors. */
    public static int hamming(byte[] a, byte[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                d++;
            }
        }
        return d;
    }

    /** Pattern mu as a +-1 vector of length N. */
    public static byte[] pattern(byte[] xi, int neurons, int patterns, int mu) {
        byte[] p = new byte[neurons];
        for (int i = 0; i < neurons; i++) {
            p[i] = xi[i * patterns + mu];
        }
        return p;
    }

    /**
     * Pattern mu with exactly {@code round(rho N)} distinct bits flipped (a uniformly random subset, partial
     * Fisher-Yates), so the cue overlap is exactly 1 - 2 round(rho N)/N.
     */
    public static byte[] corruptedCue(byte[] xi, int neurons, int patterns, int mu, double rho, Xoshiro256PlusPlus rng) {
        if (!(rho >= 0 && rho <= 1)) {
            throw new IllegalArgumentException("cue corruption must be in [0, 1], got " + rho);
        }
        byte[] s = pattern(xi, neurons, patterns, mu);
        int flips = (int) Math.round(rho * neurons);
        int[] idx = new int[neurons];
        for (int i = 0; i < neurons; i++) {
            idx[i] = i;
        }
        for (int t = 0; t < flips; t++) {
            int j = t + rng.nextInt(neurons - t);
            int tmp = idx[t];
            idx[t] = idx[j];
            idx[j] = tmp;
            s[idx[t]] = (byte) -s[idx[t]];
        }
        return s;
    }

    private static void checkBias(double bias) {
        if (!(bias > -1 && bias < 1)) {
            throw new IllegalArgumentException("pattern bias must be in (-1, 1), got " + bias);
        }
    }

    /** A separated draw that could not be completed. */
    public static final class SeparationException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public SeparationException(String message) {
            super(message);
        }
    }
}
