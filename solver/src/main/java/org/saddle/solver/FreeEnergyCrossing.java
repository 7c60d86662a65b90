package org.saddle.solver;

import java.util.function.DoubleUnaryOperator;

/**
 * First-order transitions for any model: the parameter where the free energies of two branches are equal, located
 * by a scan for a sign change of their difference and Brent's method. A branch's free energy is NaN where the
 * branch does not exist; such points are skipped by the scan, so the crossing is only sought where both exist.
 */
public final class FreeEnergyCrossing {

    /**
     * A located crossing.
     *
     * @param parameter where f1 = f2 (NaN if not found)
     * @param error bound on |parameter - true crossing| from the final Brent bracket
     * @param found whether a crossing was found
     * @param message outcome
     */
    public record Crossing(double parameter, double error, boolean found, String message) {
    }

    private final BracketingRootFinder roots;

    /** @param accuracy absolute accuracy of the crossing parameter */
    public FreeEnergyCrossing(double accuracy) {
        this.roots = new BracketingRootFinder(accuracy, 300);
    }

    /**
     * Locates f1 = f2 on [lo, hi], scanning {@code intervals} intervals from {@code fromUpper ? hi : lo} and refining
     * the first sign change of f1 - f2.
     */
    public Crossing locate(DoubleUnaryOperator f1, DoubleUnaryOperator f2, double lo, double hi, int intervals,
            boolean fromUpper) {
        DoubleUnaryOperator d = p -> f1.applyAsDouble(p) - f2.applyAsDouble(p);
        BracketingRootFinder.Root r = roots.find(d, lo, hi, intervals, fromUpper);
        return new Crossing(r.value(), r.error(), r.found(), r.found() ? "f1 = f2; " + r.message() : r.message());
    }

    /**
     * The window below {@code hi} where branch 1 is the lower one: its upper edge is the highest crossing on [lo, hi]
     * (scanning down from hi), its lower edge the next crossing below that; the lower edge is absent where branch 1
     * stays lower down to {@code lo} ({@code lowerAtBottom}). Both absent where no crossing exists.
     *
     * @param upper the highest crossing
     * @param lower the next crossing below it (not found where branch 1 stays lower down to lo)
     * @param lowerAtBottom whether f1 &lt; f2 just above lo (so that the window reaches lo)
     */
    public record Window(Crossing upper, Crossing lower, boolean lowerAtBottom) {
    }

    /** The window of {@link Window} on [lo, hi], each crossing sought with {@code intervals} scan intervals. */
    public Window window(DoubleUnaryOperator f1, DoubleUnaryOperator f2, double lo, double hi, int intervals) {
        Crossing upper = locate(f1, f2, lo, hi, intervals, true);
        if (!upper.found()) {
            return new Window(upper, upper, false);
        }
        double below = upper.parameter() - Math.max(4.0 * upper.error(), 1e-9 * Math.abs(upper.parameter()));
        double atBottom = f1.applyAsDouble(lo) - f2.applyAsDouble(lo);
        if (!(below > lo)) {
            return new Window(upper, new Crossing(Double.NaN, Double.NaN, false, "no room below the upper crossing"),
                    atBottom < 0.0);
        }
        int rest = Math.max(4, (int) Math.ceil(intervals * (below - lo) / (hi - lo)));
        Crossing lower = locate(f1, f2, lo, below, rest, true);
        if (lower.found()) {
            return new Window(upper, lower, false);
        }
        return new Window(upper, new Crossing(Double.NaN, Double.NaN, false, atBottom < 0.0
                ? "branch 1 stays lower down to " + lo : "no second crossing: " + lower.message()), atBottom < 0.0);
    }
}
