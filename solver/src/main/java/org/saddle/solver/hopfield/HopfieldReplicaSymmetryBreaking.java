package org.saddle.solver.hopfield;

import org.saddle.solver.CriticalLoad;
import java.util.Arrays;
import java.util.function.DoubleFunction;
import org.saddle.solver.Continuation;
import org.saddle.solver.FixedPointSolver;
import org.saddle.solver.FoldLocator;
import org.saddle.solver.GaussHermite;
import org.saddle.solver.GaussLegendre;
import org.saddle.solver.ParisiOptimizer;
import org.saddle.solver.PinnedEquations;
import org.saddle.solver.SolveResult;
import org.saddle.solver.SolveStatus;
import org.saddle.theory.OneStepAverages;
import org.saddle.theory.SaddlePointEquations;
import org.saddle.theory.hopfield.HopfieldOneStepRSBEquations;
import org.saddle.theory.hopfield.HopfieldOneStepZeroTemperatureEquations;
import org.saddle.theory.hopfield.HopfieldPhase;

/**
 * Facade over the one-step RSB theory of the Hopfield model (Crisanti, Amit, Gutfreund, Europhys.
 * Lett. 2, 337 (1986); Steffan and Kuehn, Z. Phys. B 95, 249 (1994)): the 1RSB retrieval solution at
 * (load, T), with the free energy extremized over the Parisi parameter (its stationarity is one of
 * the solved equations), and the T = 0 critical load alpha_c(1RSB).
 *
 * <p>Start points come from the RS solution of {@link HopfieldSolver} slightly off the RS manifold;
 * the retrieval branch at T = 0 is followed in the load by {@link Continuation} and its end located
 * by {@link FoldLocator} (m as branch parameter, load maximal).
 */
public final class HopfieldReplicaSymmetryBreaking {

    /** q1 - q0 below this: the solution is on the RS manifold. */
    private static final double RS_BREAKING = 1e-8;
    /** Start of the T = 0 load continuation toward alpha_c (well inside the retrieval region). */
    private static final double START_LOAD = 0.13;
    private static final double START_MU = 30.0;

    private final HopfieldSolver replicaSymmetric;
    private final OneStepAverages averages;
    private final FixedPointSolver solver = new FixedPointSolver(0.5, 2000, 1e-5, 1e-12, 60);
    private final FixedPointSolver newton = solver.newtonOnly();
    private final FoldLocator foldLocator = new FoldLocator(1e-12, 400, 1e-6);
    private final ParisiOptimizer parisi = new ParisiOptimizer(solver, 1e-10);

    /**
     * @param replicaSymmetric RS facade (start points and RS comparisons)
     * @param innerOrder Gauss-Hermite order of the inner (z1) average at T > 0
     * @param outerPanels panels of the 16-node Gauss-Legendre rule for each piece of the outer (z0) average
     */
    public HopfieldReplicaSymmetryBreaking(HopfieldSolver replicaSymmetric, int innerOrder, int outerPanels) {
        this.replicaSymmetric = replicaSymmetric;
        GaussHermite inner = new GaussHermite(innerOrder);
        this.averages = new OneStepAverages(inner.nodes(), inner.weights(), new GaussLegendre(16, outerPanels));
    }

    /** Gauss-Hermite order 40 inside, 8 Gauss-Legendre panels per outer piece. */
    public HopfieldReplicaSymmetryBreaking() {
        this(new HopfieldSolver(), 40, 8);
    }

    /** The nested averages used. */
    public OneStepAverages averages() {
        return averages;
    }

    /** T = 0 1RSB equations at {@code load}. */
    public HopfieldOneStepZeroTemperatureEquations zeroTemperatureEquations(double load) {
        return new HopfieldOneStepZeroTemperatureEquations(load, averages);
    }

    /** Finite-T 1RSB equations at (load, T > 0). */
    public HopfieldOneStepRSBEquations equations(double load, double temperature) {
        return new HopfieldOneStepRSBEquations(load, temperature, averages);
    }

    // ------------------------------------------------------------------ T = 0

    /** T = 0 1RSB retrieval state at {@code load} from a start state (converged or the failed report). */
    private SolveResult solveZero(double load, double[] start) {
        return solveStaged(zeroTemperatureEquations(load), start, 1, -1);
    }

    /**
     * Two stages: the damped iteration of the Parisi-parameter map is unstable far from the saddle, so
     * first solve at the start's Parisi parameter (component 5 pinned, damped iteration + Newton), then
     * release it and Newton-polish the full system. If the first stage lands on the RS manifold
     * (q1 - q0 below 1e-8) the Parisi parameter is undetermined: the state is put exactly on the manifold
     * (q0 = q1, r0 = r1, where the map leaves the Parisi parameter unchanged) and its residual checked.
     *
     * @param q0 index of q0; @param q1 index of q1, or -1 when q1 = 1 (T = 0)
     */
    private SolveResult solveStaged(SaddlePointEquations eq, double[] start, int q0, int q1) {
        PinnedEquations pinned = new PinnedEquations(eq, 5, start[5]);
        SolveResult fixed = solver.solve(pinned, pinned.reduce(start));
        if (!fixed.converged()) {
            return new SolveResult(pinned.expand(fixed.solution()), fixed.residual(), fixed.iterations(),
                    fixed.status());
        }
        double[] x = pinned.expand(fixed.solution());
        double upper = q1 < 0 ? 1.0 : x[q1];
        if (upper - x[q0] <= RS_BREAKING) {
            x[q0] = upper;
            x[3] = x[4];
            double[] fx = new double[x.length];
            eq.update(x, fx);
            double res = 0.0;
            for (int i = 0; i < x.length; i++) {
                res = Math.max(res, Math.abs(fx[i] - x[i]));
            }
            boolean ok = eq.isValid(x) && res <= 1e-10 * Math.max(1.0, Arrays.stream(x).map(Math::abs).max().orElse(0.0));
            return new SolveResult(x, res, fixed.iterations(), ok ? SolveStatus.CONVERGED : SolveStatus.NOT_CONVERGED);
        }
        SolveResult full = newton.solve(eq, pinned.expand(fixed.solution()));
        return new SolveResult(full.solution(), full.residual(), fixed.iterations() + full.iterations(),
                full.status());
    }

    /** Start state off the RS manifold built from the RS T = 0 retrieval state, or null if there is none. */
    private double[] zeroTemperatureStart(double load) {
        HopfieldSolution rs = replicaSymmetric.solve(load, 0.0).stream()
                .filter(s -> s.phase() == HopfieldPhase.RETRIEVAL).findFirst().orElse(null);
        if (rs == null) {
            return null;
        }
        double c = rs.susceptibility();
        double r = rs.r();
        double delta = 1e-3;
        return new double[] {rs.m(), 1.0 - delta, c, r, r + delta / ((1.0 - c) * (1.0 - c)), START_MU};
    }

    private static boolean broken(double[] x, int q0, int q1) {
        return x[q1] - x[q0] > RS_BREAKING;
    }

    /**
     * The 1RSB retrieval solution at (load, temperature); temperature 0 uses the T = 0 limit equations.
     * A solve that did not converge is returned with its status (never a silent number).
     */
    public OneStepSolution solve(double load, double temperature) {
        if (!(load > 0.0) || !(temperature >= 0.0) || Double.isInfinite(load) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("need finite load > 0 and temperature >= 0, got " + load + ", "
                    + temperature);
        }
        if (temperature == 0.0) {
            return zeroTemperatureSolution(load);
        }
        return finiteTemperatureSolution(load, temperature);
    }

    private OneStepSolution zeroTemperatureSolution(double load) {
        double[] start = zeroTemperatureStart(load);
        if (start == null) {
            SolveResult none = new SolveResult(new double[6], Double.NaN, 0, SolveStatus.DIVERGED);
            return new OneStepSolution(load, 0.0, Double.NaN, Double.NaN, 1.0, Double.NaN, Double.NaN, 0.0,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, none, "");
        }
        SolveResult res = solveZero(load, start);
        return zeroTemperatureSolution(load, res);
    }

    private OneStepSolution zeroTemperatureSolution(double load, SolveResult res) {
        double[] x = res.solution();
        HopfieldOneStepZeroTemperatureEquations eq = zeroTemperatureEquations(load);
        HopfieldSolution rs = replicaSymmetric.solve(load, 0.0).stream()
                .filter(s -> s.phase() == HopfieldPhase.RETRIEVAL).findFirst().orElse(null);
        return new OneStepSolution(load, 0.0, x[0], x[1], 1.0, x[3], x[4], 0.0, x[5], x[2], eq.energy(x),
                rs == null ? Double.NaN : rs.freeEnergy(), res.converged() && 1.0 - x[1] > RS_BREAKING, res, "");
    }

    /**
     * alpha_c at T = 0 under 1RSB: the end (fold in the load) of the 1RSB retrieval branch, with the
     * Parisi parameter extremized at every point (Steffan and Kuehn 1994 report 0.138186).
     */
    public OneStepCriticalLoad criticalLoadZeroTemperature1RSB() {
        CriticalLoad rsc = replicaSymmetric.criticalLoadZeroTemperature();
        double[] start = zeroTemperatureStart(START_LOAD);
        if (start == null) {
            return failed(rsc.load(), "no RS retrieval start point at load " + START_LOAD);
        }
        SolveResult first = solveZero(START_LOAD, start);
        if (!first.converged() || 1.0 - first.component(1) <= RS_BREAKING) {
            return failed(rsc.load(), "no 1RSB retrieval solution off the RS manifold at load " + START_LOAD
                    + ": " + first);
        }
        DoubleFunction<SaddlePointEquations> family = this::zeroTemperatureEquations;
        // same branch: overlap moves little, and the state stays off the RS manifold
        Continuation continuation = new Continuation(solver, 1e-7,
                (a, b) -> Math.abs(a[0] - b[0]) <= 0.02 && 1.0 - b[1] > RS_BREAKING);
        double top = rsc.load() + 0.002; // alpha_c(1RSB) is above alpha_c(RS); the branch must be lost before
        Continuation.Branch branch = continuation.follow(family, first.solution(), START_LOAD, top, 0.002);
        if (branch.complete() || branch.points().isEmpty()) {
            return failed(rsc.load(), "1RSB branch not lost up to load " + top + ": " + branch.message());
        }
        Continuation.BranchPoint last = branch.last();
        double[] x = last.result().solution();
        FoldLocator.Fold fold = foldLocator.locate(family, x, last.parameter(), 0, 2e-3, true);
        if (fold.status() != SolveStatus.CONVERGED) {
            return failed(rsc.load(), "1RSB branch lost near load " + last.parameter() + " but fold not located: "
                    + fold.message());
        }
        double[] s = fold.state();
        return new OneStepCriticalLoad(fold.parameter(), s[0], s[1], s[2], s[3], s[4], s[5], rsc.load(),
                1.0 - s[1] > RS_BREAKING, fold.error(), SolveStatus.CONVERGED,
                "fold of the T = 0 1RSB retrieval branch; " + fold.message() + "; state " + Arrays.toString(s));
    }

    private static OneStepCriticalLoad failed(double rsLoad, String why) {
        return new OneStepCriticalLoad(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, rsLoad, false, Double.NaN, SolveStatus.NOT_CONVERGED, why);
    }

    // ------------------------------------------------------------------ T > 0

    private OneStepSolution finiteTemperatureSolution(double load, double temperature) {
        HopfieldSolution rs = replicaSymmetric.solve(load, temperature).stream()
                .filter(s -> s.phase() == HopfieldPhase.RETRIEVAL).findFirst().orElse(null);
        HopfieldOneStepRSBEquations eq = equations(load, temperature);
        if (rs == null) {
            SolveResult none = new SolveResult(new double[6], Double.NaN, 0, SolveStatus.DIVERGED);
            return new OneStepSolution(load, temperature, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, none, "");
        }
        if (temperature < ParisiOptimizer.LOWEST_RESOLVED_TEMPERATURE) {
            return limitOfZeroTemperature(load, temperature, rs);
        }
        double beta = 1.0 / temperature;
        double q = rs.q();
        // start: the RS state split as in the T = 0 1RSB solution (1 - q0 and mu = beta x), when there is one
        OneStepSolution zero = zeroTemperatureSolution(load);
        boolean useZero = zero.converged() && zero.differsFromRS();
        double delta = useZero ? Math.min(1.0 - zero.q0(), 0.5 * (1.0 - q)) : Math.min(1e-3, 0.1 * (1.0 - q));
        double x0 = Math.min(0.9, (useZero ? zero.scaledParisiParameter() : START_MU) * temperature);
        double lambda = 1.0 - beta * (1.0 - q);
        double[] start = {rs.m(), q - delta, q, rs.r(), rs.r() + delta / (lambda * lambda), x0};
        SolveResult res = solveStaged(eq, start, 1, 2);
        double[] x = res.solution();
        if (res.converged() && broken(x, 1, 2)) {
            return new OneStepSolution(load, temperature, x[0], x[1], x[2], x[3], x[4], x[5], beta * x[5],
                    beta * (1.0 - x[2]), eq.freeEnergy(x), rs.freeEnergy(), true, res, "");
        }
        // the staged solve fell onto the RS manifold or failed: optimize x inside the solve (scan + Brent on df/dx)
        double[] reduced = java.util.Arrays.copyOf(start, 5);
        ParisiOptimizer.Optimum o = parisi.optimize(p -> new FixedParisiHopfield(eq, p), reduced,
                ParisiOptimizer.geometricGrid(1e-3, 1.0, 40));
        double[] s = o.state();
        double xp = o.differsFromRS() ? o.parisiParameter() : Double.NaN;
        SolveResult report = o.converged() ? o.report() : new SolveResult(o.report().solution(), o.report().residual(),
                o.report().iterations(), SolveStatus.NOT_CONVERGED);
        return new OneStepSolution(load, temperature, s[0], s[1], s[2], s[3], s[4], xp, beta * xp,
                beta * (1.0 - s[2]), o.freeEnergy(), rs.freeEnergy(), o.differsFromRS() && o.converged(), report, "");
    }

    /**
     * Below {@link ParisiOptimizer#LOWEST_RESOLVED_TEMPERATURE}: the T = 0 1RSB state read at T (q1 = 1 - C T, x = mu T,
     * r0 and r1 as at T = 0, free energy = ground-state energy; exact as T -> 0, corrections O(T)), as for the dense and
     * learning solvers; on the RS manifold at T = 0 the RS state at T.
     */
    private OneStepSolution limitOfZeroTemperature(double load, double temperature, HopfieldSolution rs) {
        OneStepSolution zero = zeroTemperatureSolution(load);
        String below = ParisiOptimizer.READ_FROM_ZERO_TEMPERATURE;
        if (zero.converged() && !zero.differsFromRS()) {
            return new OneStepSolution(load, temperature, rs.m(), rs.q(), rs.q(), rs.r(), rs.r(), Double.NaN, Double.NaN,
                    rs.susceptibility(), rs.freeEnergy(), rs.freeEnergy(), false, zero.report(),
                    below + " lies on the RS manifold, so the RS state at T is the 1RSB one");
        }
        double x = zero.scaledParisiParameter() * temperature;
        boolean valid = zero.converged() && x <= 1.0;
        SolveResult r = zero.report();
        SolveResult report = valid || !r.converged() ? r : new SolveResult(r.solution(), r.residual(), r.iterations(), SolveStatus.NOT_CONVERGED);
        return new OneStepSolution(load, temperature, zero.m(), zero.q0(), 1.0 - zero.susceptibility() * temperature, zero.r0(),
                zero.r1(), x, zero.scaledParisiParameter(), zero.susceptibility(), zero.freeEnergy(), rs.freeEnergy(),
                valid && zero.differsFromRS(), report, below + (x > 1.0 ? " has mu T = " + x + " > 1, outside the range of x"
                        : " (mu = beta x = " + zero.scaledParisiParameter() + ", q1 = 1 - C T, x = mu T), corrections O(T)"));
    }
}
