package org.saddle.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.DoubleFunction;
import org.saddle.theory.SaddlePointEquations;

/**
 * Natural-parameter continuation: follows a branch of solutions of a one-parameter family of
 * saddle-point systems, each solve starting from the previous solution. A failed step (no
 * convergence, invalid state, or a new solution that the {@code sameBranch} test rejects, i.e. a
 * switch to another branch) is halved; when the step falls below {@code minStep} the branch is
 * declared lost between the last accepted parameter and the failed one.
 */
public final class Continuation {

    /** One accepted point of a branch. */
    public record BranchPoint(double parameter, SolveResult result) {
    }

    /**
     * A followed branch.
     *
     * @param points accepted points in order
     * @param complete true if the whole path was followed
     * @param lastParameter parameter of the last accepted point (NaN if none)
     * @param failedParameter smallest failed step beyond lastParameter (NaN if complete)
     * @param message human-readable outcome
     */
    public record Branch(List<BranchPoint> points, boolean complete, double lastParameter,
            double failedParameter, String message) {

        /** Defensive copy. */
        public Branch {
            points = List.copyOf(points);
        }

        /** Last accepted point, or null. */
        public BranchPoint last() {
            return points.isEmpty() ? null : points.get(points.size() - 1);
        }
    }

    private final FixedPointSolver startSolver;
    private final FixedPointSolver stepSolver;
    private final double minStep;
    private final BiPredicate<double[], double[]> sameBranch;

    /**
     * @param solver solver for the first point; later points use its Newton-only variant
     * @param minStep smallest parameter step before the branch is declared lost
     * @param maxJump largest accepted relative change of the state per step
     */
    public Continuation(FixedPointSolver solver, double minStep, double maxJump) {
        this(solver, minStep, (a, b) -> jump(a, b) <= maxJump);
    }

    /**
     * @param solver solver for the first point; later points use its Newton-only variant
     * @param minStep smallest parameter step before the branch is declared lost
     * @param sameBranch accepts a new solution (second argument) as the continuation of the previous one
     *     (first argument); the model knows which components identify its branch
     */
    public Continuation(FixedPointSolver solver, double minStep, BiPredicate<double[], double[]> sameBranch) {
        this.startSolver = solver;
        this.stepSolver = solver.newtonOnly();
        this.minStep = minStep;
        this.sameBranch = sameBranch;
    }

    /** Follows the branch from {@code from} to {@code to} with nominal step {@code step} (> 0). */
    public Branch follow(DoubleFunction<SaddlePointEquations> family, double[] start, double from, double to,
            double step) {
        int n = Math.max(1, (int) Math.ceil(Math.abs(to - from) / step - 1e-9));
        double[] params = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            params[i] = i == n ? to : from + (to - from) * i / n;
        }
        return follow(family, start, params);
    }

    /** Follows the branch through the given parameter values (monotone), halving failed steps. */
    public Branch follow(DoubleFunction<SaddlePointEquations> family, double[] start, double[] parameters) {
        List<BranchPoint> points = new ArrayList<>();
        double p = parameters[0];
        SolveResult first = solveAt(family, p, start, startSolver);
        if (first == null || !first.converged()) {
            return new Branch(points, false, Double.NaN, p, "no solution at the start parameter " + p
                    + (first == null ? "" : " (" + first.status() + ", residual " + first.residual() + ")"));
        }
        points.add(new BranchPoint(p, first));
        double[] x = first.solution();
        for (int i = 1; i < parameters.length; i++) {
            double target = parameters[i];
            double h = target - p;
            while (p != target) {
                double next = Math.abs(h) >= Math.abs(target - p) ? target : p + h;
                SolveResult res = solveAt(family, next, x, stepSolver);
                if (res != null && res.converged() && sameBranch.test(x, res.solution())) {
                    p = next;
                    x = res.solution();
                    points.add(new BranchPoint(p, res));
                    h *= 2.0;
                } else {
                    h *= 0.5;
                    if (Math.abs(h) < minStep) {
                        return new Branch(points, false, p, next, "branch lost between " + p + " and " + next
                                + (res == null ? " (invalid parameter)" : " (" + res.status() + ")"));
                    }
                }
            }
        }
        return new Branch(points, true, p, Double.NaN, "complete");
    }

    private static SolveResult solveAt(DoubleFunction<SaddlePointEquations> family, double p, double[] x,
            FixedPointSolver solver) {
        SaddlePointEquations eq;
        try {
            eq = family.apply(p);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return solver.solve(eq, x);
    }

    /** Largest relative change max_i |a_i - b_i| / max(1, |a_i|). */
    static double jump(double[] a, double[] b) {
        double m = 0.0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1.0, Math.abs(a[i])));
        }
        return m;
    }
}
