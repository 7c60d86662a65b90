package org.saddle.solver.dense;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import org.saddle.solver.ArclengthContinuation;
import org.saddle.solver.Boundary;
import org.saddle.solver.BracketingRootFinder;
import org.saddle.solver.FixedPointSolver;
import org.saddle.solver.FreeEnergyCrossing;
import org.saddle.solver.GaussHermite;
import org.saddle.solver.GaussLegendre;
import org.saddle.solver.ParisiOptimizer;
import org.saddle.solver.PinnedEquations;
import org.saddle.solver.SolveResult;
import org.saddle.solver.SolveStatus;
import org.saddle.solver.TemperatureBranch;
import org.saddle.theory.LocalFieldAverages;
import org.saddle.theory.OneStepAverages;
import org.saddle.theory.SaddlePointEquations;
import org.saddle.theory.dense.DenseHebbianModel;
import org.saddle.theory.dense.DenseOneStepRSBEquations;
import org.saddle.theory.dense.DenseOneStepZeroTemperatureEquations;
import org.saddle.theory.dense.DenseRSEquations;
import org.saddle.theory.dense.DenseZeroTemperatureEquations;

/**
 * Facade over the replica theory of the dense P-body Hebbian network, P >= 3 ({@link DenseHebbianModel}): RS
 * branches with free energies and replicon at a point, the T = 0 critical load under RS and 1RSB, the 1RSB retrieval
 * solution with the Parisi parameter optimized, and the phase lines T_M (retrieval spinodal), T_c (first-order:
 * retrieval equal to the lower of spin glass and paramagnet) and T_AT (replicon of the retrieval branch = 0).
 *
 * <p>Branches are followed in T from the T = 0 equations by {@link ArclengthContinuation} (state (m, C) is continuous
 * at T = 0), which passes and locates the turning point of the retrieval branch exactly; first-order lines come from
 * {@link FreeEnergyCrossing}; the Parisi parameter from {@link ParisiOptimizer}.
 */
public final class DenseSolver {

    private static final double ZERO_OVERLAP = 1e-6;
    /** A T &gt; 0 state counts as a retrieval anchor of a reentrant branch when m exceeds this (m is O(1) there). */
    private static final double RETRIEVAL_ANCHOR = 0.3;
    private static final int SCAN_STEPS = 80;
    private static final double ZERO_GLASS = 1e-8;
    /** Range of the scanned Parisi parameter at T = 0, in units g = mu sqrt(v(1)) (the inverse noise width). */
    private static final double MU_MIN = 0.01;
    private static final double MU_MAX = 200.0;

    private final DenseHebbianModel model;
    private final LocalFieldAverages averages;
    private final OneStepAverages oneStepAverages;
    private final FixedPointSolver solver = new FixedPointSolver(0.5, 4000, 1e-6, 1e-12, 60);
    private final FixedPointSolver newton = solver.newtonOnly();
    private final ArclengthContinuation arc = new ArclengthContinuation(1e-12, 1e-9, 0.05);
    private final ParisiOptimizer parisi = new ParisiOptimizer(solver, 1e-10);
    private final FreeEnergyCrossing crossing = new FreeEnergyCrossing(1e-11);

    /**
     * @param interactionOrder P >= 3
     * @param quadratureOrder Gauss-Hermite order of the RS averages (the 1RSB inner average uses order 40)
     */
    public DenseSolver(int interactionOrder, int quadratureOrder) {
        if (interactionOrder < 3) {
            throw new IllegalArgumentException("the dense replica theory needs P >= 3 (P = 2 is the Hopfield model, "
                    + "whose noise has the reaction term; use HopfieldSolver), got " + interactionOrder);
        }
        this.model = new DenseHebbianModel(interactionOrder);
        this.averages = new LocalFieldAverages(new GaussHermite(quadratureOrder), new GaussLegendre(16, 8));
        GaussHermite inner = new GaussHermite(40);
        this.oneStepAverages = new OneStepAverages(inner.nodes(), inner.weights(), new GaussLegendre(16, 8));
    }

    /** Gauss-Hermite order 80. */
    public DenseSolver(int interactionOrder) {
        this(interactionOrder, 80);
    }

    /** The model (P and its normalization). */
    public DenseHebbianModel model() {
        return model;
    }

    /** RS equations at (load, T); the T = 0 equations at T == 0. */
    public SaddlePointEquations equations(double load, double temperature) {
        return temperature == 0.0 ? new DenseZeroTemperatureEquations(model, load)
                : new DenseRSEquations(model, load, temperature, averages);
    }

    /** Finite-T 1RSB equations at a Parisi parameter x. */
    public DenseOneStepRSBEquations oneStepEquations(double load, double temperature, double x) {
        return new DenseOneStepRSBEquations(model, load, temperature, x, oneStepAverages);
    }

    /** T = 0 1RSB equations at mu = beta x. */
    public DenseOneStepZeroTemperatureEquations oneStepZeroTemperatureEquations(double load, double mu) {
        return new DenseOneStepZeroTemperatureEquations(model, load, mu, oneStepAverages);
    }

    // ------------------------------------------------------------------ RS at a point

    /** All RS branches at (load, T) that exist there, each with free energy, replicon and solver report. */
    public List<DenseSolution> solve(double load, double temperature) {
        check(load, temperature);
        List<DenseSolution> out = new ArrayList<>();
        SolveResult r = retrievalState(load, temperature);
        if (r != null) {
            out.add(solution(DensePhase.RETRIEVAL, load, temperature, r));
        }
        SolveResult g = spinGlassState(load, temperature);
        if (g != null) {
            out.add(solution(DensePhase.SPIN_GLASS, load, temperature, g));
        }
        if (temperature > 0.0) {
            // exact paramagnet m = 0, q = 0 (C = beta); residual checked, not assumed
            SaddlePointEquations eq = equations(load, temperature);
            double[] x = {0.0, 1.0 / temperature};
            out.add(solution(DensePhase.PARAMAGNET, load, temperature, solver.check(eq, x)));
        }
        return out;
    }

    private DenseSolution solution(DensePhase phase, double load, double temperature, SolveResult res) {
        double m = res.component(0);
        double c = res.component(1);
        if (temperature == 0.0) {
            DenseZeroTemperatureEquations eq = new DenseZeroTemperatureEquations(model, load);
            return new DenseSolution(phase, model.interactionOrder(), load, 0.0, m, 1.0, c, eq.energy(m),
                    eq.replicon(m), res);
        }
        DenseRSEquations eq = new DenseRSEquations(model, load, temperature, averages);
        double q = Math.max(0.0, 1.0 - c * temperature);
        return new DenseSolution(phase, model.interactionOrder(), load, temperature, m, q, c, eq.freeEnergy(m, q),
                eq.replicon(m, q), res);
    }

    private SolveResult retrievalState(double load, double temperature) {
        return retrievalBranch(load).at(temperature);
    }

    private SolveResult spinGlassState(double load, double temperature) {
        if (load == 0.0) {
            return null;
        }
        SolveResult reduced = spinGlassBranch(load).at(temperature);
        if (reduced == null) {
            return null;
        }
        double q = temperature == 0.0 ? 1.0 : 1.0 - reduced.component(0) * temperature;
        if (!(q > ZERO_GLASS)) {
            return null;
        }
        return new SolveResult(new double[] {0.0, reduced.component(0)}, reduced.residual(), reduced.iterations(),
                reduced.status());
    }

    // ------------------------------------------------------------------ branches in T

    private TemperatureBranch.Settings retrievalSettings() {
        return new TemperatureBranch.Settings(arc, newton, "T_M", "T_R", 0, ZERO_OVERLAP);
    }

    /**
     * The retrieval branch at one load, with its spinodal T_M and, where it has no T = 0 state, its lower end T_R.
     *
     * <p>Above alpha_c(RS) at T = 0 the RS retrieval region of P &gt;= 3 networks is reentrant: the noise variance
     * alpha P q^(P-1)/P! shrinks as thermal fluctuations lower q, so a retrieval state exists on an interval
     * T_R &lt; T &lt; T_M of temperatures. There the branch is anchored by a scan downward in T from
     * 1/(P-1)! (an upper bound of T_M: at alpha = 0, T = m^(P-1)/((P-1)! atanh m) &lt; 1/(P-1)!) and followed both ways
     * ({@link TemperatureBranch}).
     */
    private TemperatureBranch retrievalBranch(double load) {
        DoubleFunction<SaddlePointEquations> family = t -> equations(load, t);
        SolveResult zero = solver.solve(equations(load, 0.0), new double[] {1.0, 0.0});
        if (zero.converged() && zero.component(0) > ZERO_OVERLAP) {
            return TemperatureBranch.follow(load, family, 0.0, zero.solution(), retrievalSettings());
        }
        double top = 1.0 / model.factorialMinusOne();
        double[] anchor = TemperatureBranch.scanDown(family, new double[] {1.0, 0.0}, top, SCAN_STEPS, 0,
                RETRIEVAL_ANCHOR, solver);
        if (anchor == null) {
            return TemperatureBranch.none(load, retrievalSettings(), "no retrieval solution at T = 0 (load above "
                    + "alpha_c(RS) = " + criticalLoadZeroTemperature().load() + ") nor on a scan of " + SCAN_STEPS
                    + " temperatures in (0, " + top + "]");
        }
        return TemperatureBranch.follow(load, family, anchor[0], new double[] {anchor[1], anchor[2]}, retrievalSettings());
    }

    private TemperatureBranch spinGlassBranch(double load) {
        // T = 0 spin glass: m = 0, C = 2 p(0) = sqrt(2/(pi v(1)))
        double c0 = Math.sqrt(2.0 / (Math.PI * model.noiseVariance(load, 1.0)));
        return TemperatureBranch.follow(load, t -> new PinnedEquations(equations(load, t), 0, 0.0), 0.0,
                new double[] {c0}, new TemperatureBranch.Settings(arc, newton, "T_SG", "T_SG_low", -1, 0.0));
    }

    // ------------------------------------------------------------------ critical loads at T = 0

    /**
     * alpha_c(RS) at T = 0: the maximum over y of alpha(y) = erf(y)^(2P-2)/(2 (P-1)! y^2)
     * ({@link DenseZeroTemperatureEquations}), located as the root of its stationarity condition (Brent).
     */
    public DenseCriticalLoad criticalLoadZeroTemperature() {
        BracketingRootFinder.Root y = new BracketingRootFinder(1e-14, 300)
                .refine(t -> DenseZeroTemperatureEquations.criticalLoadCondition(model, t), 0.05, 12.0);
        if (!y.found()) {
            return new DenseCriticalLoad(model.interactionOrder(), "rs", Double.NaN, Double.NaN, 1.0, Double.NaN,
                    Double.NaN, false, Double.NaN, SolveStatus.NOT_CONVERGED, y.message());
        }
        double ys = y.value();
        double load = DenseZeroTemperatureEquations.loadAtY(model, ys);
        double err = Math.max(Math.abs(DenseZeroTemperatureEquations.loadAtY(model, ys + y.error()) - load),
                Math.abs(DenseZeroTemperatureEquations.loadAtY(model, ys - y.error()) - load)) + 4 * Math.ulp(load);
        return new DenseCriticalLoad(model.interactionOrder(), "rs", load, org.hipparchus.special.Erf.erf(ys), 1.0,
                Double.NaN, load, false, err, SolveStatus.CONVERGED,
                "max of alpha(y) at y* = " + ys + " (Brent on the stationarity condition)");
    }

    /**
     * alpha_c(RS) at T = 0 a second way, as the turning point in the load of the T = 0 retrieval branch followed by
     * pseudo-arclength continuation (a check of the closed form and of the continuation).
     */
    public DenseCriticalLoad criticalLoadByContinuation() {
        double start = 0.5 * criticalLoadZeroTemperature().load();
        SolveResult s = solver.solve(equations(start, 0.0), new double[] {1.0, 0.0});
        ArclengthContinuation.Branch br = arc.follow(a -> equations(a, 0.0), s.solution(), start, true,
                0.1 * start, 0.0, 10.0 * start, 2000, 1);
        if (br.folds().isEmpty()) {
            return new DenseCriticalLoad(model.interactionOrder(), "rs", Double.NaN, Double.NaN, 1.0, Double.NaN,
                    Double.NaN, false, Double.NaN, SolveStatus.NOT_CONVERGED, br.message());
        }
        ArclengthContinuation.Fold f = br.folds().get(0);
        return new DenseCriticalLoad(model.interactionOrder(), "rs", f.parameter(), f.state()[0], 1.0, Double.NaN,
                f.parameter(), false, f.error(), SolveStatus.CONVERGED, "turning point of the T = 0 branch in the load");
    }

    /** The T = 0 1RSB retrieval state at {@code load}, with mu optimized. */
    public DenseOneStepSolution oneStep(double load, double temperature) {
        check(load, temperature);
        SolveResult rs = retrievalState(load, temperature);
        if (rs == null) {
            SolveResult none = new SolveResult(new double[3], Double.NaN, 0, SolveStatus.DIVERGED);
            return new DenseOneStepSolution(load, temperature, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, none, "no RS retrieval state to start from");
        }
        DenseSolution rsSol = solution(DensePhase.RETRIEVAL, load, temperature, rs);
        if (temperature == 0.0) {
            double[] start = {rs.component(0), 0.99};
            // mu in units of the inverse noise width: g = mu sqrt(v(1)) is O(1-10) for every P (P = 3, 4: ~5-7)
            double width = Math.sqrt(model.noiseVariance(load, 1.0));
            ParisiOptimizer.Optimum o = parisi.optimize(g -> oneStepZeroTemperatureEquations(load, g / width), start,
                    ParisiOptimizer.geometricGrid(MU_MIN, MU_MAX, 40));
            double[] s = o.state();
            return new DenseOneStepSolution(load, 0.0, s[0], s[1], 1.0, 0.0, o.parisiParameter() / width,
                    o.parisiError() / width, o.freeEnergy(), rsSol.freeEnergy(), o.differsFromRS(), status(o), o.message());
        }
        if (temperature < ParisiOptimizer.LOWEST_RESOLVED_TEMPERATURE) {
            return limitOfZeroTemperature(load, temperature, rsSol);
        }
        double q = rsSol.q();
        double spread = 0.5 * (1.0 - q);
        double[] start = {rs.component(0), q - spread, Math.min(1.0, q + spread)};
        // x = beta x T: at low T the optimum sits near mu(T = 0) T, mu = g / sqrt(v(1)) with g in [MU_MIN, MU_MAX]
        double lowest = Math.min(0.01, MU_MIN * temperature / Math.sqrt(model.noiseVariance(load, 1.0)));
        int points = 30 + (int) Math.ceil(10 * Math.log10(0.01 / lowest));
        ParisiOptimizer.Optimum o = parisi.optimize(x -> oneStepEquations(load, temperature, x), start,
                ParisiOptimizer.geometricGrid(lowest, 1.0, points));
        double[] s = o.state();
        double x = o.differsFromRS() ? o.parisiParameter() : Double.NaN;
        return new DenseOneStepSolution(load, temperature, s[0], s[1], s[2], x, x / temperature, o.parisiError(),
                o.freeEnergy(), rsSol.freeEnergy(), o.differsFromRS(), status(o), o.message());
    }

    /**
     * Below {@link ParisiOptimizer#LOWEST_RESOLVED_TEMPERATURE}: the T = 0 1RSB state read at T (q1 = 1 - C T, x = mu T,
     * free energy = ground-state energy; exact as T -> 0, corrections O(T)), the message says so.
     */
    private DenseOneStepSolution limitOfZeroTemperature(double load, double temperature, DenseSolution rs) {
        double rsFreeEnergy = rs.freeEnergy();
        DenseOneStepSolution zero = oneStep(load, 0.0);
        String below = ParisiOptimizer.READ_FROM_ZERO_TEMPERATURE;
        if (zero.converged() && !zero.differsFromRS()) { // on the RS manifold at T = 0: the RS state at T is its limit
            return new DenseOneStepSolution(load, temperature, rs.m(), rs.q(), rs.q(), Double.NaN, Double.NaN, Double.NaN,
                    rsFreeEnergy, rsFreeEnergy, false, zero.report(), below + " lies on the RS manifold (q0 = 1 within "
                            + ParisiOptimizer.RS_BREAKING + "), so the RS state at T is the 1RSB one; " + zero.message());
        }
        double mu = zero.scaledParisiParameter();
        double susceptibility = oneStepZeroTemperatureEquations(load, mu).susceptibility(new double[] {zero.m(), zero.q0()});
        double x = mu * temperature;
        if (zero.converged() && x > 1.0) {
            SolveResult r = zero.report();
            return new DenseOneStepSolution(load, temperature, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, rsFreeEnergy, false,
                    new SolveResult(r.solution(), r.residual(), r.iterations(), SolveStatus.NOT_CONVERGED),
                    below + " has mu T = " + x + " > 1, outside the range of the Parisi parameter");
        }
        return new DenseOneStepSolution(load, temperature, zero.m(), zero.q0(), 1.0 - susceptibility * temperature,
                zero.differsFromRS() ? x : Double.NaN, mu, zero.parisiError() * temperature, zero.freeEnergy(), rsFreeEnergy,
                zero.differsFromRS(), zero.report(), below + " (mu = beta x = " + mu + ", q1 = 1 - C T, x = mu T), corrections O(T); "
                        + zero.message());
    }

    private static SolveResult status(ParisiOptimizer.Optimum o) {
        SolveResult r = o.report();
        return o.converged() ? r : new SolveResult(r.solution(), r.residual(), r.iterations(), SolveStatus.NOT_CONVERGED);
    }

    /**
     * alpha_c at T = 0 under 1RSB: the turning point in the load of the 1RSB retrieval branch of the augmented system
     * (m, q0, mu) (mu stationary at every point), followed by pseudo-arclength continuation from 0.9 alpha_c(RS).
     */
    public DenseCriticalLoad criticalLoadZeroTemperature1RSB() {
        DenseCriticalLoad rsc = criticalLoadZeroTemperature();
        double start = 0.9 * rsc.load();
        DenseOneStepSolution first = oneStep(start, 0.0);
        if (!first.converged() || !first.differsFromRS()) {
            return failed1rsb(rsc, "no 1RSB retrieval solution off the RS manifold at load " + start + ": "
                    + first.message());
        }
        // continuation variables of order 1 for every P: load in units of alpha_c(RS), mu in units of the inverse
        // noise width (g = mu sqrt(v(1)))
        double unit = rsc.load();
        DoubleFunction<SaddlePointEquations> family = lambda -> {
            double a = lambda * unit;
            double width = Math.sqrt(model.noiseVariance(a, 1.0));
            return ParisiOptimizer.augmented(g -> oneStepZeroTemperatureEquations(a, g / width), 2,
                    List.of("m", "q0", "g"));
        };
        double[] x0 = {first.m(), first.q0(), first.scaledParisiParameter() * Math.sqrt(model.noiseVariance(start, 1.0))};
        ArclengthContinuation.Branch br = arc.follow(family, x0, start / unit, true, 0.02, 0.0, 3.0, 3000, 1);
        if (br.folds().isEmpty()) {
            return failed1rsb(rsc, "1RSB branch has no turning point: " + br.message());
        }
        ArclengthContinuation.Fold f = br.folds().get(0);
        double[] s = f.state();
        double load = f.parameter() * unit;
        double mu = s[2] / Math.sqrt(model.noiseVariance(load, 1.0));
        return new DenseCriticalLoad(model.interactionOrder(), "1rsb", load, s[0], s[1], mu, rsc.load(),
                1.0 - s[1] > ParisiOptimizer.RS_BREAKING, f.error() * unit, SolveStatus.CONVERGED,
                "turning point of the T = 0 1RSB retrieval branch (pseudo-arclength in alpha/alpha_c(RS), mu stationary)");
    }

    private DenseCriticalLoad failed1rsb(DenseCriticalLoad rsc, String why) {
        return new DenseCriticalLoad(model.interactionOrder(), "1rsb", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                rsc.load(), false, Double.NaN, SolveStatus.NOT_CONVERGED, why);
    }

    // ------------------------------------------------------------------ phase lines

    /** T_M: turning point of the retrieval branch in T (pseudo-arclength continuation from T = 0). */
    public Boundary retrievalSpinodal(double load) {
        return retrievalBranch(load).spinodal();
    }

    /**
     * The lines T_M, T_c, T_AT, T_R (lower end of a reentrant retrieval branch; absent where the branch reaches
     * T = 0), T_c_low ({@link #lowerFirstOrderTemperature}), T_d, T_s and T_G (the 1RSB glass lines, {@link #glassLines}) at
     * one load, in this order (the retrieval branch is followed once).
     */
    public List<Boundary> phaseLines(double load) {
        TemperatureBranch b = retrievalBranch(load);
        List<Boundary> glass = glassLines(load);
        Boundary[] firstOrder = firstOrder(load, b);
        return List.of(b.spinodal(), firstOrder[0], almeidaThouless(load, b), b.lowerEnd(), firstOrder[1], glass.get(0),
                glass.get(1), glass.get(2));
    }

    /** T_R: lower turning point of the retrieval branch where it has no T = 0 state (reentrant region). */
    public Boundary reentrantTemperature(double load) {
        return retrievalBranch(load).lowerEnd();
    }

    /**
     * T_c: the highest temperature below T_M where the RS retrieval free energy equals that of the m = 0 phase,
     * {@link #glassFreeEnergy} (first-order line, {@link FreeEnergyCrossing} scanning [0, T_M] downward). The m = 0
     * phase is taken under 1RSB: the RS spin-glass branch of P &gt;= 3 is never the lower one physically (its replica
     * free energy lies below the 1RSB glass's, the wrong way for n -&gt; 0), and the RS paramagnet is unphysical
     * below T_0.
     */
    public Boundary firstOrderTemperature(double load) {
        return firstOrder(load, retrievalBranch(load))[0];
    }

    /**
     * T_c_low: where a reentrant retrieval branch stops being the global minimum going down in T (the next crossing of
     * the retrieval and glass free energies below T_c). Absent where retrieval stays the global minimum down to the
     * branch's lower end (or T = 0), and where there is no T_c.
     */
    public Boundary lowerFirstOrderTemperature(double load) {
        return firstOrder(load, retrievalBranch(load))[1];
    }

    /** T_AT: where the replicon of the retrieval branch crosses 0 (Brent in ln T). */
    public Boundary atTemperature(double load) {
        return almeidaThouless(load, retrievalBranch(load));
    }

    /**
     * The m = 0 phase's free energy at (load, T): the 1RSB glass ({@link OneStepGlass}), which is the paramagnet
     * above the static temperature T_s and the 1RSB P-spin glass below it (replacing the RS paramagnet, whose entropy
     * turns negative at T_0 &lt; T_s). At load 0: the paramagnet -T ln 2.
     */
    public double glassFreeEnergy(double load, double temperature) {
        if (load == 0.0) {
            return temperature == 0.0 ? Double.POSITIVE_INFINITY : -temperature * Math.log(2.0);
        }
        return OneStepGlass.of(model.interactionOrder()).at(load, temperature).freeEnergy();
    }

    /**
     * The glass lines of the m = 0 phase under 1RSB at one load: T_d (dynamical: the x = 1 glass solution appears),
     * T_s (static: the 1RSB glass takes over from the paramagnet) and T_G (Gardner: the 1RSB glass turns unstable),
     * each proportional to J = sqrt(2 alpha / P!) ({@link OneStepGlass#lines}). Absent at load 0.
     */
    public List<Boundary> glassLines(double load) {
        check(load, 0.0);
        return OneStepGlass.of(model.interactionOrder()).lines(load, load);
    }

    private Boundary[] firstOrder(double load, TemperatureBranch b) {
        if (!b.spinodal().exists()) {
            Boundary none = Boundary.absent("T_c", load, "no retrieval branch: " + b.spinodal().status());
            return new Boundary[] {none, Boundary.absent("T_c_low", load, none.status())};
        }
        DoubleUnaryOperator retrieval = t -> {
            SolveResult r = b.at(t);
            return r == null ? Double.NaN : solution(DensePhase.RETRIEVAL, load, t, r).freeEnergy();
        };
        double bottom = b.bottom();
        if (Double.isNaN(bottom)) {
            Boundary none = Boundary.absent("T_c", load, "reentrant retrieval branch without a located lower end: "
                    + b.lowerEnd().status());
            return new Boundary[] {none, Boundary.absent("T_c_low", load, none.status())};
        }
        return FirstOrderLines.of(load, retrieval, t -> glassFreeEnergy(load, t),
                bottom == 0.0 ? 0.0 : bottom * (1.0 + 1e-9), b.spinodal().temperature() * (1.0 - 1e-9), crossing);
    }

    private Boundary almeidaThouless(double load, TemperatureBranch b) {
        if (!b.spinodal().exists()) {
            return Boundary.absent("T_AT", load, "no retrieval branch: " + b.spinodal().status());
        }
        if (load == 0.0) {
            return Boundary.absent("T_AT", load, "load 0: replicon = 1, RS stable");
        }
        // the replicon's own accuracy (solve tolerance 1e-12, relative quadrature error ~1e-10 of the sech^4
        // average) moves the root by a relative ~1e-9
        Boundary at = b.rootBelowSpinodal("T_AT", t -> solution(DensePhase.RETRIEVAL, load, t, b.at(t)).replicon(), 1e-9);
        return at.exists() ? new Boundary("T_AT", load, at.temperature(), at.error(), true, "replicon = 0; Brent in ln T")
                : Boundary.absent("T_AT", load, "replicon: " + at.status());
    }

    private static void check(double load, double temperature) {
        if (!(load >= 0.0) || !(temperature >= 0.0) || Double.isInfinite(load) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("need finite load >= 0 and temperature >= 0, got " + load + ", "
                    + temperature);
        }
    }
}
