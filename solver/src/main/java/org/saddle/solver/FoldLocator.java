package org.saddle.solver;

import java.util.function.DoubleFunction;
import org.saddle.theory.SaddlePointEquations;

/**
 * Locates a saddle-node (fold, turning point) of a branch of x = F_p(x): the point where the
 * parameter p is extremal along the branch, equivalently where det(D_x G) = 0 with G = F_p - x.
 *
 * <p>Method: near a fold p is a bad parameter but a state component x_k is a good one. We therefore
 * fix x_k and solve the swapped system G(x, p) = 0 for the other components and p (Newton), march
 * x_k until p(x_k) passes its extremum, and refine the extremum by golden-section search. Since p is
 * quadratic in x_k at the fold, p is obtained to about the solve tolerance.
 */
public final class FoldLocator {

    /**
     * A located fold.
     *
     * @param parameter p at the fold
     * @param state x at the fold (defensive copy)
     * @param error estimate of |parameter - true fold| (final golden-section spread plus solve tolerance)
     * @param status CONVERGED if located, NOT_CONVERGED otherwise
     * @param message outcome
     */
    public record Fold(double parameter, double[] state, double error, SolveStatus status, String message) {
        /** Defensive copy. */
        public Fold {
            state = state.clone();
        }

        @Override
        public double[] state() {
            return state.clone();
        }
    }

    private static final double GOLDEN = (Math.sqrt(5.0) - 1.0) / 2.0;

    private final NewtonSolver newton;
    private final int maxMarchSteps;
    private final double componentTolerance;

    /**
     * @param tolerance Newton residual tolerance
     * @param maxMarchSteps steps of the march in x_k before giving up
     * @param componentTolerance golden-section stops when the x_k bracket is narrower than this
     */
    public FoldLocator(double tolerance, int maxMarchSteps, double componentTolerance) {
        this.newton = new NewtonSolver(tolerance, 50);
        this.maxMarchSteps = maxMarchSteps;
        this.componentTolerance = componentTolerance;
    }

    /**
     * @param family p -> equations (may throw IllegalArgumentException for invalid p)
     * @param x0 a solution at p0 near the fold
     * @param p0 its parameter
     * @param component index k used as the parameter of the branch
     * @param step initial march step in x_k (> 0; the direction is chosen so that p moves toward the fold)
     * @param maximum true to locate a maximum of p along the branch, false for a minimum
     */
    public Fold locate(DoubleFunction<SaddlePointEquations> family, double[] x0, double p0, int component,
            double step, boolean maximum) {
        double sign = maximum ? 1.0 : -1.0;
        Swapped start = new Swapped(family, component, x0[component], x0.length);
        double[] y0 = start.pack(x0, p0);
        // direction: the one in which sign * p increases
        Point base = solve(family, component, x0[component], y0);
        if (base == null) {
            return fail(x0, p0, "no solution of the swapped system at the start point");
        }
        Point plus = solve(family, component, x0[component] + step * 1e-2, base.y);
        Point minus = solve(family, component, x0[component] - step * 1e-2, base.y);
        double dir;
        if (plus != null && (minus == null || sign * plus.p >= sign * minus.p)) {
            dir = 1.0;
        } else if (minus != null) {
            dir = -1.0;
        } else {
            return fail(x0, p0, "cannot move along the branch from the start point");
        }
        // march until sign * p decreases
        Point a = null;
        Point b = base;
        double h = step;
        for (int i = 0; i < maxMarchSteps; i++) {
            Point c = solve(family, component, b.xk + dir * h, b.y);
            if (c == null) {
                h *= 0.5;
                if (h < componentTolerance) {
                    return fail(b.state(), b.p, "march lost the branch at x_k = " + b.xk);
                }
                continue;
            }
            if (sign * c.p < sign * b.p) {
                return refine(family, component, a == null ? base : a, b, c, sign);
            }
            a = b;
            b = c;
        }
        return fail(b.state(), b.p, "no extremum of the parameter within " + maxMarchSteps + " march steps");
    }

    private Fold refine(DoubleFunction<SaddlePointEquations> family, int component, Point p1, Point p2, Point p3,
            double sign) {
        Point left = p1.xk < p3.xk ? p1 : p3;
        Point right = p1.xk < p3.xk ? p3 : p1;
        Point best = p2;
        while (right.xk - left.xk > componentTolerance) {
            double u = right.xk - GOLDEN * (right.xk - left.xk);
            double v = left.xk + GOLDEN * (right.xk - left.xk);
            Point pu = solve(family, component, u, best.y);
            Point pv = solve(family, component, v, best.y);
            if (pu == null || pv == null) {
                return fail(best.state(), best.p, "golden-section solve failed near x_k = " + best.xk);
            }
            if (sign * pu.p > sign * pv.p) {
                right = pv;
                best = pu;
            } else {
                left = pu;
                best = pv;
            }
        }
        double spread = Math.max(Math.abs(best.p - left.p), Math.abs(best.p - right.p));
        double err = spread + newton.tolerance();
        return new Fold(best.p, best.state(), err, SolveStatus.CONVERGED,
                "fold at x_k = " + best.xk + " (golden section)");
    }

    private Fold fail(double[] x, double p, String why) {
        return new Fold(p, x, Double.NaN, SolveStatus.NOT_CONVERGED, why);
    }

    private Point solve(DoubleFunction<SaddlePointEquations> family, int component, double xk, double[] yStart) {
        Swapped s = new Swapped(family, component, xk, yStart.length);
        SolveResult r = newton.solve(s, yStart, 0);
        if (!r.converged()) {
            return null;
        }
        double[] y = r.solution();
        return new Point(xk, y, y[y.length - 1], s);
    }

    private record Point(double xk, double[] y, double p, Swapped system) {
        double[] state() {
            return system.unpackState(y);
        }
    }

    /** G(y) = F_p(x) - x with y = (x without x_k, p) and x_k fixed. */
    private static final class Swapped implements VectorResidual {
        private final DoubleFunction<SaddlePointEquations> family;
        private final int k;
        private final double xk;
        private final int n;

        Swapped(DoubleFunction<SaddlePointEquations> family, int k, double xk, int n) {
            this.family = family;
            this.k = k;
            this.xk = xk;
            this.n = n;
        }

        double[] pack(double[] x, double p) {
            double[] y = new double[n];
            for (int i = 0, j = 0; i < n; i++) {
                if (i != k) {
                    y[j++] = x[i];
                }
            }
            y[n - 1] = p;
            return y;
        }

        double[] unpackState(double[] y) {
            double[] x = new double[n];
            for (int i = 0, j = 0; i < n; i++) {
                x[i] = i == k ? xk : y[j++];
            }
            return x;
        }

        private SaddlePointEquations equations(double[] y) {
            try {
                return family.apply(y[n - 1]);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public void value(double[] y, double[] out) {
            SaddlePointEquations eq = equations(y);
            if (eq == null) {
                java.util.Arrays.fill(out, Double.NaN);
                return;
            }
            double[] x = unpackState(y);
            double[] fx = new double[n];
            eq.update(x, fx);
            for (int i = 0; i < n; i++) {
                out[i] = fx[i] - x[i];
            }
        }

        @Override
        public boolean isValid(double[] y) {
            SaddlePointEquations eq = equations(y);
            return eq != null && eq.isValid(unpackState(y));
        }
    }
}
