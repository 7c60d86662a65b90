package org.saddle.solver.potts;

import org.saddle.solver.FixedPointSolver;
import org.saddle.solver.SolveResult;
import org.saddle.solver.SolveStatus;
import org.saddle.theory.potts.SoftSeparatedEquations;

/**
 * Solves the soft-posterior separated state of {@link SoftSeparatedEquations} (derivation there) with
 * {@link FixedPointSolver} (damped iteration of the equations' fixed-point form, damping 0.5, then 0.2 if that fails,
 * then Newton polishing), started from the hard-posterior state (P_T &lt;= 4; quadrature in the equations' class comment). The state <i>exists</i> when Newton converges
 * to a separated solution (R - R' &gt; 1e-6, Q &lt; 1 - 1e-6); otherwise the status and residual say why not, never a
 * number passed off as the state. A converged solution whose separation vanished is the prototype, reported as not
 * existing. Where the solve from the hard state fails, the separated branch is followed from the hard side: beta_T (and
 * beta, when equal to it) is raised by factors 1.25 (at most 8 times) until the state converges separated, then lowered back in steps of
 * 1.25^(-1/2) (halved on failure, down to 1e-3 in ln beta_T), each solve started from the previous one; if the branch
 * loses its separation on the way, the result says so (branchEnded: no separated state at this beta_T).
 */
public final class SoftSeparatedState {
    private static final FixedPointSolver SOLVER = new FixedPointSolver(0.5, 400, 1e-7, 1e-9, 20);
    /** Second try where the first overshoots out of the domain (R &gt; 1 on the way): more damping, more iterations. */
    private static final FixedPointSolver DAMPED = new FixedPointSolver(0.2, 1000, 1e-7, 1e-9, 20);

    private SoftSeparatedState() {}

    /**
     * The soft separated state.
     *
     * @param teacherOverlap   R, overlap of a student memory with its own teacher memory
     * @param otherOverlap     R', with another teacher memory
     * @param studentOverlap   Q, between two student memories
     * @param multiplier       kappa = |u^mu| / sqrt(N)
     * @param ownPosterior     E[r_nu] of an example of cluster nu on its own memory (1 for hard posteriors)
     * @param solve            the Newton solve (status, residual, iterations)
     * @param exists           converged and separated (R - R' &gt; 1e-6, Q &lt; 1 - 1e-6)
     * @param branchEnded      the separated branch, followed from the hard side (larger beta_T), lost its separation
     *                         (R - R' below {@link #SEPARATION}) before reaching this beta_T: no separated state here
     * @param note             how it was obtained
     * @param closureError     max over the two exact stationarity identities of SoftSeparatedEquations#identityResiduals,
     *                         relative to kappa / n: not solved for, so their violation measures
     *                         the neglected corrections (O(m^2), O(1/N)) at this point; NaN where not evaluated
     */
    public record State(double teacherOverlap, double otherOverlap, double studentOverlap, double multiplier, double ownPosterior,
            SolveResult solve, boolean exists, boolean branchEnded, String note, double closureError) {

        State withNote(String text) {
            return new State(teacherOverlap, otherOverlap, studentOverlap, multiplier, ownPosterior, solve, exists, branchEnded, text,
                    closureError);
        }
    }

    /** Separation R - R' above which the state counts as separated on the existence line (class comment). */
    public static final double SEPARATION = 1e-3;

    /**
     * The existence line of the soft separated state at M examples: the teacher inverse temperature beta_T (student at
     * {@code studentInverseTemperature}, NaN: equal to beta_T) where the separation R - R' of the converged state falls
     * to {@link #SEPARATION}. Below it the equations only have the unseparated solution R = R' (the prototype, or a
     * symmetric split along noise), which the separated branch joins continuously (R - R' vanishes like a square root,
     * so the threshold 1e-3 places the line within ~1e-6 relative of the bifurcation). A state whose solve does not
     * converge counts as not separated. Root of (R - R') - 1e-3 in ln beta_T on [lo, hi] (scan on 12 intervals from the
     * upper end, then Brent to 1e-4 in ln beta_T); not found is reported as such.
     */
    public static org.saddle.solver.BracketingRootFinder.Root existenceLine(double examples, int teacherMemories, int neurons,
            double studentInverseTemperature, double lo, double hi) {
        java.util.function.DoubleUnaryOperator separation = t -> {
            double bt = Math.exp(t);
            double beta = Double.isNaN(studentInverseTemperature) ? bt : studentInverseTemperature;
            State state = solve(beta, bt, teacherMemories, examples, neurons);
            return (state.solve().converged() ? state.teacherOverlap() - state.otherOverlap() : 0) - SEPARATION;
        };
        org.saddle.solver.BracketingRootFinder.Root root = new org.saddle.solver.BracketingRootFinder(1e-4, 60)
                .find(separation, Math.log(lo), Math.log(hi), 12, true);
        if (!root.found()) {
            return root;
        }
        double value = Math.exp(root.value());
        return new org.saddle.solver.BracketingRootFinder.Root(value, value * root.error(), true, root.message() + " (in ln beta_T)");
    }

    /** The soft separated state of a P = P_T student at beta trained on M examples of a teacher at beta_T, N neurons. */
    public static State solve(double studentInverseTemperature, double teacherInverseTemperature, int teacherMemories, double examples,
            int neurons) {
        return solve(studentInverseTemperature, teacherInverseTemperature, teacherMemories, examples, neurons, 1.0);
    }

    /** As {@link #solve(double, double, int, double, int)} with a factor on the trapezoidal step (convergence checks). */
    public static State solve(double studentInverseTemperature, double teacherInverseTemperature, int teacherMemories, double examples,
            int neurons, double stepScale) {
        State direct = attempt(studentInverseTemperature, teacherInverseTemperature, teacherMemories, examples, neurons, stepScale, null);
        if (direct.solve().converged() || teacherMemories == 1) {
            return direct;
        }
        // continuation along the separated branch from the hard side: raise beta_T (and beta with it when they are equal)
        boolean tied = studentInverseTemperature == teacherInverseTemperature;
        double ratio = studentInverseTemperature / teacherInverseTemperature;
        double up = teacherInverseTemperature;
        State anchor = null;
        for (int k = 0; k < 8 && anchor == null; k++) {
            up *= 1.25;
            State trial = attempt(tied ? up : studentInverseTemperature, up, teacherMemories, examples, neurons, stepScale, null);
            if (trial.solve().converged() && trial.teacherOverlap() - trial.otherOverlap() > SEPARATION) {
                anchor = trial;
            }
        }
        if (anchor == null) {
            return direct.withNote("no converged separated state up to beta_T = " + up);
        }
        double at = up;
        double step = Math.log(1.25) / 2;
        State current = anchor;
        while (at > teacherInverseTemperature) {
            double next = Math.max(teacherInverseTemperature, at * Math.exp(-step));
            State trial = attempt(tied ? next : studentInverseTemperature, next, teacherMemories, examples, neurons, stepScale,
                    current.solve().solution());
            if (trial.solve().converged() && trial.teacherOverlap() - trial.otherOverlap() > SEPARATION) {
                current = trial;
                at = next;
                continue;
            }
            if (trial.solve().converged() || step < 1e-3) {
                // the branch lost its separation (or could not be followed) between next and at
                return new State(trial.teacherOverlap(), trial.otherOverlap(), trial.studentOverlap(), trial.multiplier(), trial.ownPosterior(),
                        trial.solve(), false, true, String.format(java.util.Locale.ROOT,
                                "separated branch followed from beta_T = %.4g ends between beta_T = %.4g and %.4g", up, next, at),
                        trial.closureError());
            }
            step /= 2;
        }
        return current.withNote(String.format(java.util.Locale.ROOT, "by continuation from beta_T = %.4g", up));
    }

    private static State attempt(double studentInverseTemperature, double teacherInverseTemperature, int teacherMemories, double examples,
            int neurons, double stepScale, double[] start) {
        SoftSeparatedEquations equations = new SoftSeparatedEquations(studentInverseTemperature, teacherInverseTemperature, teacherMemories,
                examples, neurons, stepScale);
        double[] from = start == null ? equations.hardState() : start;
        SolveResult result = SOLVER.solve(equations, from);
        if (!result.converged()) {
            SolveResult second = DAMPED.solve(equations, from);
            result = new SolveResult(second.solution(), second.residual(), result.iterations() + second.iterations(), second.status());
        }
        double[] x = result.solution();
        double own = Double.NaN;
        double closure = Double.NaN;
        if (result.converged()) {
            SoftSeparatedEquations.Averages averages = equations.averages(x);
            own = averages == null ? Double.NaN : averages.posterior(0);
            double[] identities = equations.identityResiduals(x);
            if (identities != null) {
                double scale = Math.abs(x[3]);
                closure = Math.max(Math.abs(identities[0]), Math.abs(identities[1])) / scale;
            }
        }
        boolean separated = teacherMemories == 1 || (x[0] - x[1] > 1e-6 && x[2] < 1 - 1e-6);
        return new State(x[0], x[1], x[2], x[3] * equations.perCluster(), own, result, result.converged() && separated, false,
                start == null ? "from the hard state" : "continuation step", closure);
    }
}
