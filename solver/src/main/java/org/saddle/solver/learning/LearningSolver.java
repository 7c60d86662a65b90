package org.saddle.solver.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import org.saddle.solver.BracketingRootFinder;
import org.saddle.solver.FixedPointSolver;
import org.saddle.solver.GaussHermite;
import org.saddle.solver.GaussLegendre;
import org.saddle.solver.PinnedEquations;
import org.saddle.solver.SolveResult;
import org.saddle.solver.SolveStatus;
import org.saddle.solver.TemperatureBranch;
import org.saddle.solver.ArclengthContinuation;
import org.saddle.solver.dense.FirstOrderLines;
import org.saddle.solver.dense.OneStepGlass;
import org.saddle.solver.FreeEnergyCrossing;
import org.saddle.solver.Boundary;
import org.saddle.solver.CriticalLoad;
import org.saddle.theory.LocalFieldAverages;
import org.saddle.theory.SaddlePointEquations;
import org.saddle.theory.learning.LearningDataset;
import org.saddle.theory.learning.LearningPhase;
import org.saddle.theory.learning.LearningRSEquations;
import org.saddle.theory.learning.LearningZeroTemperatureEquations;

/**
 * Facade over the RS theory of dense Hebbian learning ({@link LearningRSEquations},
 * {@link LearningZeroTemperatureEquations}): all branches at a point, the phase lines in the (alpha, T)
 * plane at fixed dataset, the T = 0 critical load alpha_c(rho) and the learning thresholds rho_c.
 *
 * <p>The retrieval branch is anchored at T = 0, where it is closed form in y = g/s (largest-y root of
 * alpha(y) = alpha), Newton-polished on the T = 0 equations, then followed in T by pseudo-arclength continuation
 * ({@link TemperatureBranch}, the mechanism of the dense solver), whose turning points are the spinodal T_M and,
 * where the branch has no T = 0 state, its lower end T_R. The spin-glass branch (n = 0) is anchored at its
 * closed-form T = 0 state C = sqrt(2/pi)/s, s^2 = gamma alpha P/P!, and followed in T likewise. The n = 0 phase
 * of the first-order lines is the 1RSB glass ({@link OneStepGlass}), shared with the dense solver as well.
 */
public final class LearningSolver {

    private static final double ZERO_OVERLAP = 1e-6;
    private static final double ZERO_GLASS = 1e-8;
    /** Largest dataset entropy searched by the threshold finders. */
    private static final double MAX_ENTROPY = 1000.0;
    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    private static final FreeEnergyCrossing CROSSING = new FreeEnergyCrossing(1e-11);

    private final LocalFieldAverages averages;
    private final FixedPointSolver solver = new FixedPointSolver(0.5, 2000, 1e-5, 1e-12, 60);
    private final FixedPointSolver newton = solver.newtonOnly();
    private final ArclengthContinuation arc = new ArclengthContinuation(1e-12, 1e-9, 0.05);
    private final BracketingRootFinder roots = new BracketingRootFinder(1e-12, 200);

    /** @param quadratureOrder Gauss-Hermite order for smooth averages */
    public LearningSolver(int quadratureOrder) {
        this.averages = new LocalFieldAverages(new GaussHermite(quadratureOrder), new GaussLegendre(16, 8));
    }

    /** Gauss-Hermite order 80. */
    public LearningSolver() {
        this(80);
    }

    /** The Gaussian averages used. */
    public LocalFieldAverages averages() {
        return averages;
    }

    /** Equations at (load, T): the T = 0 equations when T == 0. */
    public SaddlePointEquations equations(LearningDataset data, double load, double temperature) {
        return temperature == 0.0 ? new LearningZeroTemperatureEquations(data, load)
                : new LearningRSEquations(data, load, temperature, averages);
    }

    // ------------------------------------------------------------------ T = 0 closed forms

    /**
     * alpha_c(rho) at T = 0: maximum over y of alpha(y) ({@link LearningZeroTemperatureEquations#loadAtY}),
     * by a scan and golden-section search; m = erf(y* / sqrt 2). At rho > 0 and alpha = 0 retrieval always
     * exists, so alpha_c > 0 for every rho. This is the largest load of the T = 0 state only: the RS retrieval
     * region is reentrant (see {@link #reentrantTemperature}) and extends to larger loads at T > 0.
     */
    public CriticalLoad criticalLoadZeroTemperature(LearningDataset data) {
        double rho = data.datasetEntropy();
        double yMax = rho > 0.0 ? 1.0 / Math.sqrt(rho) : 12.0;
        DoubleUnaryOperator a = y -> LearningZeroTemperatureEquations.loadAtY(data, y);
        int scan = 400;
        double best = 0.0;
        int bi = 0;
        for (int i = 1; i < scan; i++) {
            double v = a.applyAsDouble(yMax * i / scan);
            if (v > best) {
                best = v;
                bi = i;
            }
        }
        if (bi == 0) {
            return new CriticalLoad(Double.NaN, Double.NaN, Double.NaN, SolveStatus.NOT_CONVERGED,
                    "alpha(y) has no positive maximum");
        }
        double lo = yMax * (bi - 1) / scan;
        double hi = yMax * (bi + 1) / scan;
        double g = (Math.sqrt(5.0) - 1.0) / 2.0;
        while (hi - lo > 1e-10 * Math.max(1.0, hi)) {
            double u = hi - g * (hi - lo);
            double v = lo + g * (hi - lo);
            if (a.applyAsDouble(u) > a.applyAsDouble(v)) {
                hi = v;
            } else {
                lo = u;
            }
        }
        double ys = 0.5 * (lo + hi);
        double load = a.applyAsDouble(ys);
        // alpha'(y*) = 0: the bracket moves alpha only at second order
        double err = Math.max(Math.abs(a.applyAsDouble(lo) - load), Math.abs(a.applyAsDouble(hi) - load))
                + 8 * Math.ulp(load);
        return new CriticalLoad(load, LearningZeroTemperatureEquations.magnetizationAtY(ys), err, SolveStatus.CONVERGED,
                "max of alpha(y) at y* = " + ys + " (golden section)");
    }

    /**
     * Large-rho limit of alpha_c at T = 0 (derived; supervised, gamma = 1): with y = t/sqrt(rho), n ~ sqrt(2 rho/pi) t
     * and A^2 ~ rho^(-P), alpha(t) = (2/pi)^(P-1) (1/t^2 - 1) t^(2P-2)/(P-1)!, maximal at t^2 = (P-2)/(P-1):
     * alpha_c(infinity) = (2/pi)^(P-1) ((P-2)/(P-1))^(P-2) / ((P-1) (P-1)!). (The unsupervised limit, where gamma depends on rho at fixed r, is
     * not derived here.) Returns NaN for the unsupervised protocol.
     */
    public static double criticalLoadLargeEntropy(LearningDataset data) {
        if (data.mode() != org.saddle.theory.learning.LearningMode.SUPERVISED) {
            return Double.NaN;
        }
        int p = data.interactionOrder();
        return Math.pow(2.0 / Math.PI, p - 1) * Math.pow((p - 2.0) / (p - 1.0), p - 2) / ((p - 1) * data.factorialMinusOne());
    }

    /** The Parisi-free T = 0 retrieval parameter y: the largest root of alpha(y) = load, or NaN. */
    private double retrievalY(LearningDataset data, double load) {
        double rho = data.datasetEntropy();
        if (load == 0.0) {
            return rho > 0.0 ? 1.0 / Math.sqrt(rho) : Double.POSITIVE_INFINITY;
        }
        CriticalLoad ac = criticalLoadZeroTemperature(data);
        if (!(ac.load() >= load)) {
            return Double.NaN;
        }
        double ys = Math.sqrt(2.0) * org.hipparchus.special.Erf.erfInv(ac.m());
        double yMax = rho > 0.0 ? 1.0 / Math.sqrt(rho) : 60.0;
        BracketingRootFinder.Root r = roots.refine(y -> LearningZeroTemperatureEquations.loadAtY(data, y) - load, ys, yMax);
        return r.found() ? r.value() : Double.NaN;
    }

    // ------------------------------------------------------------------ branches at a point

    /**
     * All RS branches at (load, T): retrieval if it exists, spin glass if it exists (load > 0), paramagnet
     * (T >= T_0, where its entropy is non-negative; below T_0 it solves the equations but is unphysical, see
     * {@link #entropyCrisisTemperature}). Only converged solutions are listed, each with its status and residual.
     */
    public List<LearningSolution> solve(LearningDataset data, double load, double temperature) {
        check(load, temperature);
        List<LearningSolution> out = new ArrayList<>();
        SolveResult r = new RetrievalBranch(data, load).at(temperature);
        if (r != null) {
            out.add(solution(LearningPhase.RETRIEVAL, data, load, temperature, r));
        }
        SolveResult s = spinGlassState(data, load, temperature);
        if (s != null) {
            out.add(solution(LearningPhase.SPIN_GLASS, data, load, temperature, s));
        }
        if (temperature > 0.0 && (load == 0.0 || temperature >= paramagnetEntropyZero(data, load))) {
            SaddlePointEquations eq = equations(data, load, temperature);
            double[] x = {0.0, 1.0 / temperature};
            double[] fx = new double[2];
            eq.update(x, fx);
            double res = Math.max(Math.abs(fx[0] - x[0]), Math.abs(fx[1] - x[1]));
            SolveStatus st = res <= solver.tolerance() * Math.max(1.0, x[1]) ? SolveStatus.CONVERGED : SolveStatus.DIVERGED;
            out.add(solution(LearningPhase.PARAMAGNET, data, load, temperature, new SolveResult(x, res, 0, st)));
        }
        return out;
    }

    /** The retrieval solution at (load, T), or null if the branch does not exist there. */
    public LearningSolution retrieval(LearningDataset data, double load, double temperature) {
        check(load, temperature);
        SolveResult r = new RetrievalBranch(data, load).at(temperature);
        return r == null ? null : solution(LearningPhase.RETRIEVAL, data, load, temperature, r);
    }

    private static void check(double load, double temperature) {
        if (!(load >= 0.0) || Double.isInfinite(load) || !(temperature >= 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("need load >= 0 and temperature >= 0, got " + load + ", " + temperature);
        }
    }

    LearningSolution solution(LearningPhase phase, LearningDataset data, double load, double temperature,
            SolveResult res) {
        double[] x = res.solution();
        if (temperature == 0.0) {
            var eq = new LearningZeroTemperatureEquations(data, load);
            var p = eq.orderParameters(x);
            return new LearningSolution(phase, load, 0.0, p.m(), p.n(), 1.0, p.susceptibility(), eq.energy(x[0]),
                    eq.replicon(x[0]), res);
        }
        var eq = new LearningRSEquations(data, load, temperature, averages);
        var p = eq.orderParameters(x);
        return new LearningSolution(phase, load, temperature, p.m(), p.n(), p.q(), p.susceptibility(),
                eq.freeEnergy(x[0], x[1]), eq.replicon(x[0], x[1]), res);
    }

    // ------------------------------------------------------------------ spin glass

    private SolveResult spinGlassState(LearningDataset data, double load, double temperature) {
        if (load == 0.0) {
            return null;
        }
        double[] start = {spinGlassZeroC(data, load)};
        if (temperature == 0.0) {
            return expandGlass(data, load, 0.0, newton.solve(new PinnedEquations(equations(data, load, 0.0), 0, 0.0), start));
        }
        SolveResult r = spinGlassBranch(data, load).at(temperature);
        return r == null ? null : expandGlass(data, load, temperature, r);
    }

    /** The q &gt; 0 glass branch (m = n = 0 pinned) followed in T from its T = 0 state. */
    private TemperatureBranch spinGlassBranch(LearningDataset data, double load) {
        return TemperatureBranch.follow(load, t -> new PinnedEquations(equations(data, load, t), 0, 0.0), 0.0,
                new double[] {spinGlassZeroC(data, load)},
                new TemperatureBranch.Settings(arc, newton, "T_SG", "T_SG_low", -1, 0.0));
    }

    /** s of the T = 0 spin glass, sqrt(gamma alpha P / P!): the temperature scale of the glass. */
    private static double spinGlassScale(LearningDataset data, double load) {
        int p = data.interactionOrder();
        return Math.sqrt(data.loadFactor(load) * load * p / LearningDataset.factorial(p));
    }

    private static double spinGlassZeroC(LearningDataset data, double load) {
        return SQRT_2_OVER_PI / spinGlassScale(data, load);
    }

    private SolveResult expandGlass(LearningDataset data, double load, double temperature, SolveResult reduced) {
        double q = temperature == 0.0 ? 1.0 : 1.0 - reduced.component(0) * temperature;
        if (!reduced.converged() || !(q > ZERO_GLASS)) {
            return null;
        }
        return new SolveResult(new double[] {0.0, reduced.component(0)}, reduced.residual(), reduced.iterations(),
                reduced.status());
    }

    // ------------------------------------------------------------------ phase lines

    /** T_M(load): end (saddle-node) of the retrieval branch followed from T = 0. */
    public Boundary retrievalSpinodal(LearningDataset data, double load) {
        return new RetrievalBranch(data, load).spinodal();
    }

    /**
     * T_SG(load): end of the RS spin-glass branch (its saddle-node in T; for P >= 3 the q > 0 solution
     * appears discontinuously), located like T_M with C as branch parameter.
     */
    public Boundary spinGlassSpinodal(LearningDataset data, double load) {
        if (load == 0.0) {
            return new Boundary("T_SG", load, Double.NaN, Double.NaN, false, "no spin glass at load 0");
        }
        Boundary b = spinGlassBranch(data, load).spinodal();
        return b.exists() ? new Boundary("T_SG", load, b.temperature(), b.error(), true, "saddle-node of the q > 0 branch")
                : Boundary.absent("T_SG", load, "spin-glass branch: " + b.status());
    }

    /**
     * T_0(load): where the entropy of the paramagnet, s_P = ln 2 - gamma alpha beta^2/(2 P!) (from
     * f_P = -T ln 2 - gamma alpha beta/(2 P!)), vanishes: T_0 = sqrt(gamma alpha/(2 P! ln 2)). Below T_0 the
     * ergodic RS state is unphysical (negative entropy) and the m = 0 phase is glassy; under RS the q > 0
     * spin-glass branch is never below the paramagnet in free energy for P >= 3 (checked numerically, see
     * tests), so this entropy crisis is the RS marker of the glass transition (random first-order, as in
     * Gardner's P-spin model; the 1RSB static transition lies slightly above it).
     */
    public Boundary entropyCrisisTemperature(LearningDataset data, double load) {
        if (load == 0.0) {
            return new Boundary("T_0", load, Double.NaN, Double.NaN, false, "load 0: paramagnet entropy ln 2 > 0");
        }
        double t = paramagnetEntropyZero(data, load);
        return new Boundary("T_0", load, t, 4 * Math.ulp(t), true, "closed form sqrt(gamma alpha/(2 P! ln 2))");
    }

    private static double paramagnetEntropyZero(LearningDataset data, double load) {
        int p = data.interactionOrder();
        return Math.sqrt(data.loadFactor(load) * load / (2.0 * LearningDataset.factorial(p) * Math.log(2.0)));
    }

    /**
     * T_R(load): lower end of the retrieval branch where it does not reach T = 0 (load above alpha_c(rho) at
     * T = 0): the RS retrieval region of P >= 3 is reentrant, since the noise variance gamma alpha P q^(P-1)/P!
     * shrinks as thermal fluctuations lower q. Absent where the branch reaches T = 0.
     */
    public Boundary reentrantTemperature(LearningDataset data, double load) {
        return new RetrievalBranch(data, load).reentrant();
    }

    /** T_c(load): where the retrieval free energy crosses the lowest m = 0 one (spin glass or paramagnet). */
    public Boundary firstOrderTemperature(LearningDataset data, double load) {
        return new RetrievalBranch(data, load).firstOrder();
    }

    /** T_AT(load): where the replicon of the retrieval branch crosses 0 (absent at load 0). */
    public Boundary atTemperature(LearningDataset data, double load) {
        return new RetrievalBranch(data, load).almeidaThouless();
    }

    /**
     * The 1RSB glass lines T_d, T_s and T_G at one load: those of the dense glass at the effective load gamma alpha
     * ({@link OneStepGlass}; the n = 0 phase of learning is that glass). Absent at load 0.
     */
    public List<Boundary> glassLines(LearningDataset data, double load) {
        check(load, 0.0);
        return OneStepGlass.of(data.interactionOrder()).lines(load, data.loadFactor(load) * load);
    }

    /** The lines T_M, T_R, T_c, T_c_low, T_AT, T_SG, T_0, T_d, T_s, T_G on a grid of loads (each retrieval branch followed once per load). */
    public LearningPhaseLines phaseLines(LearningDataset data, double[] loads) {
        List<Boundary> mm = new ArrayList<>();
        List<Boundary> c = new ArrayList<>();
        List<Boundary> at = new ArrayList<>();
        List<Boundary> sg = new ArrayList<>();
        List<Boundary> g = new ArrayList<>();
        List<Boundary> re = new ArrayList<>();
        List<Boundary> low = new ArrayList<>();
        List<Boundary> td = new ArrayList<>();
        List<Boundary> ts = new ArrayList<>();
        List<Boundary> tg = new ArrayList<>();
        for (double load : loads) {
            RetrievalBranch b = new RetrievalBranch(data, load);
            mm.add(b.spinodal());
            re.add(b.reentrant());
            Boundary[] first = b.firstOrderLines();
            c.add(first[0]);
            low.add(first[1]);
            at.add(b.almeidaThouless());
            sg.add(spinGlassSpinodal(data, load));
            g.add(entropyCrisisTemperature(data, load));
            List<Boundary> glass = glassLines(data, load);
            td.add(glass.get(0));
            ts.add(glass.get(1));
            tg.add(glass.get(2));
        }
        return new LearningPhaseLines(mm, re, c, low, at, sg, g, td, ts, tg);
    }

    // ------------------------------------------------------------------ learning thresholds

    /**
     * Learning threshold at T = 0: the largest dataset entropy rho_c with a retrieval (learning) solution at
     * {@code load}, i.e. alpha_c(rho_c) = load (Brent in rho). At load 0 there is no threshold (m = erf(1/sqrt(2 rho))
     * > 0 for every rho). For the unsupervised protocol the quality r is kept fixed (M varies).
     */
    public Threshold learningThresholdZeroTemperature(LearningDataset data, double load) {
        if (load == 0.0) {
            return Threshold.absent(data, load, 0.0, "load 0: the archetype is learnt for every rho (m = erf(1/sqrt(2 rho)))");
        }
        DoubleUnaryOperator f = rho -> criticalLoadZeroTemperature(data.withDatasetEntropy(rho)).load() - load;
        return threshold(data, load, 0.0, f);
    }

    /**
     * Learning threshold at T > 0: the rho_c where the learning state stops existing at (load, T), i.e. where T
     * leaves the interval (T_R, T_M) of the retrieval branch (Brent in rho).
     */
    public Threshold learningThreshold(LearningDataset data, double load, double temperature) {
        if (temperature == 0.0) {
            return learningThresholdZeroTemperature(data, load);
        }
        DoubleUnaryOperator f = rho -> { // > 0 iff T_R < T < T_M (a learning state exists at T)
            RetrievalBranch b = new RetrievalBranch(data.withDatasetEntropy(rho), load);
            Boundary top = b.spinodal();
            if (!top.exists()) {
                return -temperature;
            }
            Boundary bottom = b.reentrant();
            return Math.min(top.temperature() - temperature, bottom.exists() ? temperature - bottom.temperature() : temperature);
        };
        return threshold(data, load, temperature, f);
    }

    private Threshold threshold(LearningDataset data, double load, double temperature, DoubleUnaryOperator f) {
        double f0 = f.applyAsDouble(0.0);
        if (!(f0 > 0.0)) {
            return Threshold.absent(data, load, temperature, "no learning even at rho = 0 (pure storage of the archetypes)");
        }
        double hi = 0.05;
        while (f.applyAsDouble(hi) > 0.0) {
            hi *= 2.0;
            if (hi > MAX_ENTROPY) {
                return Threshold.absent(data, load, temperature, "retrieval branch exists up to rho = " + MAX_ENTROPY
                        + ": below alpha_c(rho -> infinity) = " + criticalLoadLargeEntropy(data)
                        + " (T = 0) the network retrieves the empirical archetype for any rho, with m -> 0 as rho grows");
            }
        }
        BracketingRootFinder.Root r = new BracketingRootFinder(1e-10, 200).refine(f, hi / 2.0 > 0.05 ? hi / 2.0 : 0.0, hi);
        if (!r.found()) {
            return Threshold.absent(data, load, temperature, r.message());
        }
        return new Threshold(load, temperature, r.value(), r.error(), Double.isNaN(data.quality()) ? Double.NaN
                : data.withDatasetEntropy(r.value()).examples(), true, "largest rho with a retrieval solution; " + r.message());
    }

    /**
     * A learning threshold.
     *
     * @param load alpha
     * @param temperature T
     * @param datasetEntropy rho_c (NaN if absent)
     * @param error numerical error of rho_c
     * @param examples M_c = (1 - r^2)/(rho_c r^2) (NaN without r)
     * @param exists whether located
     * @param status how, or why not
     */
    public record Threshold(double load, double temperature, double datasetEntropy, double error, double examples,
            boolean exists, String status) {
        static Threshold absent(LearningDataset data, double load, double temperature, String why) {
            return new Threshold(load, temperature, Double.NaN, Double.NaN, Double.NaN, false, why);
        }
    }

    // ------------------------------------------------------------------ retrieval branch

    /** The retrieval branch at one load: anchored at T = 0, followed in T, with its fold. */
    private final class RetrievalBranch {
        final LearningDataset data;
        final double load;
        final TemperatureBranch branch;

        RetrievalBranch(LearningDataset data, double load) {
            this.data = data;
            this.load = load;
            DoubleFunction<SaddlePointEquations> family = t -> equations(data, load, t);
            TemperatureBranch.Settings settings = new TemperatureBranch.Settings(arc, newton, "T_M", "T_R", 0, ZERO_OVERLAP);
            double y = retrievalY(data, load);
            SolveResult z = null;
            if (Double.isFinite(y)) {
                z = newton.solve(equations(data, load, 0.0), LearningZeroTemperatureEquations.stateAtY(data, y));
            } else if (y == Double.POSITIVE_INFINITY) { // rho = 0, load 0: m = n = 1, C = 0
                z = newton.solve(equations(data, load, 0.0), new double[] {1.0, 0.0});
            }
            if (z != null && z.converged() && z.component(0) > ZERO_OVERLAP) {
                branch = TemperatureBranch.follow(load, family, 0.0, z.solution(), settings);
                return;
            }
            // no T = 0 state: the RS retrieval region of P >= 3 networks is reentrant (the noise ~ q^(P-1) shrinks
            // as T grows), so scan T downward for a retrieval state at T > 0 (1.5 g(1 + sqrt(rho)) bounds T_M)
            double top = 1.5 * data.fieldMean(1.0 + Math.sqrt(data.datasetEntropy()));
            double[] anchor = TemperatureBranch.scanDown(family, new double[] {1.0 + Math.sqrt(data.datasetEntropy()), 1.0},
                    top, 40, 0, 0.05, solver);
            branch = anchor == null
                    ? TemperatureBranch.none(load, settings, "no retrieval solution at any T (T = 0 and a scan of T > 0)")
                    : TemperatureBranch.follow(load, family, anchor[0], new double[] {anchor[1], anchor[2]}, settings);
        }

        SolveResult at(double t) {
            return branch.at(t);
        }

        /** T_R: lower end of a reentrant branch (absent where the branch reaches T = 0). */
        Boundary reentrant() {
            return branch.lowerEnd();
        }

        /** T_M: the upper turning point. */
        Boundary spinodal() {
            return branch.spinodal();
        }

        /**
         * Free energy of the n = 0 phase at T: the 1RSB glass of the effective load gamma alpha ({@link OneStepGlass}:
         * the paramagnet above its static temperature T_s, the 1RSB P-spin glass below; as in DenseSolver).
         */
        double glassyFreeEnergy(double t) {
            double effective = data.loadFactor(load) * load;
            if (effective == 0.0) {
                return t == 0.0 ? Double.POSITIVE_INFINITY : -t * Math.log(2.0);
            }
            return OneStepGlass.of(data.interactionOrder()).at(effective, t).freeEnergy();
        }

        /** {T_c, T_c_low} against the 1RSB glass (shared with DenseSolver: {@link FirstOrderLines}). */
        Boundary[] firstOrderLines() {
            Boundary sp = spinodal();
            if (!sp.exists()) {
                Boundary none = Boundary.absent("T_c", load, "no retrieval branch: " + sp.status());
                return new Boundary[] {none, Boundary.absent("T_c_low", load, none.status())};
            }
            DoubleUnaryOperator retrieval = t -> {
                SolveResult r = at(t);
                return r == null ? Double.NaN : solution(LearningPhase.RETRIEVAL, data, load, t, r).freeEnergy();
            };
            double top = sp.temperature() * (1.0 - 1e-9);
            double bottom = branch.bottom();
            if (Double.isNaN(bottom)) {
                Boundary none = Boundary.absent("T_c", load, "reentrant branch without a located lower end: "
                        + branch.lowerEnd().status());
                return new Boundary[] {none, Boundary.absent("T_c_low", load, none.status())};
            }
            double low = bottom > 0.0 ? bottom * (1.0 + 1e-9) : load == 0.0 ? 1e-3 * top : 0.0;
            return FirstOrderLines.of(load, retrieval, this::glassyFreeEnergy, low, top, CROSSING);
        }

        Boundary firstOrder() {
            return firstOrderLines()[0];
        }

        Boundary almeidaThouless() {
            Boundary sp = spinodal();
            if (!sp.exists()) {
                return Boundary.absent("T_AT", load, "no retrieval branch: " + sp.status());
            }
            if (load == 0.0) {
                return Boundary.absent("T_AT", load, "load 0: replicon = 1, RS stable");
            }
            Boundary at = branch.rootBelowSpinodal("T_AT",
                    t -> solution(LearningPhase.RETRIEVAL, data, load, t, at(t)).replicon(), 1e-9);
            return at.exists() ? new Boundary("T_AT", load, at.temperature(), at.error(), true, "replicon = 0; Brent in ln T")
                    : Boundary.absent("T_AT", load, "replicon does not change sign on the retrieval branch: " + at.status());
        }
    }
}
