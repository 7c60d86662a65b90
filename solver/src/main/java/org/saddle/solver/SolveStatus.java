package org.saddle.solver;

/** Outcome of a solve. */
public enum SolveStatus {
    /** Residual below tolerance. */
    CONVERGED,
    /** Ran out of iterations or Newton could not reduce the residual; the last state is reported. */
    NOT_CONVERGED,
    /** NaN/infinite values or a state outside the physical domain of the equations. */
    DIVERGED
}
