package org.saddle.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import org.saddle.theory.SaddlePointEquations;

/**
 * One branch of saddle points followed in the temperature at fixed load, for any model: from a T = 0 state upward to
 * its turning point (the spinodal, e.g. T_M of a retrieval branch), or, where the branch has no T = 0 state (the
 * reentrant retrieval region of P &gt;= 3 networks), from a state found at T &gt; 0 both upward and downward to its two
 * turning points (T_M and the lower end T_R). Pseudo-arclength continuation ({@link ArclengthContinuation}), so both
 * turning points are located exactly; points beyond a turning point (the unstable branch) are dropped.
 *
 * <p>Used by the dense P-body solver and by the dense Hebbian learning solver (the model enters only through the
 * family T -&gt; equations and its start state).
 */
public final class TemperatureBranch {

    /** Largest temperature any branch is followed to. */
    public static final double TOP_TEMPERATURE = 50.0;

    private final double load;
    private final DoubleFunction<SaddlePointEquations> family;
    private final FixedPointSolver newton;
    private final int orderComponent;
    private final double zeroOrder;
    private final List<ArclengthContinuation.Point> points;
    private final boolean reentrant;
    private final Boundary spinodal;
    private final Boundary lowerEnd;

    private TemperatureBranch(double load, DoubleFunction<SaddlePointEquations> family, FixedPointSolver newton,
            int orderComponent, double zeroOrder, List<ArclengthContinuation.Point> points, boolean reentrant,
            Boundary spinodal, Boundary lowerEnd) {
        this.load = load;
        this.family = family;
        this.newton = newton;
        this.orderComponent = orderComponent;
        this.zeroOrder = zeroOrder;
        this.points = List.copyOf(points);
        this.reentrant = reentrant;
        this.spinodal = spinodal;
        this.lowerEnd = lowerEnd;
    }

    /**
     * How to follow and name a branch.
     *
     * @param arc the continuation
     * @param newton solver (Newton) for points between the followed ones
     * @param upperLine name of the upper turning point ("T_M")
     * @param lowerLine name of the lower turning point of a reentrant branch ("T_R")
     * @param orderComponent the component that must stay above {@code zeroOrder} (the overlap); -1 for none
     * @param zeroOrder see orderComponent
     */
    public record Settings(ArclengthContinuation arc, FixedPointSolver newton, String upperLine, String lowerLine,
            int orderComponent, double zeroOrder) {
    }

    /** No branch at this load. */
    public static TemperatureBranch none(double load, Settings s, String why) {
        return new TemperatureBranch(load, null, s.newton(), s.orderComponent(), s.zeroOrder(), List.of(), false,
                Boundary.absent(s.upperLine(), load, why), Boundary.absent(s.lowerLine(), load, "no branch at any T"));
    }

    /**
     * The branch through {@code state} at {@code anchorTemperature}: at 0 followed upward only; at T &gt; 0 both ways.
     */
    public static TemperatureBranch follow(double load, DoubleFunction<SaddlePointEquations> family,
            double anchorTemperature, double[] state, Settings s) {
        Piece up = piece(family, state, anchorTemperature, true, s.arc());
        Boundary spinodal = up.fold == null
                ? Boundary.absent(s.upperLine(), load, "branch has no turning point: " + up.message)
                : new Boundary(s.upperLine(), load, up.fold.parameter(), up.fold.error(), true,
                        "upper turning point of the branch (pseudo-arclength), state[0] = " + up.fold.state()[0]);
        if (anchorTemperature == 0.0) {
            return new TemperatureBranch(load, family, s.newton(), s.orderComponent(), s.zeroOrder(), up.points, false,
                    spinodal, Boundary.absent(s.lowerLine(), load, "the branch reaches T = 0"));
        }
        Piece down = piece(family, state, anchorTemperature, false, s.arc());
        List<ArclengthContinuation.Point> all = new ArrayList<>(down.points);
        Collections.reverse(all);
        all.addAll(up.points);
        Boundary lower = down.fold == null
                ? Boundary.absent(s.lowerLine(), load, "reentrant branch lost below T = " + anchorTemperature
                        + " without a turning point: " + down.message)
                : new Boundary(s.lowerLine(), load, down.fold.parameter(), down.fold.error(), true,
                        "lower turning point of the reentrant branch (pseudo-arclength), state[0] = " + down.fold.state()[0]);
        return new TemperatureBranch(load, family, s.newton(), s.orderComponent(), s.zeroOrder(), all, true, spinodal,
                lower);
    }

    /**
     * The highest of {@code steps} temperatures top, top (steps-1)/steps, ..., top/steps at which {@code solver}, started
     * from {@code guess}, converges to a state whose order component exceeds {@code threshold}; null if none.
     *
     * @return {temperature, state...} or null
     */
    public static double[] scanDown(DoubleFunction<SaddlePointEquations> family, double[] guess, double top, int steps,
            int orderComponent, double threshold, FixedPointSolver solver) {
        for (int i = steps; i >= 1; i--) {
            double t = top * i / steps;
            SolveResult r = solver.solve(family.apply(t), guess);
            if (r.converged() && r.component(orderComponent) > threshold) {
                double[] out = new double[guess.length + 1];
                out[0] = t;
                System.arraycopy(r.solution(), 0, out, 1, guess.length);
                return out;
            }
        }
        return null;
    }

    private record Piece(List<ArclengthContinuation.Point> points, ArclengthContinuation.Fold fold, String message) {
    }

    private static Piece piece(DoubleFunction<SaddlePointEquations> family, double[] start, double startTemperature,
            boolean increasing, ArclengthContinuation arc) {
        ArclengthContinuation.Branch br = arc.follow(family, start, startTemperature, increasing, 0.02, -1.0,
                TOP_TEMPERATURE, 2000, 1);
        List<ArclengthContinuation.Point> kept = new ArrayList<>();
        for (ArclengthContinuation.Point p : br.points()) {
            if (!br.folds().isEmpty() && (increasing ? p.tangentParameter() < 0.0 : p.tangentParameter() > 0.0)) {
                break; // beyond the turning point: the unstable branch
            }
            kept.add(p);
        }
        return new Piece(kept, br.folds().isEmpty() ? null : br.folds().get(0), br.message());
    }

    /** Whether the branch exists at some temperature. */
    public boolean exists() {
        return !points.isEmpty();
    }

    /** The upper turning point (absent where the branch has none or does not exist). */
    public Boundary spinodal() {
        return spinodal;
    }

    /** The lower turning point of a reentrant branch (absent where the branch reaches T = 0). */
    public Boundary lowerEnd() {
        return lowerEnd;
    }

    /** Whether the branch has no T = 0 state (followed both ways from T &gt; 0). */
    public boolean reentrant() {
        return reentrant;
    }

    /** Lowest temperature of the branch: 0, the lower turning point, or NaN where that was not located. */
    public double bottom() {
        return !reentrant ? 0.0 : lowerEnd.exists() ? lowerEnd.temperature() : Double.NaN;
    }

    /** Highest temperature of the branch: its spinodal, or the last point followed where there is none. */
    public double top() {
        return spinodal.exists() ? spinodal.temperature() : points.isEmpty() ? Double.NaN
                : points.get(points.size() - 1).parameter();
    }

    /** The solution at T (Newton from the nearest followed point), or null outside the branch or if Newton fails. */
    public SolveResult at(double temperature) {
        if (points.isEmpty() || (reentrant && !(temperature >= bottom()))
                || (spinodal.exists() && temperature > spinodal.temperature())) {
            return null;
        }
        ArclengthContinuation.Point best = null;
        for (ArclengthContinuation.Point p : points) {
            if (best == null || Math.abs(p.parameter() - temperature) < Math.abs(best.parameter() - temperature)) {
                best = p;
            }
        }
        SolveResult r = newton.solve(family.apply(temperature), best.state());
        return r.converged() && (orderComponent < 0 || r.component(orderComponent) > zeroOrder) ? r : null;
    }

    /**
     * The highest temperature below the spinodal where {@code f} (a function of T along the branch, e.g. the
     * replicon) changes sign from positive above to non-positive below: decades scanned downward in ln T from the
     * spinodal to the bottom (roots such as T_AT ~ exp(-c/alpha) can be tiny), then Brent in ln T. The error is
     * relative in T: max(Brent's bracket, {@code relativeAccuracy}).
     */
    public Boundary rootBelowSpinodal(String line, DoubleUnaryOperator f, double relativeAccuracy) {
        if (!spinodal.exists()) {
            return Boundary.absent(line, load, "no branch: " + spinodal.status());
        }
        DoubleUnaryOperator g = lnT -> {
            double t = Math.exp(lnT);
            return at(t) == null ? Double.NaN : f.applyAsDouble(t);
        };
        double hi = Math.log(spinodal.temperature() * (1.0 - 1e-9));
        double gHi = g.applyAsDouble(hi);
        if (!(gHi > 0.0)) {
            return Boundary.absent(line, load, "value " + gHi + " <= 0 already at the spinodal");
        }
        double lo = hi;
        double gLo = gHi;
        double floor = bottom() > 0.0 ? Math.log(bottom() * (1.0 + 1e-9)) : Math.log(1e-300);
        while (gLo > 0.0 && lo > floor) {
            if (lo - Math.log(10.0) < floor) {
                hi = lo;
                lo = floor;
                gLo = g.applyAsDouble(lo);
                break;
            }
            hi = lo;
            lo -= Math.log(10.0);
            gLo = g.applyAsDouble(lo);
        }
        if (!(gLo <= 0.0)) {
            return Boundary.absent(line, load, "still > 0 at T = " + Math.exp(lo));
        }
        BracketingRootFinder.Root root = new BracketingRootFinder(1e-12, 200).refine(g, lo, hi);
        if (!root.found()) {
            return Boundary.absent(line, load, root.message());
        }
        double t = Math.exp(root.value());
        return new Boundary(line, load, t, t * Math.max(root.error(), relativeAccuracy), true, "sign change; Brent in ln T");
    }
}
