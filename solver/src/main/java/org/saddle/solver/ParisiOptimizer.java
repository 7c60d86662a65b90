package org.saddle.solver;

import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import org.saddle.theory.OneStepEquations;
import org.saddle.theory.SaddlePointEquations;

/**
 * Optimizes the Parisi parameter inside a one-step RSB solve, for any model implementing {@link OneStepEquations}.
 * At each trial value of the Parisi parameter the other order parameters are solved (damped iteration + Newton,
 * started from the previous solution), and the stationarity of the free energy in the Parisi parameter is the scalar
 * whose root is located: a scan over a range for a sign change, then Brent. Because the fixed-parameter solution is
 * stationary in all other order parameters, the partial derivative there is the total derivative of the free energy
 * along the family. If every fixed-parameter solve falls onto the RS manifold (breaking below {@link #RS_BREAKING}),
 * the 1RSB solution is the RS one and is reported as such.
 *
 * <p>{@link #augmented} turns the family into one system of all order parameters plus the Parisi parameter, for
 * Newton polishing, continuation and fold location (its last component's map is p + stationarity, whose fixed points
 * are exactly the stationary points; it is meant for Newton, not for damped iteration).
 */
public final class ParisiOptimizer {

    /**
     * Below this T the finite-T 1RSB map cannot be evaluated to the solver's tolerance (1e-11): its round-off grows as
     * ~5e-16/T (measured: residual floor 5.7e-10 at T = 8.7e-7, P = 4, rho = 0, alpha = 0.008), so the state there is
     * the T = 0 1RSB one (mu = beta x optimized, read at T with q1 = 1 - C T and x = mu T) with its O(T) corrections neglected.
     */
    public static final double LOWEST_RESOLVED_TEMPERATURE = 1e-4;

    /** How a 1RSB solution below {@link #LOWEST_RESOLVED_TEMPERATURE} begins its message (the solvers add the details). */
    public static final String READ_FROM_ZERO_TEMPERATURE = "T < " + LOWEST_RESOLVED_TEMPERATURE
            + ", where the finite-T 1RSB equations lose their precision: the T = 0 1RSB state";
    /** Breaking q1 - q0 below this: the solution is on the RS manifold. */
    public static final double RS_BREAKING = 1e-8;

    /**
     * The optimized solution.
     *
     * @param parisiParameter the stationary Parisi parameter (NaN if none)
     * @param parisiError bound on its error (Brent bracket and solve tolerance)
     * @param state the other order parameters at it
     * @param freeEnergy the 1RSB free energy there
     * @param breaking q1 - q0
     * @param differsFromRS whether breaking > RS_BREAKING
     * @param report convergence of the last fixed-parameter solve
     * @param message how it was found, or why not
     */
    public record Optimum(double parisiParameter, double parisiError, double[] state, double freeEnergy,
            double breaking, boolean differsFromRS, SolveResult report, String message) {
        /** Defensive copy. */
        public Optimum {
            state = state.clone();
        }

        @Override
        public double[] state() {
            return state.clone();
        }

        /** Converged, and a stationary Parisi parameter was found (or the solution is RS). */
        public boolean converged() {
            return report.converged() && (!differsFromRS || Double.isFinite(parisiParameter));
        }
    }

    private final FixedPointSolver solver;
    private final BracketingRootFinder roots;

    /** @param solver solver of the fixed-parameter equations; @param accuracy Brent accuracy in the Parisi parameter */
    public ParisiOptimizer(FixedPointSolver solver, double accuracy) {
        this.solver = solver;
        this.roots = new BracketingRootFinder(accuracy, 200);
    }

    /** Damped iteration (0.5, 4000 steps) + Newton to 1e-12; Parisi parameter to 1e-10. */
    public ParisiOptimizer() {
        this(new FixedPointSolver(0.5, 4000, 1e-6, 1e-12, 60), 1e-10);
    }

    /**
     * @param family Parisi parameter -> equations (may throw IllegalArgumentException outside its range)
     * @param start start state of the other order parameters, off the RS manifold
     * @param grid trial Parisi parameters for the scan (increasing); the root is refined in the first bracket
     */
    public Optimum optimize(DoubleFunction<? extends OneStepEquations> family, double[] start, double[] grid) {
        double[][] last = {start.clone()};
        SolveResult[] report = {null};
        DoubleUnaryOperator phi = p -> {
            OneStepEquations eq = family.apply(p);
            SolveResult r = solver.solve(eq, last[0]);
            if (!r.converged() || eq.breaking(r.solution()) <= RS_BREAKING) {
                SolveResult fresh = solver.solve(eq, start);
                if (fresh.converged() && eq.breaking(fresh.solution()) > RS_BREAKING) {
                    r = fresh;
                }
            }
            report[0] = r;
            if (!r.converged() || eq.breaking(r.solution()) <= RS_BREAKING) {
                return Double.NaN;
            }
            last[0] = r.solution();
            return eq.parisiStationarity(r.solution());
        };
        double prevP = Double.NaN;
        double prevF = Double.NaN;
        boolean anyBroken = false;
        for (double p : grid) {
            double f = phi.applyAsDouble(p);
            if (Double.isNaN(f)) {
                continue;
            }
            anyBroken = true;
            if (!Double.isNaN(prevF) && Math.signum(f) != Math.signum(prevF)) {
                double[] bracketStart = last[0];
                BracketingRootFinder.Root root = roots.refine(z -> {
                    last[0] = bracketStart;
                    return phi.applyAsDouble(z);
                }, prevP, p);
                if (!root.found()) {
                    return failed(report[0], "Parisi stationarity: " + root.message());
                }
                double value = phi.applyAsDouble(root.value());
                OneStepEquations eq = family.apply(root.value());
                double[] s = report[0].solution();
                return new Optimum(root.value(), root.error(), s, eq.freeEnergy(s), eq.breaking(s),
                        eq.breaking(s) > RS_BREAKING, report[0], "Parisi parameter stationary (residual "
                        + value + "); " + root.message());
            }
            prevP = p;
            prevF = f;
        }
        if (!anyBroken) {
            // every fixed-parameter solve fell onto the RS manifold: 1RSB = RS here
            OneStepEquations eq = family.apply(grid[grid.length - 1]);
            SolveResult r = report[0] == null ? solver.solve(eq, start) : report[0];
            double[] s = r.solution();
            return new Optimum(Double.NaN, Double.NaN, s, eq.freeEnergy(s), eq.breaking(s), false, r,
                    "every fixed-Parisi-parameter solve fell onto the RS manifold: 1RSB reduces to RS");
        }
        return failed(report[0] == null ? new SolveResult(start, Double.NaN, 0, SolveStatus.NOT_CONVERGED) : report[0],
                "no sign change of the Parisi stationarity on [" + grid[0] + ", " + grid[grid.length - 1] + "]");
    }

    private static Optimum failed(SolveResult r, String why) {
        SolveResult nc = new SolveResult(r.solution(), r.residual(), r.iterations(), SolveStatus.NOT_CONVERGED);
        return new Optimum(Double.NaN, Double.NaN, r.solution(), Double.NaN, Double.NaN, true, nc, why);
    }

    /** Geometric grid of {@code n} points on [lo, hi] (lo > 0), for scans of the Parisi parameter. */
    public static double[] geometricGrid(double lo, double hi, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo * Math.pow(hi / lo, i / (double) (n - 1));
        }
        return g;
    }

    /**
     * The family as one system in (order parameters, Parisi parameter): map (y, p) -> (F_p(y), p + stationarity(y)).
     * Its fixed points with broken symmetry are the 1RSB saddle points. For Newton-based tools only.
     */
    public static SaddlePointEquations augmented(DoubleFunction<? extends OneStepEquations> family, int dimension,
            List<String> names) {
        return new SaddlePointEquations() {
            @Override
            public int dimension() {
                return dimension + 1;
            }

            @Override
            public List<String> componentNames() {
                return names;
            }

            private OneStepEquations at(double p) {
                try {
                    return family.apply(p);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }

            @Override
            public void update(double[] s, double[] next) {
                OneStepEquations eq = at(s[dimension]);
                if (eq == null) {
                    java.util.Arrays.fill(next, Double.NaN);
                    return;
                }
                double[] y = java.util.Arrays.copyOf(s, dimension);
                double[] fy = new double[dimension];
                eq.update(y, fy);
                System.arraycopy(fy, 0, next, 0, dimension);
                next[dimension] = s[dimension] + eq.parisiStationarity(y);
            }

            @Override
            public boolean isValid(double[] s) {
                OneStepEquations eq = at(s[dimension]);
                return eq != null && eq.isValid(java.util.Arrays.copyOf(s, dimension))
                        && eq.breaking(java.util.Arrays.copyOf(s, dimension)) > RS_BREAKING;
            }
        };
    }
}
