package org.saddle.solver.potts;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.saddle.solver.FixedPointSolver;
import org.saddle.solver.SolveResult;
import org.saddle.theory.potts.SoftStudentEquations;

/**
 * Solves {@link SoftStudentEquations} (derivation there) for a student whose memories hold given teacher clusters, with
 * trained class weights as the simulation's StationaryPoint trains them: damped fixed-point iteration from the
 * arrangement's hard-posterior state (damping 0.5, then 0.2 if that fails), then Newton polishing. For one memory per
 * cluster (P = P_T) Newton from the symmetric class's state (SoftSeparatedState) comes first: near the fold the
 * Jacobian has a complex pair with positive real part in the symmetry-breaking directions, where no damped iteration
 * converges (P_T = 3, N = 400, M = 1200, b = 1.45: 7,000 iterations, about 4 minutes, then divergence). A result that did not
 * converge says so with its status and residual, and carries no state. A converged state <i>keeps the arrangement</i> when
 * every memory's overlap with each cluster it holds exceeds its overlap with every cluster it does not hold by more than
 * {@link #SEPARATION} (otherwise the solve drifted to another state, reported as such).
 *
 * <p>Also the <b>symmetry-breaking gap</b> of the soft separated state (P = P_T, one memory per cluster): the Jacobian of
 * the full equations at that state, restricted to the directions that break the permutation symmetry between memories
 * (the orthogonal complement of the subspace fixed by relabelling memories and clusters together, which the Jacobian
 * leaves invariant). A macroscopic symmetry-breaking bifurcation of the separated branch is a zero eigenvalue of this
 * block. It measures bifurcations in the order parameters only: a microscopic instability (a soft direction of the
 * finite-N Hessian not carried by R, Q, kappa, V) is not seen, so the simulation's Hessian check stays the test of that.
 */
public final class SoftStudentState {
    private static final FixedPointSolver SOLVER = new FixedPointSolver(0.5, 2000, 1e-7, 1e-9, 30);
    private static final FixedPointSolver DAMPED = new FixedPointSolver(0.2, 5000, 1e-7, 1e-9, 30);
    /** Margin by which held clusters must lead the others for a state to keep its arrangement. */
    public static final double SEPARATION = 1e-3;

    private SoftStudentState() {}

    /**
     * A soft state of a P-memory student.
     *
     * @param teacherOverlaps  R[mu][c]
     * @param studentOverlaps  Q[mu][rho] (unit diagonal)
     * @param multipliers      kappa_mu / n
     * @param shares           the fraction of the data each memory takes (its class weight p^mu)
     * @param solve            the solve (status, residual, iterations; the raw solution in the equations' order)
     * @param keepsArrangement converged and every memory still holds its clusters (class comment)
     * @param closureError     largest violation of the exact stationarity identities relative to kappa_mu / n (not solved
     *                         for: measures the closure's neglected corrections); NaN where not evaluated
     * @param note             how it was obtained, or why there is no state
     */
    public record State(double[][] teacherOverlaps, double[][] studentOverlaps, double[] multipliers, double[] shares, SolveResult solve,
            boolean keepsArrangement, double closureError, String note) {}

    /**
     * The soft state of a student at beta whose memory mu holds clusters {@code clustersOf[mu]} of a P_T-memory teacher at
     * beta_T, with M examples in N dimensions (P = clustersOf.length &lt;= 4; several memories may hold the same cluster).
     */
    public static State solve(double studentInverseTemperature, double teacherInverseTemperature, int[][] clustersOf, int teacherMemories,
            double examples, int neurons) {
        SoftStudentEquations equations = new SoftStudentEquations(studentInverseTemperature, teacherInverseTemperature, clustersOf.length,
                teacherMemories, examples, neurons, 1, true, referenceMemories(clustersOf, teacherMemories));
        SolveResult result = null;
        String note = null;
        int[] single = oneClusterEach(clustersOf, teacherMemories);
        if (single != null) {
            // the separated arrangement: Newton from the symmetric class's state (symmetryBreakingGap's comment: near the
            // fold the breaking block has a complex pair with positive real part, so no damped iteration converges there)
            SoftSeparatedState.State separated = SoftSeparatedState.solve(studentInverseTemperature, teacherInverseTemperature, teacherMemories,
                    examples, neurons);
            if (separated.solve().converged()) {
                SolveResult polished = SOLVER.newtonOnly().solve(equations, separatedState(equations, separated.solve().solution(), single));
                if (polished.converged()) {
                    result = polished;
                    note = "Newton from the symmetric soft separated state";
                }
            }
        }
        if (result == null) {
            double[] start = equations.hardState(clustersOf);
            result = SOLVER.solve(equations, start);
            note = "from the hard state of the arrangement";
            if (!result.converged()) {
                SolveResult retry = DAMPED.solve(equations, start);
                if (retry.converged() || !Double.isFinite(result.residual())) {
                    result = retry;
                    note = "from the hard state, damping 0.2";
                }
            }
        }
        if (!result.converged()) {
            return new State(null, null, null, null, result, false, Double.NaN, sharesACluster(clustersOf, teacherMemories)
                    ? "no converged state; memories sharing a cluster split it along a noise direction that this closure does not carry"
                            + " (the response V diverges along their difference: SoftStudentEquations class comment)"
                    : "no converged state from the hard state of the arrangement");
        }
        double[] x = result.solution();
        int p = clustersOf.length;
        double[][] r = new double[p][teacherMemories];
        double[][] q = new double[p][p];
        double[] kappa = new double[p];
        for (int mu = 0; mu < p; mu++) {
            for (int c = 0; c < teacherMemories; c++) {
                r[mu][c] = x[equations.teacherOverlapIndex(mu, c)];
            }
            for (int rho = 0; rho < p; rho++) {
                q[mu][rho] = mu == rho ? 1 : x[equations.studentOverlapIndex(mu, rho)];
            }
            kappa[mu] = x[equations.multiplierIndex(mu)];
        }
        boolean keeps = keepsArrangement(r, clustersOf);
        org.saddle.theory.potts.ScoreAverages[] averages = equations.averages(x); // once, for the shares and the closure
        return new State(r, q, kappa, equations.shares(averages), result, keeps, equations.closureError(x, averages),
                keeps ? note : note + "; the state reached does not keep the arrangement");
    }

    /** The cluster of each memory when P = P_T and every memory holds one cluster of its own; null otherwise. */
    private static int[] oneClusterEach(int[][] clustersOf, int teacherMemories) {
        if (clustersOf.length != teacherMemories) {
            return null;
        }
        int[] cluster = new int[teacherMemories];
        boolean[] held = new boolean[teacherMemories];
        for (int mu = 0; mu < teacherMemories; mu++) {
            if (clustersOf[mu].length != 1 || held[clustersOf[mu][0]]) {
                return null;
            }
            cluster[mu] = clustersOf[mu][0];
            held[cluster[mu]] = true;
        }
        return cluster;
    }

    /**
     * The symmetric soft separated state (SoftSeparatedEquations' unknowns R, R', Q, kappa / n, n v, n v') written in the
     * general unknowns, memory mu on cluster {@code clusterOf[mu]}, class weights 1 / P.
     */
    static double[] separatedState(SoftStudentEquations equations, double[] symmetric, int[] clusterOf) {
        int p = clusterOf.length;
        double[] x = new double[equations.dimension()];
        for (int mu = 0; mu < p; mu++) {
            for (int c = 0; c < p; c++) {
                x[equations.teacherOverlapIndex(mu, c)] = c == clusterOf[mu] ? symmetric[0] : symmetric[1];
            }
            for (int rho = mu + 1; rho < p; rho++) {
                x[equations.studentOverlapIndex(mu, rho)] = symmetric[2];
            }
            x[equations.multiplierIndex(mu)] = symmetric[3];
            for (int rho = mu; rho < p; rho++) {
                x[equations.responseIndex(mu, rho)] = mu == rho ? symmetric[4] : symmetric[5];
            }
            x[equations.logPriorIndex(mu)] = -Math.log(p);
        }
        return x;
    }

    private static boolean sharesACluster(int[][] clustersOf, int teacherMemories) {
        int[] holders = new int[teacherMemories];
        for (int[] held : clustersOf) {
            for (int c : held) {
                if (++holders[c] > 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /** For each cluster the first memory that holds it (c mod P if none does): the reference of its quadrature. */
    private static int[] referenceMemories(int[][] clustersOf, int teacherMemories) {
        int[] reference = new int[teacherMemories];
        for (int c = 0; c < teacherMemories; c++) {
            reference[c] = c % clustersOf.length;
            search:
            for (int mu = 0; mu < clustersOf.length; mu++) {
                for (int held : clustersOf[mu]) {
                    if (held == c) {
                        reference[c] = mu;
                        break search;
                    }
                }
            }
        }
        return reference;
    }

    private static boolean keepsArrangement(double[][] r, int[][] clustersOf) {
        for (int mu = 0; mu < r.length; mu++) {
            boolean[] held = new boolean[r[mu].length];
            for (int c : clustersOf[mu]) {
                held[c] = true;
            }
            for (int c : clustersOf[mu]) {
                for (int d = 0; d < held.length; d++) {
                    if (!held[d] && !(r[mu][c] - r[mu][d] > SEPARATION)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The Jacobian of G(x) = F(x) - x (F the equations' fixed-point form, so G's Jacobian is J_F - I, of order 1 by
     * construction) at the soft separated state, restricted to (a) the directions that break the symmetry between
     * memories and (b) the symmetric ones. A zero eigenvalue of (b) is the fold of the separated branch
     * (SoftSeparatedState#branchEnd); a zero of (a) would be a bifurcation to a symmetry-broken state. Null where the
     * separated state does not converge (P_T &lt;= 4).
     *
     * <p>The continuum equations are symmetric under relabelling memories and clusters together; their quadrature is
     * so under the dihedral relabellings ({@link org.saddle.theory.potts.ScoreAverages}: each cluster relative to the
     * memory that holds it, the others in both cyclic orders), which for P_T &lt;= 3 are all of them: the symmetric state
     * of SoftSeparatedState then solves the full equations to rounding (tested). For P_T = 4 some relabellings change the
     * averages by the quadrature error, which near a fold the small breaking eigenvalue amplifies, and the unsymmetrized
     * blocks would mix (as they did at P_T = 3, N = 400, M = 1200, b = 1.442 when every cluster took memory 0 as
     * reference: both blocks looked equally small, 0.021 and 0.028). Hence the Jacobian is evaluated at the symmetric
     * state as SoftSeparatedState solves it and averaged over all relabellings (J -> (1/P!) sum_g Pi_g J Pi_g^T, exact
     * for the continuum equations) before it is split into the two blocks.
     */
    public static SymmetryGap symmetryBreakingGap(double studentInverseTemperature, double teacherInverseTemperature, int teacherMemories,
            double examples, int neurons) {
        SoftSeparatedState.State separated = SoftSeparatedState.solve(studentInverseTemperature, teacherInverseTemperature, teacherMemories,
                examples, neurons);
        if (!separated.exists()) {
            return null;
        }
        int p = teacherMemories;
        SoftStudentEquations equations = new SoftStudentEquations(studentInverseTemperature, teacherInverseTemperature, p, p, examples,
                neurons, 1, true);
        // the symmetric state, mapped into the full unknowns (not re-solved by the full equations: see above)
        int[] identity = new int[p];
        for (int mu = 0; mu < p; mu++) {
            identity[mu] = mu;
        }
        double[] x = separatedState(equations, separated.solve().solution(), identity);
        int n = equations.dimension();
        List<int[]> relabellings = new ArrayList<>();
        for (int[] g : permutations(p)) {
            relabellings.add(relabelling(equations, g));
        }
        RealMatrix fixed = fixedSubspaceProjector(relabellings, n);
        RealMatrix fixedBasis = basis(fixed);
        RealMatrix breakingBasis = basis(org.hipparchus.linear.MatrixUtils.createRealIdentityMatrix(n).subtract(fixed));
        double[][] entries = FixedPointSolver.jacobian(equations, x);
        if (entries == null) {
            return null;
        }
        RealMatrix jacobian = new Array2DRowRealMatrix(n, n);
        for (int[] g : relabellings) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    jacobian.addToEntry(g[i], g[j], entries[i][j] / relabellings.size());
                }
            }
        }
        org.hipparchus.complex.Complex[] breaking = blockEigenvalues(jacobian, breakingBasis);
        org.hipparchus.complex.Complex[] sym = blockEigenvalues(jacobian, fixedBasis);
        return new SymmetryGap(smallestModulus(breaking), smallestModulus(sym), positiveReal(breaking), positiveReal(sym));
    }

    /**
     * The two blocks of the Jacobian at the separated state (symmetryBreakingGap).
     *
     * @param breaking          smallest modulus of an eigenvalue in the symmetry-breaking directions
     * @param symmetric         smallest modulus of an eigenvalue in the symmetric directions
     * @param breakingPositive  real positive eigenvalues of the breaking block: 0 deep in the separated phase (every
     *                          eigenvalue has real part near -1 there); a real eigenvalue crossing zero (a bifurcation)
     *                          changes the count by one, so an odd change from the deep count says one was crossed, even
     *                          between two evaluated points. Complex pairs are not counted: one crossing the imaginary axis
     *                          (P_T = 3, N = 400, M = 1200 near the fold: 0.078 +- 1.004 i) makes the undamped iteration
     *                          oscillate, it creates no new solution
     * @param symmetricPositive the same for the symmetric block (it changes at the fold, on the branch beyond it)
     */
    public record SymmetryGap(double breaking, double symmetric, int breakingPositive, int symmetricPositive) {}

    /** Where relabelling memories and clusters together by g sends each unknown: index i goes to map[i]. */
    private static int[] relabelling(SoftStudentEquations equations, int[] g) {
        int p = g.length;
        int[] map = new int[equations.dimension()];
        for (int mu = 0; mu < p; mu++) {
            for (int c = 0; c < p; c++) {
                map[equations.teacherOverlapIndex(mu, c)] = equations.teacherOverlapIndex(g[mu], g[c]);
            }
            for (int rho = mu + 1; rho < p; rho++) {
                map[equations.studentOverlapIndex(mu, rho)] = equations.studentOverlapIndex(g[mu], g[rho]);
            }
            for (int rho = mu; rho < p; rho++) {
                map[equations.responseIndex(mu, rho)] = equations.responseIndex(g[mu], g[rho]);
            }
            map[equations.multiplierIndex(mu)] = equations.multiplierIndex(g[mu]);
            map[equations.logPriorIndex(mu)] = equations.logPriorIndex(g[mu]);
        }
        return map;
    }

    /** (1 / P!) sum over the relabellings g of memories and clusters together of the permutation matrix of g. */
    private static RealMatrix fixedSubspaceProjector(List<int[]> relabellings, int n) {
        RealMatrix sum = new Array2DRowRealMatrix(n, n);
        for (int[] map : relabellings) {
            for (int i = 0; i < n; i++) {
                sum.addToEntry(map[i], i, 1.0 / relabellings.size());
            }
        }
        return sum;
    }

    private static List<int[]> permutations(int p) {
        List<int[]> out = new ArrayList<>();
        permute(new int[p], new boolean[p], 0, out);
        return out;
    }

    private static void permute(int[] current, boolean[] used, int depth, List<int[]> out) {
        if (depth == current.length) {
            out.add(current.clone());
            return;
        }
        for (int k = 0; k < current.length; k++) {
            if (!used[k]) {
                used[k] = true;
                current[depth] = k;
                permute(current, used, depth + 1, out);
                used[k] = false;
            }
        }
    }

    /** An orthonormal basis (columns) of the range of a symmetric projector. */
    private static RealMatrix basis(RealMatrix projector) {
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(projector);
        List<double[]> columns = new ArrayList<>();
        for (int k = 0; k < projector.getRowDimension(); k++) {
            if (eigen.getEigenvalue(k) > 0.5) {
                columns.add(eigen.getEigenvector(k).toArray());
            }
        }
        RealMatrix b = new Array2DRowRealMatrix(projector.getRowDimension(), columns.size());
        for (int k = 0; k < columns.size(); k++) {
            b.setColumn(k, columns.get(k));
        }
        return b;
    }

    /** The eigenvalues of the Jacobian restricted to the span of the basis (an invariant subspace). */
    private static org.hipparchus.complex.Complex[] blockEigenvalues(RealMatrix jacobian, RealMatrix basis) {
        return new org.hipparchus.linear.EigenDecompositionNonSymmetric(basis.transpose().multiply(jacobian).multiply(basis)).getEigenvalues();
    }

    private static double smallestModulus(org.hipparchus.complex.Complex[] values) {
        double smallest = Double.POSITIVE_INFINITY;
        for (org.hipparchus.complex.Complex v : values) {
            smallest = Math.min(smallest, v.norm());
        }
        return smallest;
    }

    private static int positiveReal(org.hipparchus.complex.Complex[] values) {
        int count = 0;
        for (org.hipparchus.complex.Complex v : values) {
            if (v.getReal() > 0 && Math.abs(v.getImaginary()) <= 1e-10 * v.norm()) {
                count++;
            }
        }
        return count;
    }
}
