package org.saddle.solver;

/** A square system G(x) = 0 for {@link NewtonSolver}. */
public interface VectorResidual {

    /** Number of unknowns (= number of equations). */
    int dimension();

    /** Writes G(x) into {@code out}. */
    void value(double[] x, double[] out);

    /** Whether x lies in the domain of G. Default: all finite. */
    default boolean isValid(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
