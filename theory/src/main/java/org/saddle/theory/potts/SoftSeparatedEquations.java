package org.saddle.theory.potts;

/**
 * The <i>separated</i> state of a P-memory Potts student trained on M examples of a P_T = P memory teacher with
 * <b>soft posteriors</b> (one student memory per teacher cluster, all memories equivalent), in the large-N limit.
 * <b>Derived here</b> for the reconstructed model of {@link TeacherStudentSaddlePoints} (data, notation and the
 * hard-posterior separated state there); the paper's own equations could not be read.
 *
 * <p><b>Scaling.</b> Near the detectability line beta_T m = P_T / sqrt(N M), so with M = alpha N the teacher signal is
 * m = O(N^-1/2); a student at beta = O(N^-1/2) then has O(1) score gaps beta N m R between an example's own memory and
 * the others, and O(1) Gaussian noise in its scores: the posteriors r_mu(x) are soft and random. Everything below is
 * the leading order in that limit; at beta, beta_T = O(1) it reduces to the hard state (checked).
 *
 * <p><b>Stationarity.</b> With u^mu = sum_a r_mu(a) x_a the student's stationary point is u^mu = kappa_mu w^mu,
 * kappa_mu = |u^mu| / sqrt(N) the Lagrange multiplier of |w^mu|^2 = N. Order parameters (by the symmetry of the
 * separated state, the same for every memory): R = w^mu . xi^mu / N (own teacher memory), R' = w^mu . xi^nu / N
 * (another), Q = w^mu . w^rho / N (two student memories), kappa, and the P x P response matrix V (diagonal v, off
 * diagonal v'). Scores of an example x_a of cluster nu: s_mu(a) = beta w^mu . x_a.
 *
 * <p><b>Data at this scale.</b> An example of cluster nu is x = t xi^nu + z with z uniform on the sphere tangent to
 * xi^nu (variance sigma^2 = 1 - m^2 per component) and an overlap t that is NOT pinned to m at this order: the vMF
 * overlap density (1 - t^2)^((N-3)/2) exp(beta_T N t) gives t = m + delta, delta ~ N(0, tau^2 / N) with
 * tau^2 = (1 - m^2)^2 / (1 + m^2). Since m itself is O(N^-1/2) here, delta matters as much as the other noise
 * components (without it the predicted R' is 0.13 against 0.01 in Monte Carlo).
 *
 * <p><b>Cavity (leave-one-out) fields.</b> Remove example a; the remaining stationary point w_{\a} does not depend on
 * x_a, so the cavity scores s0_mu = beta w_{\a}^mu . x_a are Gaussian with
 * <pre>
 *   mean  beta N m rho^nu_mu,   covariance  beta^2 N [sigma^2 (Q_{mu rho} - rho^nu_mu rho^nu_rho) + tau^2 rho^nu_mu rho^nu_rho],
 *   rho^nu_mu = R if mu = nu, R' otherwise,   Q_{mu mu} = 1.
 * </pre>
 * Putting a back moves every memory by linear response: (K delta w) = r(a) (x) x_a with the Hessian of the Lagrangian
 * on the tangent spaces K = kappa - beta sum_b J_b (x) x_b x_b^T, J_b = diag r(b) - r(b) r(b)^T the softmax Jacobian.
 * Then x_a . delta w^mu = N sigma^2 [V r(a)]_mu with V_{mu rho} = (1/N) Tr [K^-1]_{mu rho} (x_a is independent of
 * K_{\a}; |x_a|^2 = N and sigma^2 differ by m^2 = O(1/N)). So the scores solve the per-example (proximal) equation
 * <pre>   s = s0 + c V r(s),   c = beta N sigma^2,   r = softmax(s)    (uniform class weights),</pre>
 * whose direct part V = I / kappa is the finite-sample self term of the prototype formulas ((1 - m^2) in
 * x_a . S / N) and whose indirect part (the other posteriors' response to x_a, the Onsager reaction) is in V.
 * V follows from the Sherman-Morrison (Woodbury) identity applied to K G = I, G = K^-1, traced over space:
 * <pre>   kappa V - sigma^2 beta sum_b J_b V (I - c J_b V)^-1 = I,   i.e.  V = (kappa - sigma^2 beta sum_b D_b)^-1,</pre>
 * with D = dr/ds0 = J (I - c V J)^-1 the posterior's derivative with respect to the cavity scores. Where c V J is large
 * the proximal equation can have several roots (an example that captures a memory): the root taken is the global
 * maximum of ln sum exp(s) - (s - s0) . (c V)^-1 (s - s0) / 2, the example's likelihood with the quadratic cost of
 * moving the memories.
 *
 * <p><b>Overlaps.</b> Project u^mu = kappa w^mu on the teacher memories: kappa R_{mu c} = (1/N) sum_a r_mu(a) x_a . xi^c.
 * Examples of cluster c contribute t_a = m + delta_a, examples of the others their noise zeta = xi^c . z_a / N ~ N(0,
 * sigma^2 / N); both move the cavity scores by beta N R_{.c} (delta or zeta), and Stein's lemma gives
 * E[r_mu zeta] = sigma^2 beta E[(D rho^c)_mu], E[r_mu delta] = tau^2 beta E[(D rho^c)_mu]. The noise of u^mu outside the
 * teacher directions splits into the part correlated with the cavity scores, which by Stein is sigma^2 beta sum_b D_b
 * applied to the memories' own noise parts, and an uncorrelated Gaussian part Z with Z^mu . Z^rho / N = C_{mu rho} =
 * sigma^2 sum_a r_mu(a) r_rho(a); so the noise parts of the memories are V Z and their overlaps V C V. This fixes the
 * norm |w^mu|^2 = N (it sets kappa) and Q.
 *
 * <p><b>Equations</b> (n = M / P examples per cluster, averages E_1 over the cavity scores of an example of cluster 1,
 * the others by permutation; j != k run over the other memories and are averaged):
 * <pre>
 *   kappa R   = m n E_1[r_1] + n tau^2 beta E_1[(D rho^1)_1] + (P - 1) n sigma^2 beta E_1[(D rho^j)_j]
 *   kappa R'  = m n E_1[r_j] + n tau^2 beta E_1[(D rho^1)_j] + n sigma^2 beta (E_1[(D rho^j)_1] + (P - 2) E_1[(D rho^k)_j])
 *   1         = R^2 + (P - 1) R'^2 + (V C V)_{11}
 *   Q         = 2 R R' + (P - 2) R'^2 + (V C V)_{12}
 *   kappa v   - sigma^2 beta M a  = 1,   kappa v' - sigma^2 beta M a' = 0
 * </pre>
 * where a, a' are the diagonal and off-diagonal of the permutation average of E[D V] = E[J V (I - c J V)^-1]
 * (a = (1/P) tr E_1[.], a' the mean of its off-diagonal entries) and C has diagonal sigma^2 n sum_mu E_1[r_mu^2] and
 * off-diagonal sigma^2 n P times the mean over mu != rho of E_1[r_mu r_rho]. (A first version closed the system with the
 * exact identities kappa = w^mu . u^mu / N and kappa Q = w^rho . u^mu / N instead of the norm and the noise overlaps; those
 * leave the noise outside span{w, xi} unconstrained, and its solutions drifted along a one-parameter family with the
 * quadrature.)
 *
 * <p><b>Limits</b> (tested). Hard posteriors (beta N m R &gt;&gt; 1: r = e_nu, J = D = 0): V = I / kappa, C = sigma^2 n I,
 * R' = Q = 0, kappa R = m n and 1 = R^2 + sigma^2 n / kappa^2, hence kappa^2 = m^2 n^2 + n sigma^2 and
 * R = m / sqrt(m^2 + sigma^2 / n) = R(beta_T, M / P_T), the state of {@link TeacherStudentSaddlePoints#separatedOverlap}.
 * P = P_T = 1: r = 1 and the same equations give {@link OneMemoryTeacherStudent#studentOverlap}.
 *
 * <p><b>Neglected</b> (all vanish as N to infinity at fixed alpha, beta sqrt N, beta_T sqrt N): the O(N^-1/2)
 * overlaps of the teacher memories, multinomial fluctuations of the cluster sizes, the m xi part of x_a in the self
 * term (unless K has a soft mode: at the existence line itself), and non-Gaussian corrections to the cavity scores.
 * <b>Stability</b>: the state is reached by the damped fixed-point iteration, i.e. it is attracting for the iteration
 * inside the symmetric (all memories equivalent) subspace, and V positive definite is required (K positive on the
 * bulk); stability against perturbations that break the symmetry between memories (one memory taking two clusters) is
 * not derived in this class: {@link SoftStudentEquations} carries those directions, and the solver's
 * SoftStudentState#symmetryBreakingGap finds no macroscopic symmetry-breaking bifurcation before the fold at P_T = 2 (N = 400, M = 800) and
 * P_T = 3 (N = 400, M = 1200). It is
 * also measured at finite N (app's SoftSeparatedMonteCarloTest: the Riemannian Hessian at the
 * Monte Carlo state that matches this one has no negative tangent direction; its softest mode closes towards the fold
 * where the branch from the hard side ends, b = beta sqrt N = 1.30 at P_T = 2, N = 400, M = 800). <b>Existence</b>: the
 * state exists as long as the equations have a solution with R &gt; R'. The lowest separated branch loses its separation
 * continuously (the solver module's existence line); the branch followed from the hard side can end before, at a fold
 * (a spinodal, with a lower separated branch coexisting) or where the equations jump (the solver module's branch end).
 *
 * <p><b>Numerics.</b> The posterior, J and D depend on the scores only through their differences (softmax invariance),
 * so the averages are over the P - 1 Gaussian differences d_mu = s0_mu - s0_0. Their integrands are logistic-like in
 * each standard-normal coordinate, analytic in a strip of half-width about pi / k (k the largest standard deviation of
 * a difference), where Gauss-Hermite converges slowly (1e-4 at order 40 for a logistic of slope 3). The product
 * trapezoidal rule on [-8, 8] with step h = min(1/4, 1/k) converges geometrically, error about exp(-2 pi^2) ~ 3e-9 from
 * the strip and exp(-32) from the truncation; at most 4001, 401, 81 nodes per dimension for P = 2, 3, 4 (P &lt;= 4 only;
 * where the cap binds, h grows: in the hard regime, whose posterior steps lie in the tails). The per-example proximal
 * equation is solved by damped Newton to 1e-12 and a node where it fails makes the whole evaluation invalid (no
 * silent numbers).
 */
public final class SoftSeparatedEquations implements org.saddle.theory.SaddlePointEquations {
    /** Unknowns x = [R, R', Q, kappa / n, n v, n v']. */
    public static final int DIMENSION = 6;

    private final double beta;
    private final double m;
    private final double sigma2;
    private final double tau2;
    private final int p;
    private final double examples;
    private final double perCluster;
    private final int neurons;
    private final double stepScale;
    private double lastStep = Double.NaN;

    /** Largest P for which the (P - 1)-dimensional product rule stays affordable (ScoreAverages). */
    public static final int MAX_MEMORIES = ScoreAverages.MAX_MEMORIES;

    /** The trapezoidal step of the last evaluation (in standard deviations of the unit normal). */
    public double lastStep() {
        return lastStep;
    }

    /**
     * @param studentInverseTemperature beta
     * @param teacherInverseTemperature beta_T
     * @param memories                  P = P_T
     * @param examples                  M
     * @param neurons                   N
     * @param stepScale                 factor on the trapezoidal step (1: the default rule of the class comment; 0.5 to check it)
     */
    public SoftSeparatedEquations(double studentInverseTemperature, double teacherInverseTemperature, int memories, double examples,
            int neurons, double stepScale) {
        if (!(studentInverseTemperature > 0) || memories < 1 || memories > MAX_MEMORIES || !(examples >= memories) || neurons < 2
                || !(stepScale > 0)) {
            throw new IllegalArgumentException("need beta > 0, 1 <= P <= " + MAX_MEMORIES + ", M >= P, N >= 2, step scale > 0, got beta = "
                    + studentInverseTemperature + ", P = " + memories + ", M = " + examples + ", N = " + neurons);
        }
        this.beta = studentInverseTemperature;
        this.m = PottsFreeEnergy.overlap(teacherInverseTemperature);
        this.sigma2 = 1 - m * m;
        this.tau2 = sigma2 * sigma2 / (1 + m * m);
        this.p = memories;
        this.examples = examples;
        this.perCluster = examples / memories;
        this.neurons = neurons;
        this.stepScale = stepScale;
    }

    /** The hard-posterior state [R(beta_T, n), 0, 0, kappa / n, n / kappa, 0]: the start of a solve. */
    public double[] hardState() {
        double kappa = Math.sqrt(m * m * perCluster * perCluster + perCluster * sigma2);
        return new double[] {m * perCluster / kappa, 0, 0, kappa / perCluster, perCluster / kappa, 0};
    }

    /**
     * Averages over the cavity scores of an example of cluster 1 at the state x, or null where they are undefined
     * (covariance not positive definite, or a proximal equation without solution).
     */
    public ScoreAverages averages(double[] x) {
        double r = x[0];
        double rq = x[1];
        double q = x[2];
        double kappa = x[3] * perCluster;
        double vd = x[4] / perCluster;
        double vo = x[5] / perCluster;
        if (!(kappa > 0) || Math.abs(q) > 1 || Math.abs(r) > 1 || Math.abs(rq) > 1) {
            return null;
        }
        double bn = beta * neurons;
        double c = bn * sigma2;
        double[] mean = new double[p];
        double[] cov = new double[p * p];
        for (int mu = 0; mu < p; mu++) {
            mean[mu] = bn * m * (mu == 0 ? r : rq);
            for (int nu = 0; nu < p; nu++) {
                double qm = mu == nu ? 1 : q;
                double rhoMu = mu == 0 ? r : rq;
                double rhoNu = nu == 0 ? r : rq;
                cov[mu * p + nu] = beta * beta * neurons * (sigma2 * (qm - rhoMu * rhoNu) + tau2 * rhoMu * rhoNu);
            }
        }
        double[] v = new double[p * p];
        for (int mu = 0; mu < p; mu++) {
            for (int nu = 0; nu < p; nu++) {
                v[mu * p + nu] = mu == nu ? vd : vo;
            }
        }
        ScoreAverages avg = ScoreAverages.of(mean, cov, v, c, stepScale);
        lastStep = avg == null ? lastStep : avg.step();
        return avg;
    }

    /**
     * The exact stationarity identities kappa = w^mu . u^mu / N = (n / (beta N)) sum_mu E_1[r_mu s_mu] and (P &gt;= 2)
     * kappa Q = w^rho . u^mu / N = (n / (beta N)) (E_1[r_1 s_j] + E_1[r_j s_1] + (P - 2) E_1[r_j s_k]) (they use the full scores
     * of training examples), divided by n: {kappa / n - ..., kappa Q / n - ...} at x. Not among the equations solved, so
     * their smallness at a solution is an independent check of the closure (norm and noise overlaps). Null where undefined.
     */
    public double[] identityResiduals(double[] x) {
        ScoreAverages e = averages(x);
        if (e == null) {
            return null;
        }
        double bn = beta * neurons;
        double self = 0;
        for (int mu = 0; mu < p; mu++) {
            self += e.rs[mu * p + mu];
        }
        if (p == 1) {
            return new double[] {x[3] - self / bn, 0};
        }
        int others = p - 1;
        double crossPair = 0;
        double otherPair = 0;
        for (int j = 1; j < p; j++) {
            crossPair += (e.rs[j] + e.rs[j * p]) / others;
            for (int k = 1; k < p; k++) {
                if (k != j) {
                    otherPair += e.rs[j * p + k] / (others * (others - 1));
                }
            }
        }
        return new double[] {x[3] - self / bn, x[3] * x[2] - (crossPair + (p - 2) * otherPair) / bn};
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public java.util.List<String> componentNames() {
        return java.util.List.of("R", "R'", "Q", "kappa/n", "n v", "n v'");
    }

    /**
     * The fixed-point form of the equations: R, R', n v, n v' solved from their equations at the current averages and
     * kappa, Q from its noise-overlap expression, and kappa rescaled by sqrt(|w|^2 / N) (the norm falls like 1 / kappa^2).
     * An EM-like iteration whose fixed points are the residual's roots.
     */
    @Override
    public void update(double[] x, double[] next) {
        double[] g = new double[DIMENSION];
        if (!residual(x, g)) {
            java.util.Arrays.fill(next, Double.NaN);
            return;
        }
        double kHat = x[3];
        // residuals 0, 1, 4, 5 read kHat x_i - b_i (- 1 for 4): solved for x_i at the current kHat
        for (int i : new int[] {0, 1, 4, 5}) {
            next[i] = x[i] - g[i] / kHat;
        }
        next[2] = x[2] - g[2]; // Q = its noise-covariance expression
        next[3] = kHat * Math.sqrt(g[3] + 1); // |w|^2 / N = g[3] + 1 falls like 1 / kappa^2: rescale kappa onto the sphere
        if (p == 1) {
            next[1] = 0;
            next[2] = 0;
            next[5] = 0;
        }
    }

    @Override
    public boolean isValid(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return x[3] > 0 && Math.abs(x[0]) <= 1 && Math.abs(x[1]) <= 1 && Math.abs(x[2]) <= 1;
    }

    /** Writes the residual of the six equations (class comment) at x; returns false where it is undefined. */
    public boolean residual(double[] x, double[] out) {
        ScoreAverages e = averages(x);
        if (e == null) {
            return false;
        }
        double r = x[0];
        double rq = x[1];
        double q = x[2];
        double kHat = x[3];
        double bn = beta * neurons;
        int others = p - 1;
        if (p == 1) {
            out[0] = kHat * r - m * e.r[0];
            out[1] = rq;
            out[2] = q;
            // |w|^2 / N = R^2 + V C V with V = x4 / n and C = sigma^2 M E[r^2] (class comment, the norm equation)
            out[3] = r * r + (x[4] / perCluster) * (x[4] / perCluster) * sigma2 * examples * e.rr[0] - 1;
            out[4] = kHat * x[4] - sigma2 * beta * examples * e.f[0] / perCluster - 1;
            out[5] = x[5];
            return allFinite(out);
        }
        double selfD = e.d(0, teacherDirection(0, r, rq));
        double selfCrossD = 0;
        double ownD = 0;
        double crossD = 0;
        double otherD = 0;
        double meanOther = 0;
        for (int j = 1; j < p; j++) {
            ownD += e.d(j, teacherDirection(j, r, rq)) / others;
            selfCrossD += e.d(j, teacherDirection(0, r, rq)) / others;
            crossD += e.d(0, teacherDirection(j, r, rq)) / others;
            meanOther += e.r[j] / others;
            for (int k = 1; k < p; k++) {
                if (k != j) {
                    otherD += e.d(j, teacherDirection(k, r, rq)) / (others * (others - 1));
                }
            }
        }
        double trace = 0;
        double off = 0;
        for (int mu = 0; mu < p; mu++) {
            for (int nu = 0; nu < p; nu++) {
                if (mu == nu) {
                    trace += e.f[mu * p + nu] / p;
                } else {
                    off += e.f[mu * p + nu] / (p * (p - 1));
                }
            }
        }
        out[0] = kHat * r - m * e.r[0] - tau2 * beta * selfD - others * sigma2 * beta * ownD;
        out[1] = kHat * rq - m * meanOther - tau2 * beta * selfCrossD - sigma2 * beta * (crossD + (p - 2) * otherD);
        double[] noise = noiseOverlaps(x[4] / perCluster, x[5] / perCluster, e);
        out[2] = q - (2 * r * rq + (p - 2) * rq * rq + noise[1]);
        out[3] = r * r + (p - 1) * rq * rq + noise[0] - 1;
        // kappa v - sigma^2 beta M a = 1 with kappa = kHat n, v = x4 / n; F was averaged with V = x4 / n, so a = f
        out[4] = kHat * x[4] - sigma2 * beta * examples * trace - 1;
        out[5] = kHat * x[5] - sigma2 * beta * examples * off;

        return allFinite(out);
    }

    /**
     * {diagonal, off-diagonal} of V C V, the overlaps of the memories' noise parts: C = sigma^2 sum_a r(a) r(a)^T (the
     * permutation average: diagonal sigma^2 n sum_mu E_1[r_mu^2], off-diagonal sigma^2 n P times the mean of E_1[r_mu r_rho]
     * over mu != rho).
     */
    private double[] noiseOverlaps(double vd, double vo, ScoreAverages e) {
        double diag = 0;
        double off = 0;
        for (int mu = 0; mu < p; mu++) {
            for (int rho = 0; rho < p; rho++) {
                if (mu == rho) {
                    diag += e.rr[mu * p + rho];
                } else {
                    off += e.rr[mu * p + rho] / (p * (p - 1));
                }
            }
        }
        double cd = sigma2 * perCluster * diag;
        double co = sigma2 * perCluster * p * off;
        double[] v = new double[p * p];
        double[] c = new double[p * p];
        for (int mu = 0; mu < p; mu++) {
            for (int rho = 0; rho < p; rho++) {
                v[mu * p + rho] = mu == rho ? vd : vo;
                c[mu * p + rho] = mu == rho ? cd : co;
            }
        }
        double[] vcv = ScoreAverages.multiply(ScoreAverages.multiply(v, c, p), v, p);
        return new double[] {vcv[0], vcv[1]};
    }

    /** rho^j, the overlaps of the memories with teacher memory j: R for memory j, R' for the others. */
    private double[] teacherDirection(int j, double rOwn, double rOther) {
        double[] u = new double[p];
        for (int k = 0; k < p; k++) {
            u[k] = k == j ? rOwn : rOther;
        }
        return u;
    }

    private static boolean allFinite(double[] out) {
        for (double o : out) {
            if (!Double.isFinite(o)) {
                return false;
            }
        }
        return true;
    }

    /** n = M / P, examples per cluster. */
    public double perCluster() {
        return perCluster;
    }

    /** m(beta_T). */
    public double sampleOverlap() {
        return m;
    }

}
