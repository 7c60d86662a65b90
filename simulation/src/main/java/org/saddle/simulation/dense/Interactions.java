package org.saddle.simulation.dense;

/**
 * The interaction functions of the dense Hebbian and Krotov-Hopfield models (PHYSICS.md sec. 2 and 3).
 *
 * <ul>
 *   <li>{@link #gardner(int, int)}: the P-body Hebbian network in Gardner's normalization with the
 *       self-interactions removed, H = -(1/N^(P-1)) sum_{i1<...<iP distinct} ... = -(N/P!) sum_mu m_mu^P up to
 *       the diagonal terms. Exactly: the sum over ordered P-tuples of distinct sites of
 *       prod_k xi_{ik}^mu sigma_{ik} is P! e_P(u^mu), e_P the elementary symmetric polynomial of the N numbers
 *       u_i = xi_i^mu sigma_i = +-1, so H = -(1/N^(P-1)) sum_mu e_P(u^mu). e_P depends on u only through
 *       x = sum_i u_i (n+ = (N+x)/2 entries are +1): e_P = sum_j (-1)^j C(n-, j) C(n+, P-j). For P = 2 this is
 *       H = -(1/2N) sum_mu (x_mu^2 - N) = -(N/2) sum_mu m_mu^2 + K/2 (AGS 1987, PHYSICS.md sec. 1).
 *       Load alpha = K / N^(P-1).</li>
 *   <li>{@link #polynomial(int)}: Krotov-Hopfield F(x) = x^n, E = -sum_mu F(xi^mu . sigma) (KH 2016 eq. 2;
 *       self-interactions kept, as in the paper).</li>
 *   <li>{@link #rectifiedPolynomial(int)}: F(x) = x^n for x &gt; 0, 0 otherwise (KH 2016 eq. 3).</li>
 *   <li>{@link #exponential()}: F(x) = e^x (Demircigil, Heusel, Loewe, Upgang, Vermet, J. Stat. Phys. 168
 *       (2017)), in the log domain so that N = 1000 (e^1000) does not overflow.</li>
 * </ul>
 */
public final class Interactions {
    private Interactions() {
    }

    /** Gardner's P-body Hebbian energy for N neurons (P = 2..8), self-interactions removed. */
    public static InteractionFunction gardner(int p, int neurons) {
        if (p < 2 || p > 8) {
            throw new IllegalArgumentException("interaction order P must be in 2..8, got " + p);
        }
        if (neurons < p) {
            throw new IllegalArgumentException("N must be >= P, got N = " + neurons + ", P = " + p);
        }
        return new Gardner(p, neurons);
    }

    /**
     * The same F with the constant c of E = -c sum_mu F(x_mu) multiplied by {@code factor} &gt; 0 (e.g. the
     * 1/(M R^(P/2)) of unsupervised dense Hebbian learning, whose patterns are the examples).
     */
    public static InteractionFunction scaled(InteractionFunction f, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be finite and > 0, got " + factor);
        }
        return new Scaled(f, factor);
    }

    private record Scaled(InteractionFunction f, double factor) implements InteractionFunction {
        @Override
        public String name() {
            return f.name() + "-scaled";
        }

        @Override
        public double value(int x) {
            return f.value(x);
        }

        @Override
        public double apply(double x) {
            return f.apply(x);
        }

        @Override
        public double derivative(double x) {
            return f.derivative(x);
        }

        @Override
        public double prefactor() {
            return f.prefactor() * factor;
        }

        @Override
        public boolean logDomain() {
            return f.logDomain();
        }

        @Override
        public boolean integerValued() {
            return f.integerValued();
        }

        @Override
        public int order() {
            return f.order();
        }
    }

    /** F(x) = x^n, n = 2..8. */
    public static InteractionFunction polynomial(int n) {
        checkDegree(n);
        return new Polynomial(n, false);
    }

    /** F(x) = max(x, 0)^n, n = 2..8. */
    public static InteractionFunction rectifiedPolynomial(int n) {
        checkDegree(n);
        return new Polynomial(n, true);
    }

    /** F(x) = e^x in the log domain. */
    public static InteractionFunction exponential() {
        return Exponential.INSTANCE;
    }

    private static void checkDegree(int n) {
        if (n < 2 || n > 8) {
            throw new IllegalArgumentException("polynomial degree n must be in 2..8, got " + n);
        }
    }

    private record Polynomial(int degree, boolean rectified) implements InteractionFunction {
        @Override
        public String name() {
            return (rectified ? "rectified-polynomial-" : "polynomial-") + degree;
        }

        @Override
        public double value(int x) {
            return apply(x);
        }

        @Override
        public double apply(double x) {
            if (rectified && x <= 0) {
                return 0.0;
            }
            double r = 1;
            for (int k = 0; k < degree; k++) {
                r *= x;
            }
            return r;
        }

        @Override
        public double derivative(double x) {
            if (rectified && x <= 0) {
                return 0.0;
            }
            double r = degree;
            for (int k = 1; k < degree; k++) {
                r *= x;
            }
            return r;
        }

        @Override
        public boolean integerValued() {
            return true;
        }

        @Override
        public int order() {
            return degree;
        }
    }

    private static final class Exponential implements InteractionFunction {
        static final Exponential INSTANCE = new Exponential();

        @Override
        public String name() {
            return "exponential";
        }

        @Override
        public double value(int x) {
            return x;                      // ln e^x
        }

        @Override
        public double apply(double x) {
            return Math.exp(x);
        }

        @Override
        public double derivative(double x) {
            return Math.exp(x);
        }

        @Override
        public boolean logDomain() {
            return true;
        }

        @Override
        public int order() {
            return 0;
        }
    }

    /** e_P of N numbers +-1 summing to x, with the normalization 1/N^(P-1). */
    private static final class Gardner implements InteractionFunction {
        private final int p;
        private final int neurons;

        Gardner(int p, int neurons) {
            this.p = p;
            this.neurons = neurons;
        }

        @Override
        public String name() {
            return "gardner-p" + p;
        }

        /**
         * e_P(x) = sum_j (-1)^j C(n-, j) C(n+, P-j), n+- = (N +- x)/2; for x of the wrong parity or outside
         * [-N, N] (table padding) the polynomial in x continued from the lattice (Newton's identities with
         * power sums p_k = x for odd k, N for even k), which agrees with the sum on the lattice.
         */
        @Override
        public double value(int x) {
            double v = apply(x);
            return Math.abs(v) < 0x1p52 ? Math.rint(v) : v; // an integer on the lattice x = N mod 2
        }

        /** e_P by Newton's identities: k e_k = sum_{j=1..k} (-1)^(j-1) e_{k-j} p_j, p_j = x (j odd), N (j even). */
        @Override
        public double apply(double x) {
            double[] e = new double[p + 1];
            e[0] = 1;
            for (int k = 1; k <= p; k++) {
                double s = 0;
                for (int j = 1; j <= k; j++) {
                    double pj = (j % 2 == 1) ? x : neurons;
                    s += ((j % 2 == 1) ? 1 : -1) * e[k - j] * pj;
                }
                e[k] = s / k;
            }
            return e[p];
        }

        @Override
        public double derivative(double x) {
            double h = 1e-4 * Math.max(1, Math.abs(x));
            return (apply(x + h) - apply(x - h)) / (2 * h);
        }

        @Override
        public double prefactor() {
            return 1.0 / Math.pow(neurons, p - 1);
        }

        @Override
        public boolean integerValued() {
            return true;
        }

        @Override
        public int order() {
            return p;
        }
    }
}
