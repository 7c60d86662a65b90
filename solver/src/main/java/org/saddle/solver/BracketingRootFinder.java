package org.saddle.solver;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.exception.MathRuntimeException;

/**
 * Roots of a scalar function of a parameter: scan for a sign change, then Brent's method.
 * Model-agnostic tool for phase boundaries (a free-energy difference, a replicon eigenvalue, a
 * Jacobian determinant crossing zero). Points where the function is NaN are skipped in the scan.
 */
public final class BracketingRootFinder {

    /**
     * A root.
     *
     * @param value location (NaN if not found)
     * @param error bound on |value - true root| from the final Brent bracket (NaN if not found)
     * @param found whether a sign change was found and refined
     * @param message outcome
     */
    public record Root(double value, double error, boolean found, String message) {
    }

    private final double absoluteAccuracy;
    private final int maxEvaluations;

    /** @param absoluteAccuracy Brent's absolute accuracy; @param maxEvaluations Brent's budget */
    public BracketingRootFinder(double absoluteAccuracy, int maxEvaluations) {
        this.absoluteAccuracy = absoluteAccuracy;
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * Scans [a, b] on {@code intervals} equal intervals starting from {@code fromUpper ? b : a} and
     * refines the first sign change found.
     */
    public Root find(DoubleUnaryOperator f, double a, double b, int intervals, boolean fromUpper) {
        double prevX = Double.NaN;
        double prevF = Double.NaN;
        for (int i = 0; i <= intervals; i++) {
            // the last scan point is the end point itself (b - (b - a) can round below a)
            double x = i == intervals ? (fromUpper ? a : b)
                    : fromUpper ? b - (b - a) * i / intervals : a + (b - a) * i / intervals;
            double fx = f.applyAsDouble(x);
            if (Double.isNaN(fx)) {
                continue;
            }
            if (fx == 0.0) {
                return new Root(x, 0.0, true, "exact zero at scan point");
            }
            if (!Double.isNaN(prevF) && Math.signum(fx) != Math.signum(prevF)) {
                return refine(f, Math.min(x, prevX), Math.max(x, prevX));
            }
            prevX = x;
            prevF = fx;
        }
        return new Root(Double.NaN, Double.NaN, false, "no sign change on [" + a + ", " + b + "]");
    }

    /** Brent's method on a bracket [lo, hi] with f(lo) f(hi) <= 0. */
    public Root refine(DoubleUnaryOperator f, double lo, double hi) {
        try {
            double root = new BrentSolver(1e-15, absoluteAccuracy).solve(maxEvaluations, f::applyAsDouble, lo, hi);
            double err = Math.max(absoluteAccuracy, 4 * Math.ulp(root));
            return new Root(root, err, true, "Brent on [" + lo + ", " + hi + "]");
        } catch (MathRuntimeException e) {
            return new Root(Double.NaN, Double.NaN, false, "Brent failed on [" + lo + ", " + hi + "]: " + e.getMessage());
        }
    }
}
