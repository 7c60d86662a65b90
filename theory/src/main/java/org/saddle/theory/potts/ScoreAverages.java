package org.saddle.theory.potts;

import org.saddle.theory.Softmax;

/**
 * Averages over the cavity scores of one training example, the mechanism shared by the soft-posterior student states
 * ({@link SoftSeparatedEquations}, all memories equivalent, and {@link SoftStudentEquations}, any arrangement): the cavity
 * scores s0 of the P student memories are Gaussian with a given mean and covariance, the example's scores solve the
 * proximal equation s = s0 + c V softmax(s) (its global-maximum root), and the averages below are taken over s0.
 * Derivation, quadrature rule and its accuracy: the class comment of {@link SoftSeparatedEquations} ("Cavity fields",
 * "Numerics"). The posteriors depend on s0 only through the P - 1 differences s0_mu - s0_0, so the integral is
 * (P - 1)-dimensional (product trapezoidal rule).
 *
 * <p>Stored: r[mu] = E[r_mu], rs[mu * P + rho] = E[r_mu s_rho], rr[mu * P + rho] = E[r_mu r_rho], dm[mu * P + rho] =
 * E[D_{mu rho}] with D = dr/ds0 = J (I - c V J)^-1, and f[mu * P + rho] = E[(D V)_{mu rho}].
 */
public final class ScoreAverages {
    /** Largest P for which the (P - 1)-dimensional product rule stays affordable. */
    public static final int MAX_MEMORIES = 4;
    private static final double MAX_STEP = 0.25;
    private static final double RANGE = 8;

    final double[] r;
    final double[] rs;
    final double[] dm;
    final double[] f;
    final double[] rr;
    private final int p;
    private final double step;

    private ScoreAverages(int p, double step) {
        this.p = p;
        this.step = step;
        this.r = new double[p];
        this.rs = new double[p * p];
        this.dm = new double[p * p];
        this.f = new double[p * p];
        this.rr = new double[p * p];
    }

    /** Nodes per dimension at most: 4001, 401, 81 for P = 2, 3, 4. */
    private static int maxNodes(int p) {
        return p <= 2 ? 4001 : p == 3 ? 401 : 81;
    }

    /** E[r_mu], the mean posterior weight of the example on memory mu. */
    public double posterior(int mu) {
        return r[mu];
    }

    /** The trapezoidal step used (in standard deviations of the unit normal). */
    public double step() {
        return step;
    }

    /** E[(D u)_mu] for a vector u over the memories. */
    double d(int mu, double[] u) {
        double s = 0;
        for (int k = 0; k < p; k++) {
            s += dm[mu * p + k] * u[k];
        }
        return s;
    }

    private void add(double w, double[] post, double[] s, double[] d, double[] v) {
        for (int mu = 0; mu < p; mu++) {
            r[mu] += w * post[mu];
            for (int rho = 0; rho < p; rho++) {
                rs[mu * p + rho] += w * post[mu] * s[rho];
                rr[mu * p + rho] += w * post[mu] * post[rho];
                dm[mu * p + rho] += w * d[mu * p + rho];
                double dv = 0;
                for (int k = 0; k < p; k++) {
                    dv += d[mu * p + k] * v[k * p + rho];
                }
                f[mu * p + rho] += w * dv;
            }
        }
    }

    /**
     * {@link #of} with memory {@code reference} as the reference of the score differences, the others after it in cyclic
     * order (reference + 1, reference + 2, ... mod P) and, for P &gt;= 3, averaged with the reversed cyclic order
     * (reference - 1, reference - 2, ...), mapped back to the original order. The product rule is not invariant under
     * relabelling the memories, so the order changes the result by the quadrature error. With the memory that holds each
     * cluster as its reference, these two orders make a state that is symmetric under the relabellings of the dihedral
     * group (cyclic shifts and reflections of the memories and clusters together; for P = 3 all of them) have exactly
     * relabelled averages in every cluster (SoftStudentEquations); at P = 2 one order is already symmetric. Costs two
     * product rules for P &gt;= 3.
     */
    static ScoreAverages of(double[] mean, double[] cov, double[] v, double c, double stepScale, int reference) {
        int p = mean.length;
        ScoreAverages forward = ordered(mean, cov, v, c, stepScale, reference, 1);
        if (p < 3 || forward == null) {
            return forward;
        }
        ScoreAverages backward = ordered(mean, cov, v, c, stepScale, reference, p - 1);
        if (backward == null) {
            return null;
        }
        ScoreAverages avg = new ScoreAverages(p, forward.step);
        for (int k = 0; k < p; k++) {
            avg.r[k] = 0.5 * (forward.r[k] + backward.r[k]);
        }
        for (int k = 0; k < p * p; k++) {
            avg.rs[k] = 0.5 * (forward.rs[k] + backward.rs[k]);
            avg.rr[k] = 0.5 * (forward.rr[k] + backward.rr[k]);
            avg.dm[k] = 0.5 * (forward.dm[k] + backward.dm[k]);
            avg.f[k] = 0.5 * (forward.f[k] + backward.f[k]);
        }
        return avg;
    }

    /** {@link #of} over the memories in the order reference, reference + stride, reference + 2 stride, ... (mod P). */
    private static ScoreAverages ordered(double[] mean, double[] cov, double[] v, double c, double stepScale, int reference, int stride) {
        int p = mean.length;
        int[] order = new int[p];
        boolean identity = true;
        for (int k = 0; k < p; k++) {
            order[k] = (reference + k * stride) % p;
            identity &= order[k] == k;
        }
        if (identity) {
            return of(mean, cov, v, c, stepScale);
        }
        double[] meanP = new double[p];
        double[] covP = new double[p * p];
        double[] vP = new double[p * p];
        for (int i = 0; i < p; i++) {
            meanP[i] = mean[order[i]];
            for (int j = 0; j < p; j++) {
                covP[i * p + j] = cov[order[i] * p + order[j]];
                vP[i * p + j] = v[order[i] * p + order[j]];
            }
        }
        ScoreAverages permuted = of(meanP, covP, vP, c, stepScale);
        if (permuted == null) {
            return null;
        }
        ScoreAverages avg = new ScoreAverages(p, permuted.step);
        for (int i = 0; i < p; i++) {
            avg.r[order[i]] = permuted.r[i];
            for (int j = 0; j < p; j++) {
                int to = order[i] * p + order[j];
                int from = i * p + j;
                avg.rs[to] = permuted.rs[from];
                avg.rr[to] = permuted.rr[from];
                avg.dm[to] = permuted.dm[from];
                avg.f[to] = permuted.f[from];
            }
        }
        return avg;
    }

    /**
     * The averages for cavity scores with the given mean (P) and covariance (P x P, row-major), response matrix V (P x P,
     * symmetric) and self-coupling c = beta N sigma^2, or null where they are undefined (covariance or V not positive
     * definite, or a proximal equation without solution at some node: no silent numbers).
     *
     * @param stepScale factor on the trapezoidal step (1: the default rule; 0.5 to check it)
     */
    static ScoreAverages of(double[] mean, double[] cov, double[] v, double c, double stepScale) {
        int p = mean.length;
        if (p < 1 || p > MAX_MEMORIES) {
            throw new IllegalArgumentException("need 1 <= P <= " + MAX_MEMORIES + " memories, got " + p);
        }
        // the posteriors depend on the scores only through their differences d_mu = s0_mu - s0_0 (mu >= 1): a
        // (P - 1)-dimensional Gaussian, integrated by the trapezoidal rule (class comment)
        int dims = p - 1;
        double[] meanD = new double[dims];
        double[] covD = new double[dims * dims];
        double widest = 0;
        for (int mu = 1; mu < p; mu++) {
            meanD[mu - 1] = mean[mu] - mean[0];
            for (int nu = 1; nu < p; nu++) {
                covD[(mu - 1) * dims + nu - 1] = cov[mu * p + nu] - cov[mu * p] - cov[nu] + cov[0];
            }
            widest = Math.max(widest, covD[(mu - 1) * dims + mu - 1]);
        }
        double[] chol = dims == 0 ? new double[0] : cholesky(covD, dims);
        if (chol == null || cholesky(cov, p) == null) {
            return null;
        }
        // the common score s0_0 (dropped by the differences) enters only E[r s] (identityResiduals): its regression on
        // the differences, mean[0] + b . (d - mean_d), b = covD^-1 Cov(d, s0_0), restores E[r_mu s_rho]
        double[] covWithFirst = new double[dims];
        for (int mu = 1; mu < p; mu++) {
            covWithFirst[mu - 1] = cov[mu * p] - cov[0];
        }
        double[] regression = dims == 0 ? new double[0] : solve(covD, covWithFirst, dims);
        if (regression == null) {
            return null;
        }
        double step = Math.min(MAX_STEP, 1 / Math.sqrt(Math.max(widest, 1e-300))) * stepScale;
        int half = (int) Math.ceil(RANGE / step);
        if (2 * half + 1 > maxNodes(p)) {
            half = (maxNodes(p) - 1) / 2;
            step = RANGE / half;
        }
        double[] nodes = new double[2 * half + 1];
        double[] weights = new double[2 * half + 1];
        double norm = 0;
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = (k - half) * step;
            weights[k] = Math.exp(-0.5 * nodes[k] * nodes[k]);
            norm += weights[k];
        }
        for (int k = 0; k < nodes.length; k++) {
            weights[k] /= norm;
        }
        double[] work0 = new double[p * p];
        double[] vInv = invert(v, p, work0);
        if (vInv == null || !positiveDefinite(v)) {
            return null; // the response matrix of a local maximum of the likelihood is positive definite
        }
        for (int k = 0; k < vInv.length; k++) {
            vInv[k] /= c;
        }
        Proximal proximal = new Proximal(p, vInv);
        ScoreAverages avg = new ScoreAverages(p, step);
        int order = nodes.length;
        int total = 1;
        for (int d = 0; d < dims; d++) {
            total *= order;
        }
        double[] g = new double[p];
        double[] s0 = new double[p];
        double[] s = new double[p];
        double[] post = new double[p];
        double[] jac = new double[p * p];
        double[] a = new double[p * p];
        double[] work = new double[p * p];
        double[] rhs = new double[p];
        double[] shifted = new double[p];
        for (int index = 0; index < total; index++) {
            double w = 1;
            int rest = index;
            for (int d = 0; d < dims; d++) {
                int k = rest % order;
                rest /= order;
                g[d] = nodes[k];
                w *= weights[k];
            }
            s0[0] = 0;
            for (int mu = 1; mu < p; mu++) {
                double f = meanD[mu - 1];
                for (int nu = 0; nu < mu; nu++) {
                    f += chol[(mu - 1) * dims + nu] * g[nu];
                }
                s0[mu] = f;
            }
            if (!proximal.root(s0, c, v, s, post, jac, a, rhs)) {
                return null;
            }
            // a = I - c V J (jac = J), D = J a^-1 ; F = J V (I - c J V)^-1 = D V (push-through identity)
            double[] inv = invert(a, p, work);
            if (inv == null) {
                return null;
            }
            double common = mean[0];
            for (int mu = 1; mu < p; mu++) {
                common += regression[mu - 1] * (s0[mu] - meanD[mu - 1]);
            }
            for (int mu = 0; mu < p; mu++) {
                shifted[mu] = s[mu] + common;
            }
            avg.add(w, post, shifted, multiply(jac, inv, p), v);
        }
        return avg;
    }

    /** The per-example proximal equation at fixed V (c V)^-1 known. */
    private static final class Proximal {
        private final int p;
        private final double[] vInverseOverC;

        Proximal(int p, double[] vInverseOverC) {
            this.p = p;
            this.vInverseOverC = vInverseOverC;
        }

        /**
         * The per-example score: the global maximum of phi(s) = ln sum_mu exp(s_mu) - (s - s0) . (c V)^-1 (s - s0) / 2, whose
         * stationary points solve s = s0 + c V softmax(s) (the example's contribution to the likelihood with the quadratic
         * cost of moving the memories). Where c V J is large phi can have several local maxima (the example can capture
         * a memory): Newton is started from s0 + c V r for r = softmax(s0) and for each r = e_mu, local maxima
         * (I - c V J with eigenvalues of positive real part, tested through its leading principal minors being positive
         * for this symmetric-similar matrix) are kept, and the one with the largest phi = ln sum exp(s) - (s - s0) . r / 2 wins.
         * Leaves the posterior in post, J in jac, I - c V J in a; false if no start converges.
         */
        boolean root(double[] s0, double c, double[] v, double[] s, double[] post, double[] jac, double[] a, double[] rhs) {
            double bestPhi = Double.NEGATIVE_INFINITY;
            double[] best = null;
            double[] trial = new double[p];
            double[] start = new double[p];
            for (int candidate = -1; candidate < p; candidate++) {
                if (candidate < 0) {
                    Softmax.into(s0, start);
                } else {
                    java.util.Arrays.fill(start, 0);
                    start[candidate] = 1;
                }
                for (int mu = 0; mu < p; mu++) {
                    double f = s0[mu];
                    for (int nu = 0; nu < p; nu++) {
                        f += c * v[mu * p + nu] * start[nu];
                    }
                    trial[mu] = f;
                }
                if (!newton(s0, c, v, trial, post, jac, a, rhs) || !localMaximum(a)) {
                    continue;
                }
                double lse = logSumExp(trial);
                double phi = lse;
                for (int mu = 0; mu < p; mu++) {
                    phi -= 0.5 * (trial[mu] - s0[mu]) * post[mu];
                }
                if (best == null || phi > bestPhi + 1e-12) {
                    bestPhi = phi;
                    best = trial.clone();
                }
                if (candidate < 0 && isConcave(c, v)) {
                    break; // phi concave everywhere: the first root is the maximum
                }
            }
            if (best == null) {
                return false;
            }
            System.arraycopy(best, 0, s, 0, p);
            Softmax.into(s, post);
            jacobian(post, jac);
            fillA(c, v, jac, a);
            return true;
        }

        /** Damped Newton on F(s) = s - s0 - c V softmax(s), in place; true when |F| < 1e-12 (1 + |s|). */
        private boolean newton(double[] s0, double c, double[] v, double[] s, double[] post, double[] jac, double[] a, double[] rhs) {
            double[] trial = new double[p];
            double res = residualInto(s0, c, v, s, post, rhs);
            for (int iteration = 0; iteration < 100; iteration++) {
                if (res < 1e-12 * (1 + maxAbs(s))) {
                    jacobian(post, jac);
                    fillA(c, v, jac, a);
                    return true;
                }
                jacobian(post, jac);
                fillA(c, v, jac, a);
                double[] step = solve(a, rhs, p);
                if (step == null) {
                    return false;
                }
                double lambda = 1;
                boolean accepted = false;
                double[] trialRhs = new double[p];
                while (lambda > 1e-4) {
                    for (int mu = 0; mu < p; mu++) {
                        trial[mu] = s[mu] + lambda * step[mu];
                    }
                    double rt = residualInto(s0, c, v, trial, post, trialRhs);
                    if (rt < res) {
                        System.arraycopy(trial, 0, s, 0, p);
                        System.arraycopy(trialRhs, 0, rhs, 0, p);
                        res = rt;
                        accepted = true;
                        break;
                    }
                    lambda *= 0.5;
                }
                if (!accepted) {
                    return false;
                }
            }
            return false;
        }

        /** rhs = -F(s), post = softmax(s); returns max |F|. */
        private double residualInto(double[] s0, double c, double[] v, double[] s, double[] post, double[] rhs) {
            Softmax.into(s, post);
            double res = 0;
            for (int mu = 0; mu < p; mu++) {
                double f = s[mu] - s0[mu];
                for (int nu = 0; nu < p; nu++) {
                    f -= c * v[mu * p + nu] * post[nu];
                }
                rhs[mu] = -f;
                res = Math.max(res, Math.abs(f));
            }
            return res;
        }

        private void fillA(double c, double[] v, double[] jac, double[] a) {
            for (int mu = 0; mu < p; mu++) {
                for (int nu = 0; nu < p; nu++) {
                    double cvj = 0;
                    for (int k = 0; k < p; k++) {
                        cvj += v[mu * p + k] * jac[k * p + nu];
                    }
                    a[mu * p + nu] = (mu == nu ? 1 : 0) - c * cvj;
                }
            }
        }

        /**
         * Whether a root is a local maximum of phi: its Hessian J - (c V)^-1 is negative definite, i.e. (c V)^-1 - J
         * positive definite; with V positive definite this holds iff I - c V^(1/2) J V^(1/2) is, which is similar to
         * I - c V J, so the eigenvalues of a = I - c V J are real; we test them through the determinants of
         * a restricted to the leading principal blocks of the similar symmetric matrix, i.e. Cholesky of
         * V^-1 - c J scaled: here simply Cholesky of (V^-1 / c - J).
         */
        private boolean localMaximum(double[] a) {
            // a = I - c V J; (cV)^-1 a = (cV)^-1 - J: symmetric; positive definite iff a local maximum
            return positiveDefinite(hessianOf(a));
        }


        private double[] hessianOf(double[] a) {
            return multiply(vInverseOverC, a, p);
        }

        private boolean isConcave(double c, double[] v) {
            // J <= (1/2) I in the Loewner order for the softmax Jacobian, so phi is concave if (c V)^-1 - I / 2 > 0
            double[] h = vInverseOverC.clone();
            for (int mu = 0; mu < p; mu++) {
                h[mu * p + mu] -= 0.5;
            }
            return positiveDefinite(h);
        }
    }

    static boolean positiveDefinite(double[] h) {
        int n = (int) Math.round(Math.sqrt(h.length));
        double[] sym = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sym[i * n + j] = 0.5 * (h[i * n + j] + h[j * n + i]);
            }
        }
        return cholesky(sym, n) != null;
    }

    private static double logSumExp(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double e : s) {
            max = Math.max(max, e);
        }
        double sum = 0;
        for (double e : s) {
            sum += Math.exp(e - max);
        }
        return max + Math.log(sum);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    private static void jacobian(double[] r, double[] jac) {
        int p = r.length;
        for (int mu = 0; mu < p; mu++) {
            for (int nu = 0; nu < p; nu++) {
                jac[mu * p + nu] = (mu == nu ? r[mu] : 0) - r[mu] * r[nu];
            }
        }
    }

    static double[] cholesky(double[] a, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    l[i * n + i] = Math.sqrt(sum);
                } else {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        return l;
    }

    static double[] multiply(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * b[k * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** Solves a y = b by Gaussian elimination with partial pivoting (small P); null if singular. */
    static double[] solve(double[] a, double[] b, int n) {
        double[] m = a.clone();
        double[] y = b.clone();
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row * n + col]) > Math.abs(m[piv * n + col])) {
                    piv = row;
                }
            }
            if (Math.abs(m[piv * n + col]) < 1e-300) {
                return null;
            }
            if (piv != col) {
                for (int k = 0; k < n; k++) {
                    double t = m[col * n + k];
                    m[col * n + k] = m[piv * n + k];
                    m[piv * n + k] = t;
                }
                double t = y[col];
                y[col] = y[piv];
                y[piv] = t;
            }
            for (int row = col + 1; row < n; row++) {
                double f = m[row * n + col] / m[col * n + col];
                for (int k = col; k < n; k++) {
                    m[row * n + k] -= f * m[col * n + k];
                }
                y[row] -= f * y[col];
            }
        }
        for (int row = n - 1; row >= 0; row--) {
            double s = y[row];
            for (int k = row + 1; k < n; k++) {
                s -= m[row * n + k] * y[k];
            }
            y[row] = s / m[row * n + row];
        }
        return y;
    }

    static double[] invert(double[] a, int n, double[] work) {
        double[] inv = new double[n * n];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(e, 0);
            e[j] = 1;
            double[] col = solve(a, e, n);
            if (col == null) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                inv[i * n + j] = col[i];
            }
        }
        return inv;
    }
}
