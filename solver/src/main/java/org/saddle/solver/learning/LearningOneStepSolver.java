package org.saddle.solver.learning;

import java.util.function.BiFunction;
import java.util.function.ToDoubleBiFunction;
import org.saddle.solver.FixedPointSolver;
import org.saddle.solver.GaussHermite;
import org.saddle.solver.GaussLegendre;
import org.saddle.solver.ParisiOptimizer;
import org.saddle.solver.SolveResult;
import org.saddle.solver.SolveStatus;
import org.saddle.theory.OneStepAverages;
import org.saddle.theory.learning.LearningDataset;
import org.saddle.theory.learning.LearningOneStepEquations;
import org.saddle.theory.learning.LearningOneStepRSB;
import org.saddle.theory.learning.LearningOneStepZeroTemperatureEquations;
import org.saddle.solver.CriticalLoad;

/**
 * 1RSB retrieval (learning) state of dense Hebbian learning at (load, T > 0) with the Parisi parameter
 * optimized: for each x the equations {@link LearningOneStepEquations} are solved (damped fixed point +
 * Newton) from the RS retrieval state pushed off the RS manifold (q0 = q - delta, q1 = q + delta), and
 * the 1RSB free energy f(x) is maximized over x in (0, 1] (replica limit n -> 0: the free energy is
 * maximal with respect to the order parameters) by a scan and golden-section search.
 *
 * <p>Where the RS state is AT-stable the equations fall back onto q0 = q1 for every x and the result
 * says so ({@code differsFromRS = false}, f_1RSB = f_RS). At T = 0 the same is done with mu = beta x
 * ({@link LearningOneStepZeroTemperatureEquations}), the ground-state energy maximized over mu, and the 1RSB
 * critical load located by marching the load up from the RS one with step halving.
 */
public final class LearningOneStepSolver {

    /** q1 - q0 below this: on the RS manifold. */
    public static final double RS_BREAKING = 1e-7;
    private static final double OFFSET = 0.05;
    private static final double MIN_X = 0.02;

    private final LearningSolver replicaSymmetric;
    private final OneStepAverages averages;
    private final FixedPointSolver solver = new FixedPointSolver(0.5, 3000, 1e-6, 1e-11, 60);

    /**
     * A 1RSB solution.
     *
     * @param load alpha
     * @param temperature T
     * @param order order parameters at the optimal Parisi parameter
     * @param freeEnergy 1RSB free energy at the optimum
     * @param rsFreeEnergy RS free energy of the retrieval state at the same point
     * @param differsFromRS q1 - q0 > {@link #RS_BREAKING}
     * @param result status, residual and iterations of the final solve
     * @param message outcome
     */
    public record Solution(double load, double temperature, LearningOneStepRSB order, double freeEnergy,
            double rsFreeEnergy, boolean differsFromRS, SolveResult result, String message) {

        /** True iff the final solve converged. */
        public boolean converged() {
            return result != null && result.converged();
        }
    }

    /**
     * @param replicaSymmetric RS facade (start points, RS comparison)
     * @param innerOrder Gauss-Hermite order of the inner average
     * @param outerPanels Gauss-Legendre panels per outer piece
     */
    public LearningOneStepSolver(LearningSolver replicaSymmetric, int innerOrder, int outerPanels) {
        this.replicaSymmetric = replicaSymmetric;
        GaussHermite inner = new GaussHermite(innerOrder);
        this.averages = new OneStepAverages(inner.nodes(), inner.weights(), new GaussLegendre(16, outerPanels));
    }

    /** Inner order 40, 8 outer panels. */
    public LearningOneStepSolver() {
        this(new LearningSolver(), 40, 8);
    }

    /** The 1RSB equations at fixed Parisi parameter. */
    public LearningOneStepEquations equations(LearningDataset data, double load, double temperature, double x) {
        return new LearningOneStepEquations(data, load, temperature, x, averages);
    }

    /** Solves the 1RSB equations at fixed x from {@code start}. */
    public SolveResult solveAt(LearningDataset data, double load, double temperature, double x, double[] start) {
        return solver.solve(equations(data, load, temperature, x), start);
    }

    /** 1RSB retrieval state with the Parisi parameter optimized, or a non-converged report. */
    public Solution solve(LearningDataset data, double load, double temperature) {
        if (!(temperature > 0.0)) {
            throw new IllegalArgumentException("1RSB for learning is implemented at T > 0 only, got T = " + temperature);
        }
        LearningSolution rs = replicaSymmetric.retrieval(data, load, temperature);
        if (rs == null) {
            return new Solution(load, temperature, null, Double.NaN, Double.NaN, false, null,
                    "no RS retrieval branch at this point to start from");
        }
        if (temperature < ParisiOptimizer.LOWEST_RESOLVED_TEMPERATURE) {
            return limitOfZeroTemperature(data, load, temperature, rs.freeEnergy());
        }
        double q = rs.q();
        double[] start = {rs.n(), Math.max(0.0, q - OFFSET), Math.min(1.0, q + OFFSET)};
        // at low T the optimal x sits near mu(T = 0) T, with mu >= 0.2/g (the T = 0 scan below): the scan then starts
        // there and is geometric
        double lowest = Math.min(MIN_X, 0.2 * temperature / Math.abs(data.fieldMean(rs.n())));
        int scan = lowest < MIN_X ? 10 + (int) Math.ceil(5 * Math.log10(MIN_X / lowest)) : 10;
        double[] grid = new double[scan + 1];
        for (int i = 0; i <= scan; i++) {
            grid[i] = lowest < MIN_X ? lowest * Math.pow(1.0 / lowest, (double) i / scan) : MIN_X + (1.0 - MIN_X) * i / scan;
        }
        Maximum best = maximize((x, from) -> solveAt(data, load, temperature, x, from),
                (x, r) -> free(data, load, temperature, x, r), start, grid, false, 1e-5);
        if (best.result() == null) {
            return new Solution(load, temperature, null, Double.NaN, rs.freeEnergy(), false, best.scanned()[scan],
                    "1RSB equations did not converge for any Parisi parameter");
        }
        double breaking = 0.0;
        for (SolveResult r : best.scanned()) {
            if (r.converged()) {
                breaking = Math.max(breaking, r.component(2) - r.component(1));
            }
        }
        if (breaking <= RS_BREAKING) {
            SolveResult r = best.scanned()[scan];
            LearningOneStepRSB o = equations(data, load, temperature, 1.0).orderParameters(r.solution());
            return new Solution(load, temperature, o, free(data, load, temperature, 1.0, r), rs.freeEnergy(), false, r,
                    "1RSB equations fall back onto q0 = q1 for every x: RS is the 1RSB solution");
        }
        SolveResult bestR = best.result();
        LearningOneStepRSB o = equations(data, load, temperature, best.parameter()).orderParameters(bestR.solution());
        boolean differs = o.breaking() > RS_BREAKING;
        return new Solution(load, temperature, o, best.value(), rs.freeEnergy(), differs, bestR,
                "f maximized over the Parisi parameter (scan + golden section, bracket " + best.bracket() + ")"
                        + (bestR.status() == SolveStatus.CONVERGED ? "" : "; final solve " + bestR.status()));
    }

    /**
     * Below {@link ParisiOptimizer#LOWEST_RESOLVED_TEMPERATURE}: the T = 0 1RSB state (mu = beta x optimized) read at T, with q1 = 1 - C T,
     * x = mu T and the ground-state energy for the free energy (all exact as T -> 0, corrections O(T)); the message says so.
     */
    private Solution limitOfZeroTemperature(LearningDataset data, double load, double temperature, double rsFreeEnergy) {
        ZeroTemperatureSolution zero = solveZeroTemperature(data, load, null);
        String below = ParisiOptimizer.READ_FROM_ZERO_TEMPERATURE;
        if (!zero.converged()) {
            return new Solution(load, temperature, null, Double.NaN, rsFreeEnergy, false, zero.result(), below + " not found: " + zero.message());
        }
        double parisi = zero.mu() * temperature;
        if (parisi > 1.0) {
            return new Solution(load, temperature, null, Double.NaN, rsFreeEnergy, false,
                    new SolveResult(zero.result().solution(), zero.result().residual(), zero.result().iterations(), SolveStatus.NOT_CONVERGED),
                    below + " has mu T = " + parisi + " > 1, outside the range of the Parisi parameter");
        }
        LearningOneStepRSB order = new LearningOneStepRSB(zero.m(), zero.n(), zero.q0(), 1.0 - zero.susceptibility() * temperature, parisi);
        return new Solution(load, temperature, order, zero.energy(), rsFreeEnergy, order.breaking() > RS_BREAKING, zero.result(),
                below + " (mu = beta x = " + zero.mu() + ", q1 = 1 - C T, x = mu T), corrections O(T); "
                        + zero.message());
    }

    /**
     * Maximum of an objective over one parameter p, each value computed at a solve of the equations at p.
     *
     * @param parameter the maximizing p (NaN if no solve converged)
     * @param value the objective there
     * @param result the solve there (null if none converged)
     * @param scanned the solves of the scan, in grid order
     * @param bracket width of the final golden-section bracket
     */
    private record Maximum(double parameter, double value, SolveResult result, SolveResult[] scanned, double bracket) {
    }

    /**
     * Scans {@code grid} (solving from {@code start}, or from the last converged scan point when {@code warmScan}),
     * then refines the best point by golden section on its neighbours' bracket down to {@code tolerance}, every
     * solve there starting from the best scan solution. The objective is only evaluated at converged solves and
     * may return NaN to reject one. Shared by the Parisi parameter (T > 0) and mu = beta x (T = 0).
     */
    private static Maximum maximize(BiFunction<Double, double[], SolveResult> solve,
            ToDoubleBiFunction<Double, SolveResult> objective, double[] start, double[] grid, boolean warmScan,
            double tolerance) {
        int n = grid.length;
        SolveResult[] res = new SolveResult[n];
        double[] val = new double[n];
        int best = -1;
        double[] from = start;
        for (int i = 0; i < n; i++) {
            res[i] = solve.apply(grid[i], from);
            val[i] = res[i].converged() ? objective.applyAsDouble(grid[i], res[i]) : Double.NaN;
            if (Double.isFinite(val[i])) {
                if (warmScan) {
                    from = res[i].solution();
                }
                if (best < 0 || val[i] > val[best]) {
                    best = i;
                }
            }
        }
        if (best < 0) {
            return new Maximum(Double.NaN, Double.NaN, null, res, Double.NaN);
        }
        double lo = grid[Math.max(0, best - 1)];
        double hi = grid[Math.min(n - 1, best + 1)];
        double[] warm = res[best].solution();
        double g = (Math.sqrt(5.0) - 1.0) / 2.0;
        double bestP = grid[best];
        double bestV = val[best];
        SolveResult bestR = res[best];
        while (hi - lo > tolerance) {
            double u = hi - g * (hi - lo);
            double v = lo + g * (hi - lo);
            SolveResult ru = solve.apply(u, warm);
            SolveResult rv = solve.apply(v, warm);
            double fu = ru.converged() ? objective.applyAsDouble(u, ru) : Double.NaN;
            double fv = rv.converged() ? objective.applyAsDouble(v, rv) : Double.NaN;
            if (!Double.isFinite(fu) || !Double.isFinite(fv)) {
                break;
            }
            if (fu > bestV) {
                bestV = fu;
                bestP = u;
                bestR = ru;
            }
            if (fv > bestV) {
                bestV = fv;
                bestP = v;
                bestR = rv;
            }
            if (fu > fv) {
                hi = v;
            } else {
                lo = u;
            }
        }
        return new Maximum(bestP, bestV, bestR, res, hi - lo);
    }

    /**
     * A T = 0 1RSB solution.
     *
     * @param load alpha
     * @param m Mattis magnetization
     * @param n overlap with the empirical archetype
     * @param q0 inter-cluster overlap (q1 = 1)
     * @param susceptibility C = beta(1 - q1)
     * @param mu the optimal beta x
     * @param energy 1RSB ground-state energy at the optimum
     * @param differsFromRS 1 - q0 > {@link #RS_BREAKING}
     * @param result final solve (state (n, q0))
     * @param message outcome
     */
    public record ZeroTemperatureSolution(double load, double m, double n, double q0, double susceptibility, double mu,
            double energy, boolean differsFromRS, SolveResult result, String message) {
        /** True iff the final solve converged to a retrieval state. */
        public boolean converged() {
            return result != null && result.converged() && n > 1e-6;
        }
    }

    /**
     * The T = 0 1RSB critical load.
     *
     * @param load alpha_c under 1RSB (largest load with a converged 1RSB retrieval state, mu optimized)
     * @param replicaSymmetricLoad alpha_c under RS
     * @param error half-width of the final bracket
     * @param at the 1RSB state at the last load with a solution
     * @param status CONVERGED if located
     * @param message outcome
     */
    public record ZeroTemperatureCriticalLoad(double load, double replicaSymmetricLoad, double error,
            ZeroTemperatureSolution at, SolveStatus status, String message) {
    }

    /** T = 0 1RSB equations at fixed mu. */
    public LearningOneStepZeroTemperatureEquations zeroTemperatureEquations(LearningDataset data, double load, double mu) {
        return new LearningOneStepZeroTemperatureEquations(data, load, mu, averages);
    }

    /**
     * T = 0 1RSB retrieval state at {@code load} with mu maximizing the energy (scan of ln mu over
     * [0.2/g, 400/g], g the field scale, then golden section), from {@code warm} = (n, q0, mu) or, when null,
     * from the RS T = 0 state with q0 = 0.95.
     */
    public ZeroTemperatureSolution solveZeroTemperature(LearningDataset data, double load, double[] warm) {
        double[] start;
        if (warm != null) {
            start = new double[] {warm[0], warm[1]};
        } else {
            LearningSolution rs = replicaSymmetric.retrieval(data, load, 0.0);
            if (rs == null) {
                return new ZeroTemperatureSolution(load, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        false, null, "no RS retrieval state at T = 0 to start from");
            }
            start = new double[] {rs.n(), 0.95};
        }
        double g = Math.abs(data.fieldMean(start[0]));
        double lo = Math.log(0.2 / g);
        double hi = Math.log(400.0 / g);
        int scan = 10;
        double[] grid = new double[scan + 1];
        for (int i = 0; i <= scan; i++) {
            grid[i] = lo + (hi - lo) * i / scan;
        }
        // ln mu to 1e-3: the energy is stationary there, so its error is ~1e-6 relative
        Maximum best = maximize((lm, from) -> solver.solve(zeroTemperatureEquations(data, load, Math.exp(lm)), from),
                (lm, r) -> r.component(0) > 1e-6 ? energyOf(data, load, Math.exp(lm), r) : Double.NaN, start, grid, true, 1e-3);
        if (best.result() == null) {
            return new ZeroTemperatureSolution(load, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    false, best.scanned()[scan], "T = 0 1RSB equations did not converge to a retrieval state for any mu");
        }
        double mu = Math.exp(best.parameter());
        var eq = zeroTemperatureEquations(data, load, mu);
        double[] sol = best.result().solution();
        boolean interior = best.parameter() > lo + 1e-9 && best.parameter() < hi - 1e-9;
        return new ZeroTemperatureSolution(load, eq.magnetization(sol), sol[0], sol[1], eq.susceptibility(sol), mu, best.value(),
                1.0 - sol[1] > RS_BREAKING, best.result(), "energy maximized over mu" + (interior ? "" : " at the end of the scanned range"));
    }

    /**
     * alpha_c under 1RSB at T = 0: the load is marched up from 0.99 alpha_c(RS) with warm starts (n, q0), mu
     * re-optimized at each load, the step doubled while no step has failed and halved on failure, down to
     * 1e-6 alpha_c(RS) (the error reported).
     */
    public ZeroTemperatureCriticalLoad criticalLoadZeroTemperature(LearningDataset data) {
        CriticalLoad rsc = replicaSymmetric.criticalLoadZeroTemperature(data);
        if (rsc.status() != SolveStatus.CONVERGED) {
            return new ZeroTemperatureCriticalLoad(Double.NaN, rsc.load(), Double.NaN, null, SolveStatus.NOT_CONVERGED,
                    "no RS critical load: " + rsc.message());
        }
        double load = 0.99 * rsc.load();
        ZeroTemperatureSolution s = solveZeroTemperature(data, load, null);
        if (!s.converged()) {
            return new ZeroTemperatureCriticalLoad(Double.NaN, rsc.load(), Double.NaN, s, SolveStatus.NOT_CONVERGED,
                    "no 1RSB retrieval state at 0.99 alpha_c(RS): " + s.message());
        }
        double step = 0.02 * rsc.load();
        int guard = 0;
        boolean failed = false;
        while (step > 1e-6 * rsc.load() && guard++ < 400) {
            ZeroTemperatureSolution t = solveZeroTemperature(data, load + step, new double[] {s.n(), s.q0(), s.mu()});
            if (t.converged()) {
                load += step;
                s = t;
                if (!failed) {
                    step = Math.min(2.0 * step, 0.1 * rsc.load());
                }
            } else {
                failed = true;
                step *= 0.5;
            }
        }
        return new ZeroTemperatureCriticalLoad(load, rsc.load(), step, s, SolveStatus.CONVERGED,
                "last load with a converged 1RSB retrieval state (march with step halving to " + step + ")");
    }

    private double energyOf(LearningDataset data, double load, double mu, SolveResult r) {
        return zeroTemperatureEquations(data, load, mu).energy(r.component(0), r.component(1));
    }

    private double free(LearningDataset data, double load, double temperature, double x, SolveResult r) {
        return equations(data, load, temperature, x).freeEnergy(r.component(0), r.component(1), r.component(2));
    }
}
