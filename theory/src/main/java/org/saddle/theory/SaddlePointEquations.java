package org.saddle.theory;

import java.util.List;

/**
 * A saddle-point system written as a fixed-point map x -> F(x) on a few order parameters.
 * Model-agnostic: the solver module iterates, Newton-polishes, continues and locates boundaries
 * of any implementation (Hopfield RS today, dense P-body networks and 1RSB later).
 */
public interface SaddlePointEquations {

    /** Number of order parameters. */
    int dimension();

    /** Names of the components, in order (for reports). */
    List<String> componentNames();

    /**
     * Writes F(current) into {@code next}. Must not modify {@code current}. May write NaN when
     * {@code current} lies outside the domain of the equations.
     */
    void update(double[] current, double[] next);

    /** Whether a state is physical (e.g. q in [0,1], r >= 0). Default: all components finite. */
    default boolean isValid(double[] state) {
        for (double v : state) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
