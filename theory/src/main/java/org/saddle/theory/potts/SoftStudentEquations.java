package org.saddle.theory.potts;

import java.util.ArrayList;
import java.util.List;

/**
 * Any soft-posterior stationary state of a P-memory Potts student trained on M examples of a P_T-memory teacher, with
 * no symmetry assumed between the memories: the generalization of {@link SoftSeparatedEquations} (one memory per
 * cluster, all equivalent) to P != P_T and to states that break the permutation symmetry. <b>Derived here</b>, by the
 * same cavity argument as there (scaling, data, cavity fields, proximal equation, Stein's lemma, noise parts: see that
 * class comment), with every order parameter carrying its own indices; the paper's own equations could not be read.
 *
 * <p><b>Order parameters.</b> R_{mu c} = w^mu . xi^c / N (P x P_T), Q_{mu rho} = w^mu . w^rho / N (mu != rho; Q_{mu mu}
 * = 1), kappa_mu = |u^mu| / sqrt(N) the Lagrange multiplier of memory mu, and the symmetric P x P response matrix V.
 * Each cluster holds n = M / P_T examples. An example of cluster c has Gaussian cavity scores with
 * <pre>
 *   mean  beta N m R_{. c},   covariance  beta^2 N [sigma^2 (Q - R_{. c} R_{. c}^T) + tau^2 R_{. c} R_{. c}^T],
 * </pre>
 * and E_c denotes the average over them of functions of the proximal root s = s0 + c V r(s) (c = beta N sigma^2;
 * {@link ScoreAverages}); D = dr/ds0 = J (I - c V J)^-1 is symmetric (push-through identity), so V is.
 *
 * <p><b>Equations</b> (each from the corresponding one of SoftSeparatedEquations before the permutation average):
 * <pre>
 *   kappa_mu R_{mu c} = m n E_c[r_mu] + n beta sum_c' w_{c c'} E_c'[(D R_{. c})_mu],   w_{cc} = tau^2, w_{cc'} = sigma^2
 *   delta_{mu rho} (mu = rho), Q_{mu rho} (mu != rho) = sum_c R_{mu c} R_{rho c} + (V C V)_{mu rho},
 *                                                       C = sigma^2 n sum_c E_c[r r^T]
 *   diag(kappa) V - sigma^2 beta n sum_c E_c[D V] = I      (its symmetric part: V is symmetric)
 * </pre>
 * With trained class weights (as the simulation's StationaryPoint does) the scores carry ln p^mu (added to the cavity
 * mean) and p^mu = (1 / P_T) sum_c E_c[r_mu], the memory's share of the data (its fluctuation from one example is O(1/M):
 * no cavity term); with uniform weights they drop out. Unknowns x = [R_{mu c} (row by row), Q_{mu rho} (mu &lt; rho),
 * kappa_mu / n, n V_{mu rho} (mu &lt;= rho), and ln p^mu if trained]: P P_T + P + P^2 (+ P) of them. Checked (tests): with P = P_T and x permutation-symmetric the residual is the symmetric class's, so its
 * separated state solves these equations too; with hard posteriors a memory alone on k clusters sits on their prototype
 * (R = R(beta_T, n) / sqrt(k), {@link TeacherStudentSaddlePoints}).
 *
 * <p><b>What it covers.</b> (i) Students with P &lt; P_T memories, a memory softly on several clusters (measured against
 * Monte Carlo at P = 2, P_T = 3: app's SoftStudentMonteCarloTest). (ii) The Jacobian of the full system at the symmetric
 * separated state, whose symmetry-breaking directions the symmetric class cannot see (a zero there is where a
 * symmetry-broken branch bifurcates; solver's SoftStudentState#symmetryBreakingGap). <b>Not covered</b>: memories that
 * share a cluster (P &gt; P_T duplicates split above beta_split(k = 1)). Monte Carlo at P = 2, P_T = 1, N = 400, M = 400,
 * b = beta sqrt N = 3 finds the pair split evenly (R = 0.83 each, Q = 0.54, shares 1/2), but no start of these equations
 * converges to it: along w^1 - w^2 the response V diverges (kappa - sigma^2 beta n E[D] loses its positivity), because the
 * split is a condensation onto one noise direction, the top eigenvector of the examples' covariance (the Marchenko-Pastur
 * edge of TeacherStudentSaddlePoints), which a closure in R, Q, kappa and V does not carry: it needs the condensate (the
 * overlap of w^1 - w^2 with that eigenvector) as an order parameter of its own. Stability in the sense of the loss's
 * Hessian is measured at finite N (simulation's PottsHessian), not derived.
 *
 * <p><b>Numerics.</b> P &lt;= {@link ScoreAverages#MAX_MEMORIES} (the (P - 1)-dimensional product rule; P = 2 is fast, P = 3
 * takes 2 P_T times the symmetric class's cost); each evaluation averages over the P_T clusters separately (no
 * permutation average), each relative to its reference memory and, for P &gt;= 3, over both cyclic orders of the
 * other memories (second constructor, ScoreAverages#of with a reference). Same neglected terms as the symmetric class.
 */
public final class SoftStudentEquations implements org.saddle.theory.SaddlePointEquations {
    /** Largest number of teacher clusters accepted (cost is linear in it). */
    public static final int MAX_TEACHER_MEMORIES = 8;

    private final double beta;
    private final double m;
    private final double sigma2;
    private final double tau2;
    private final int p;
    private final int clusters;
    private final double perCluster;
    private final int neurons;
    private final double stepScale;
    private final boolean trainedPriors;
    private final int[] referenceOf;

    /**
     * @param studentInverseTemperature beta
     * @param teacherInverseTemperature beta_T
     * @param studentMemories           P
     * @param teacherMemories           P_T
     * @param examples                  M
     * @param neurons                   N
     * @param stepScale                 factor on the trapezoidal step (1: the default rule; 0.5 to check it)
     * @param trainedPriors             whether the class weights p^mu are trained too (unknowns ln p^mu, equation
     *                                  p^mu = (1 / P_T) sum_c E_c[r_mu], the EM update of StationaryPoint), else uniform
     */
    public SoftStudentEquations(double studentInverseTemperature, double teacherInverseTemperature, int studentMemories,
            int teacherMemories, double examples, int neurons, double stepScale, boolean trainedPriors) {
        this(studentInverseTemperature, teacherInverseTemperature, studentMemories, teacherMemories, examples, neurons, stepScale,
                trainedPriors, null);
    }

    /**
     * The same with, for each cluster c, the memory whose score its examples' quadrature takes differences against
     * ({@code referenceOf[c]}, best the memory that holds the cluster: ScoreAverages#of with a reference; null: memory
     * c mod P, which for one memory per cluster and P &lt;= 3 makes the symmetric separated state of SoftSeparatedEquations
     * an exact solution of the quadrature too).
     */
    public SoftStudentEquations(double studentInverseTemperature, double teacherInverseTemperature, int studentMemories,
            int teacherMemories, double examples, int neurons, double stepScale, boolean trainedPriors, int[] referenceOf) {
        if (!(studentInverseTemperature > 0) || !(teacherInverseTemperature > 0) || studentMemories < 1
                || studentMemories > ScoreAverages.MAX_MEMORIES || teacherMemories < 1 || teacherMemories > MAX_TEACHER_MEMORIES
                || !(examples >= teacherMemories) || neurons < 2 || !(stepScale > 0)) {
            throw new IllegalArgumentException("need beta, beta_T > 0, 1 <= P <= " + ScoreAverages.MAX_MEMORIES + ", 1 <= P_T <= "
                    + MAX_TEACHER_MEMORIES + ", M >= P_T, N >= 2, step scale > 0, got beta = " + studentInverseTemperature + ", beta_T = "
                    + teacherInverseTemperature + ", P = " + studentMemories + ", P_T = " + teacherMemories + ", M = " + examples
                    + ", N = " + neurons);
        }
        this.beta = studentInverseTemperature;
        this.m = PottsFreeEnergy.overlap(teacherInverseTemperature);
        this.sigma2 = 1 - m * m;
        this.tau2 = sigma2 * sigma2 / (1 + m * m);
        this.p = studentMemories;
        this.clusters = teacherMemories;
        this.perCluster = examples / teacherMemories;
        this.neurons = neurons;
        this.stepScale = stepScale;
        this.trainedPriors = trainedPriors;
        if (referenceOf != null && (referenceOf.length != teacherMemories
                || java.util.Arrays.stream(referenceOf).anyMatch(mu -> mu < 0 || mu >= studentMemories))) {
            throw new IllegalArgumentException("need one reference memory in 0.." + (studentMemories - 1) + " per cluster, got "
                    + java.util.Arrays.toString(referenceOf));
        }
        this.referenceOf = new int[teacherMemories];
        for (int c = 0; c < teacherMemories; c++) {
            this.referenceOf[c] = referenceOf == null ? c % studentMemories : referenceOf[c];
        }
    }

    /** P, the student's memories. */
    public int studentMemories() {
        return p;
    }

    /** Index of R_{mu c} in x. */
    public int teacherOverlapIndex(int mu, int c) {
        return mu * clusters + c;
    }

    /** Index of Q_{mu rho} (mu != rho) in x. */
    public int studentOverlapIndex(int mu, int rho) {
        int a = Math.min(mu, rho);
        int b = Math.max(mu, rho);
        if (a == b) {
            throw new IllegalArgumentException("Q_{mu mu} = 1 is not an unknown");
        }
        return p * clusters + a * (2 * p - a - 1) / 2 + (b - a - 1);
    }

    /** Index of kappa_mu / n in x. */
    public int multiplierIndex(int mu) {
        return p * clusters + p * (p - 1) / 2 + mu;
    }

    /** Index of n V_{mu rho} in x. */
    public int responseIndex(int mu, int rho) {
        int a = Math.min(mu, rho);
        int b = Math.max(mu, rho);
        return p * clusters + p * (p - 1) / 2 + p + a * (2 * p - a + 1) / 2 + (b - a);
    }

    /** Index of ln p^mu in x (trained priors only). */
    public int logPriorIndex(int mu) {
        if (!trainedPriors) {
            throw new IllegalStateException("uniform class weights: ln p^mu is not an unknown");
        }
        return p * clusters + p + p * p + mu;
    }

    @Override
    public int dimension() {
        return p * clusters + p + p * p + (trainedPriors ? p : 0);
    }

    @Override
    public List<String> componentNames() {
        List<String> names = new ArrayList<>();
        for (int mu = 0; mu < p; mu++) {
            for (int c = 0; c < clusters; c++) {
                names.add("R" + (mu + 1) + "," + (c + 1));
            }
        }
        for (int mu = 0; mu < p; mu++) {
            for (int rho = mu + 1; rho < p; rho++) {
                names.add("Q" + (mu + 1) + "," + (rho + 1));
            }
        }
        for (int mu = 0; mu < p; mu++) {
            names.add("kappa" + (mu + 1) + "/n");
        }
        for (int mu = 0; mu < p; mu++) {
            for (int rho = mu; rho < p; rho++) {
                names.add("n V" + (mu + 1) + "," + (rho + 1));
            }
        }
        if (trainedPriors) {
            for (int mu = 0; mu < p; mu++) {
                names.add("ln p" + (mu + 1));
            }
        }
        return names;
    }

    /**
     * The hard-posterior state of an arrangement: memory mu holds the clusters {@code clustersOf[mu]} (a memory may hold
     * none of its own only by sharing: every memory must hold at least one cluster). Memories holding the same clusters
     * share their examples equally; each memory sits on the normalized mean of its examples, with noise parts of
     * different memories independent (Q = sum_c R_{mu c} R_{rho c}) and V = I / kappa. A start for the solve, not a
     * solution unless the posteriors are hard.
     */
    public double[] hardState(int[][] clustersOf) {
        if (clustersOf.length != p) {
            throw new IllegalArgumentException("need the clusters of each of the " + p + " memories, got " + clustersOf.length);
        }
        int[] holders = new int[clusters];
        for (int[] held : clustersOf) {
            if (held.length == 0) {
                throw new IllegalArgumentException("every memory must hold at least one cluster");
            }
            for (int c : held) {
                if (c < 0 || c >= clusters) {
                    throw new IllegalArgumentException("cluster " + c + " outside 0.." + (clusters - 1));
                }
                holders[c]++;
            }
        }
        double[] x = new double[dimension()];
        double[][] r = new double[p][clusters];
        for (int mu = 0; mu < p; mu++) {
            // examples of this memory: n / holders from each of its clusters; kappa R_c = m (its examples of c) and
            // kappa^2 = |sum of its examples|^2 / N = sum_c (m^2 e_c^2) + sigma^2 sum_c e_c (e_c examples of cluster c)
            double square = 0;
            for (int c : clustersOf[mu]) {
                double e = perCluster / holders[c];
                square += m * m * e * e + sigma2 * e;
            }
            double kappa = Math.sqrt(square);
            for (int c : clustersOf[mu]) {
                r[mu][c] = m * perCluster / holders[c] / kappa;
            }
            x[multiplierIndex(mu)] = kappa / perCluster;
            x[responseIndex(mu, mu)] = perCluster / kappa;
            for (int c = 0; c < clusters; c++) {
                x[teacherOverlapIndex(mu, c)] = r[mu][c];
            }
            if (trainedPriors) {
                double share = 0;
                for (int c : clustersOf[mu]) {
                    share += 1.0 / holders[c] / clusters;
                }
                x[logPriorIndex(mu)] = Math.log(share);
            }
        }
        for (int mu = 0; mu < p; mu++) {
            for (int rho = mu + 1; rho < p; rho++) {
                double q = 0;
                for (int c = 0; c < clusters; c++) {
                    q += r[mu][c] * r[rho][c];
                }
                x[studentOverlapIndex(mu, rho)] = q;
            }
        }
        return x;
    }

    /** Q as a P x P matrix (unit diagonal). */
    private double[] studentOverlaps(double[] x) {
        double[] q = new double[p * p];
        for (int mu = 0; mu < p; mu++) {
            for (int rho = 0; rho < p; rho++) {
                q[mu * p + rho] = mu == rho ? 1 : x[studentOverlapIndex(mu, rho)];
            }
        }
        return q;
    }

    /** n V as a P x P matrix. */
    private double[] scaledResponse(double[] x) {
        double[] v = new double[p * p];
        for (int mu = 0; mu < p; mu++) {
            for (int rho = 0; rho < p; rho++) {
                v[mu * p + rho] = x[responseIndex(mu, rho)];
            }
        }
        return v;
    }

    /** R_{. c}, the overlaps of the memories with teacher memory c. */
    private double[] teacherColumn(double[] x, int c) {
        double[] u = new double[p];
        for (int mu = 0; mu < p; mu++) {
            u[mu] = x[teacherOverlapIndex(mu, c)];
        }
        return u;
    }

    /**
     * The averages over an example of each cluster at x (index c), or null where any is undefined (covariance or V not
     * positive definite, a proximal equation without solution, or x outside the domain).
     */
    public ScoreAverages[] averages(double[] x) {
        if (!isValid(x)) {
            return null;
        }
        double bn = beta * neurons;
        double c0 = bn * sigma2;
        double[] q = studentOverlaps(x);
        double[] v = scaledResponse(x);
        for (int k = 0; k < v.length; k++) {
            v[k] /= perCluster;
        }
        ScoreAverages[] out = new ScoreAverages[clusters];
        for (int c = 0; c < clusters; c++) {
            double[] rc = teacherColumn(x, c);
            double[] mean = new double[p];
            double[] cov = new double[p * p];
            for (int mu = 0; mu < p; mu++) {
                mean[mu] = bn * m * rc[mu] + (trainedPriors ? x[logPriorIndex(mu)] : 0);
                for (int rho = 0; rho < p; rho++) {
                    cov[mu * p + rho] = beta * beta * neurons * (sigma2 * (q[mu * p + rho] - rc[mu] * rc[rho]) + tau2 * rc[mu] * rc[rho]);
                }
            }
            out[c] = ScoreAverages.of(mean, cov, v, c0, stepScale, referenceOf[c]);
            if (out[c] == null) {
                return null;
            }
        }
        return out;
    }

    /** Writes the residual of the equations (class comment) at x, in the order of x; false where undefined. */
    public boolean residual(double[] x, double[] out) {
        ScoreAverages[] e = averages(x);
        if (e == null) {
            return false;
        }
        double[][] column = new double[clusters][];
        for (int c = 0; c < clusters; c++) {
            column[c] = teacherColumn(x, c);
        }
        for (int mu = 0; mu < p; mu++) {
            double kHat = x[multiplierIndex(mu)];
            for (int c = 0; c < clusters; c++) {
                double response = 0;
                for (int cp = 0; cp < clusters; cp++) {
                    response += (cp == c ? tau2 : sigma2) * e[cp].d(mu, column[c]);
                }
                out[teacherOverlapIndex(mu, c)] = kHat * x[teacherOverlapIndex(mu, c)] - m * e[c].posterior(mu) - beta * response;
            }
        }
        double[] vcv = noiseOverlaps(x, e);
        for (int mu = 0; mu < p; mu++) {
            for (int rho = mu; rho < p; rho++) {
                double signal = 0;
                for (int c = 0; c < clusters; c++) {
                    signal += column[c][mu] * column[c][rho];
                }
                if (mu == rho) {
                    out[multiplierIndex(mu)] = signal + vcv[mu * p + mu] - 1;
                } else {
                    out[studentOverlapIndex(mu, rho)] = x[studentOverlapIndex(mu, rho)] - signal - vcv[mu * p + rho];
                }
            }
        }
        // G = diag(kappa / n) (n V) - sigma^2 beta n sum_c E_c[D V] - I; F was averaged with V itself, so n E[D V] = n f
        double[] g = new double[p * p];
        for (int mu = 0; mu < p; mu++) {
            for (int rho = 0; rho < p; rho++) {
                double f = 0;
                for (int c = 0; c < clusters; c++) {
                    f += e[c].f[mu * p + rho];
                }
                g[mu * p + rho] = x[multiplierIndex(mu)] * x[responseIndex(mu, rho)] - sigma2 * beta * perCluster * f - (mu == rho ? 1 : 0);
            }
        }
        for (int mu = 0; mu < p; mu++) {
            for (int rho = mu; rho < p; rho++) {
                out[responseIndex(mu, rho)] = 0.5 * (g[mu * p + rho] + g[rho * p + mu]);
            }
        }
        if (trainedPriors) {
            for (int mu = 0; mu < p; mu++) {
                out[logPriorIndex(mu)] = Math.exp(x[logPriorIndex(mu)]) - share(e, mu);
            }
        }
        for (double o : out) {
            if (!Double.isFinite(o)) {
                return false;
            }
        }
        return true;
    }

    /** (1 / P_T) sum_c E_c[r_mu]: the fraction of the data memory mu takes. */
    private double share(ScoreAverages[] e, int mu) {
        double sum = 0;
        for (ScoreAverages a : e) {
            sum += a.posterior(mu) / clusters;
        }
        return sum;
    }

    /** The fraction of the data each memory takes, (1 / P_T) sum_c E_c[r_mu], from the averages at x (null: undefined). */
    public double[] shares(ScoreAverages[] e) {
        if (e == null) {
            return null;
        }
        double[] out = new double[p];
        for (int mu = 0; mu < p; mu++) {
            out[mu] = share(e, mu);
        }
        return out;
    }

    /** V C V (P x P), the overlaps of the memories' noise parts, C = sigma^2 n sum_c E_c[r r^T]. */
    private double[] noiseOverlaps(double[] x, ScoreAverages[] e) {
        double[] v = scaledResponse(x);
        double[] c = new double[p * p];
        for (int k = 0; k < v.length; k++) {
            v[k] /= perCluster;
            for (ScoreAverages a : e) {
                c[k] += sigma2 * perCluster * a.rr[k];
            }
        }
        return ScoreAverages.multiply(ScoreAverages.multiply(v, c, p), v, p);
    }

    /**
     * The exact stationarity identities kappa_mu Q_{mu rho} = w^rho . u^mu / N = (n / (beta N)) sum_c E_c[r_mu (s_rho - ln p^rho)]
     * (Q_{mu mu} = 1), not among the equations solved: their largest violation relative to kappa_mu / n measures the
     * closure's neglected corrections (as SoftSeparatedEquations#identityResiduals); e are the averages at x. NaN where
     * undefined.
     */
    public double closureError(double[] x, ScoreAverages[] e) {
        if (e == null) {
            return Double.NaN;
        }
        double[] q = studentOverlaps(x);
        double worst = 0;
        for (int mu = 0; mu < p; mu++) {
            double kHat = x[multiplierIndex(mu)];
            for (int rho = 0; rho < p; rho++) {
                double sum = 0;
                for (ScoreAverages a : e) { // the scores carry ln p^rho, which is not part of w^rho . x
                    sum += a.rs[mu * p + rho] - (trainedPriors ? x[logPriorIndex(rho)] * a.posterior(mu) : 0);
                }
                worst = Math.max(worst, Math.abs(kHat * q[mu * p + rho] - sum / (beta * neurons)) / kHat);
            }
        }
        return worst;
    }

    /**
     * The fixed-point form (as SoftSeparatedEquations#update): R and n V solved from their linear equations at the current
     * averages and kappa, Q set to its noise-overlap expression, each kappa rescaled by sqrt(|w^mu|^2 / N).
     */
    @Override
    public void update(double[] x, double[] next) {
        double[] g = new double[dimension()];
        if (!residual(x, g)) {
            java.util.Arrays.fill(next, Double.NaN);
            return;
        }
        for (int mu = 0; mu < p; mu++) {
            double kHat = x[multiplierIndex(mu)];
            for (int c = 0; c < clusters; c++) {
                int i = teacherOverlapIndex(mu, c);
                next[i] = x[i] - g[i] / kHat;
            }
            for (int rho = mu; rho < p; rho++) {
                int i = responseIndex(mu, rho);
                next[i] = x[i] - g[i] / (0.5 * (kHat + x[multiplierIndex(rho)]));
                if (rho > mu) {
                    int j = studentOverlapIndex(mu, rho);
                    next[j] = x[j] - g[j];
                }
            }
            int k = multiplierIndex(mu);
            next[k] = kHat * Math.sqrt(g[k] + 1);
            if (trainedPriors) { // EM: p^mu = its share of the data (residual e^x - share)
                int i = logPriorIndex(mu);
                double share = Math.exp(x[i]) - g[i];
                next[i] = share > 0 ? Math.log(share) : Double.NaN;
            }
        }
    }

    @Override
    public boolean isValid(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        for (int mu = 0; mu < p; mu++) {
            if (!(x[multiplierIndex(mu)] > 0)) {
                return false;
            }
            for (int c = 0; c < clusters; c++) {
                if (Math.abs(x[teacherOverlapIndex(mu, c)]) > 1) {
                    return false;
                }
            }
            for (int rho = mu + 1; rho < p; rho++) {
                if (Math.abs(x[studentOverlapIndex(mu, rho)]) > 1) {
                    return false;
                }
            }
        }
        return true;
    }
}
