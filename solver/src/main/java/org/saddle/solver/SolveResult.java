package org.saddle.solver;

import java.util.Arrays;

/**
 * Result of a solve, with its convergence information attached.
 *
 * @param solution last state (defensive copy)
 * @param residual max-norm of F(x) - x (or of the residual G(x)) at {@code solution}; NaN if undefined
 * @param iterations iterations used (damped + Newton)
 * @param status convergence status
 */
public record SolveResult(double[] solution, double residual, int iterations, SolveStatus status) {

    /** Defensive copy of the state. */
    public SolveResult {
        solution = solution.clone();
    }

    @Override
    public double[] solution() {
        return solution.clone();
    }

    /** Component i of the solution. */
    public double component(int i) {
        return solution[i];
    }

    /** True iff status is CONVERGED. */
    public boolean converged() {
        return status == SolveStatus.CONVERGED;
    }

    @Override
    public String toString() {
        return "SolveResult[" + status + ", residual=" + residual + ", iterations=" + iterations
                + ", solution=" + Arrays.toString(solution) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolveResult s && Arrays.equals(solution, s.solution)
                && Double.compare(residual, s.residual) == 0 && iterations == s.iterations && status == s.status;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(solution) + status.hashCode();
    }
}
