package org.saddle.solver.dense;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import org.saddle.solver.Boundary;
import org.saddle.solver.BracketingRootFinder;
import org.saddle.solver.GaussLegendre;
import org.saddle.solver.SolveStatus;
import org.saddle.theory.LocalFieldAverages;
import org.saddle.theory.OneStepAverages;
import org.saddle.theory.dense.DenseHebbianModel;
import org.saddle.theory.dense.DenseOneStepRSBEquations;
import org.saddle.theory.dense.DenseOneStepZeroTemperatureEquations;

/**
 * The spin-glass phase of the dense P-body network (no condensed pattern, m = 0) under one-step RSB.
 *
 * <p>At m = 0 the replica free energy of {@link DenseOneStepRSBEquations} is that of the Ising P-spin glass
 * H = -sum_{i1 &lt; .. &lt; iP} J_{i1..iP} s_i1 .. s_iP with Gaussian couplings of variance J^2 P! / (2 N^(P-1))
 * (Gardner, Nucl. Phys. B 257, 747 (1985)) at
 * <pre>
 *   J^2 = 2 alpha / P!
 * </pre>
 * (derived: the paramagnet -T ln 2 - alpha/(2 P! T) of {@link DenseHebbianModel} is the P-spin's -T ln 2 - J^2/(4T),
 * and the field variance v(q) = alpha P q^(P-1)/P! is the P-spin's J^2 P q^(P-1)/2, so the RS and 1RSB functionals
 * coincide term by term). The glass is linear in J, f(T; alpha) = J f_1(T/J), so everything is computed once per P
 * at J = 1 (load P!/2) and scaled. Dense Hebbian learning at archetype overlap n = 0 is the same glass at the
 * effective load gamma alpha (the noise of {@code LearningRSEquations}).
 *
 * <p>With m = q0 = 0 the 1RSB equations reduce to one order parameter: q1 = &lt;w tanh^2 beta h&gt;, h = sqrt(v(q1)) z,
 * w = (2cosh beta h)^x / &lt;(2cosh beta h)^x&gt;, and the Parisi stationarity in x. The inner Gaussian average is a
 * composite Gauss-Legendre rule graded toward the kink of tanh(beta h) at z = 0 (Gauss-Hermite misses it by ~1e-3
 * in f at T = 0.05 J); where beta sqrt(v(q1)) &gt; 1, {@link OneStepAverages} splits the average at the kink itself, and
 * the graded rule serves the replicon's sech^4 average.
 *
 * <p>Lines (in units of J, then times J(alpha)): the dynamical temperature T_d, the largest T where the x = 1
 * equation has a solution q1 &gt; 0 (a fold in T), and the static (Kauzmann) temperature T_s &lt; T_d where the Parisi
 * stationarity holds at x = 1; below T_s the glass has x &lt; 1 and a free energy above the RS paramagnet's, which it
 * replaces (the paramagnet's entropy turns negative only at T_0 = J/(2 sqrt(ln 2)) &lt; T_s). Published check: for
 * P = 3, T_d = 0.682 J and T_s = 0.651 J (Montanari and Ricci-Tersenghi, Eur. Phys. J. B 33, 339 (2003)); as P
 * grows T_s tends to the random-energy-model value T_0 (Derrida 1981; Gross and Mezard 1984).
 */
public final class OneStepGlass {

    private static final Map<Integer, OneStepGlass> CACHE = new ConcurrentHashMap<>();
    private static final double GOLDEN = (Math.sqrt(5.0) - 1.0) / 2.0;
    private static final int TABLE = 40;
    private static final double INNER_RANGE = 14.0;

    private final DenseHebbianModel model;
    private final double unitLoad;
    private final double width;
    private final double dynamical;
    private final double kauzmann;
    private final double kauzmannError;
    private final String failure;
    private final double[] nodes = new double[TABLE];
    private final double[] table = new double[TABLE];
    private final double[] parisi = new double[TABLE];
    private final double tableError;
    private final double groundState;

    /** The glass of P (computed once per P: about a second). */
    public static OneStepGlass of(int interactionOrder) {
        return CACHE.computeIfAbsent(interactionOrder, p -> new OneStepGlass(new DenseHebbianModel(p)));
    }

    private OneStepGlass(DenseHebbianModel model) {
        if (model.interactionOrder() < 3) {
            throw new IllegalArgumentException("the 1RSB glass is for P >= 3, got " + model.interactionOrder());
        }
        this.model = model;
        this.unitLoad = model.factorial() / 2.0;
        this.width = Math.sqrt(model.noiseVariance(unitLoad, 1.0));
        String why = null;
        double td = dynamicalFold();
        double ts = Double.NaN;
        double tsError = Double.NaN;
        if (Double.isNaN(td)) {
            why = "T_d: no fold of the x = 1 glass branch in T";
        } else {
            BracketingRootFinder.Root root = new BracketingRootFinder(1e-12, 200)
                    .find(t -> stationarity(t, 1.0, selfOverlap(t, 1.0)), 0.9 * entropyCrisis(), td * (1.0 - 1e-6),
                            20, true);
            if (root.found()) {
                ts = root.value();
                tsError = Math.max(root.error(), 1e-10); // plus the 1e-13 tolerance of q1 in the stationarity
            } else {
                why = "T_s: " + root.message();
            }
        }
        this.dynamical = td;
        this.kauzmann = ts;
        this.kauzmannError = tsError;
        this.groundState = why == null ? zeroTemperatureEnergy() : Double.NaN;
        double err = Double.NaN;
        if (why == null) {
            // Chebyshev nodes of the first kind on (0, T_s); f_1 is analytic there (x, q1 smooth below T_s)
            for (int k = 0; k < TABLE; k++) {
                double c = Math.cos(Math.PI * (k + 0.5) / TABLE);
                nodes[k] = 0.5 * ts * (1.0 - c);
                double x = stationaryParisi(nodes[k]);
                parisi[k] = x;
                table[k] = Double.isNaN(x) ? Double.NaN : freeEnergy(nodes[k], x, selfOverlap(nodes[k], x));
                if (!Double.isFinite(table[k])) {
                    why = "1RSB glass not solved at T = " + nodes[k] + " J";
                    break;
                }
            }
        }
        if (why == null) {
            // error of the interpolant: its value at T = 0 against the separate T = 0 (mu = beta x) equations
            err = Math.abs(interpolate(table, 0.0) - groundState);
        }
        this.failure = why;
        this.tableError = err;
    }

    /** J(alpha) = sqrt(2 alpha / P!), the P-spin coupling scale of the glass at load alpha. */
    public double couplingScale(double load) {
        return Math.sqrt(load / unitLoad);
    }

    /** T_0 / J = 1/(2 sqrt(ln 2)): where the RS paramagnet's entropy ln 2 - J^2/(4 T^2) vanishes. */
    public static double entropyCrisis() {
        return 0.5 / Math.sqrt(Math.log(2.0));
    }

    /** T_d / J (NaN where not located, see {@link #failure()}). */
    public double dynamicalTemperature() {
        return dynamical;
    }

    /** T_s / J (NaN where not located). */
    public double staticTemperature() {
        return kauzmann;
    }

    /** Error bound of T_s / J. */
    public double staticTemperatureError() {
        return kauzmannError;
    }

    /** 1RSB ground-state energy per neuron at J = 1 (the T = 0 equations, mu = beta x optimized). */
    public double groundStateEnergy() {
        return groundState;
    }

    /** |interpolated f_1(0) - ground-state energy|: the accuracy of the tabulated glass free energy. */
    public double tableError() {
        return tableError;
    }

    /** Why the glass could not be solved, or null. */
    public String failure() {
        return failure;
    }

    /**
     * The glass at (load, T): for T &gt;= T_s the paramagnet (the 1RSB functional at x = 1 is the paramagnet's for every
     * q1), below it the 1RSB glass with the stationary Parisi parameter (interpolated from a table in T/J).
     */
    public Glass at(double load, double temperature) {
        if (!(load > 0.0) || !(temperature >= 0.0) || Double.isInfinite(load) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("need load > 0 and 0 <= T < inf, got " + load + ", " + temperature);
        }
        double j = couplingScale(load);
        double t = temperature / j;
        if (failure != null) {
            return new Glass(load, temperature, Double.NaN, Double.NaN, SolveStatus.NOT_CONVERGED, failure);
        }
        if (t >= kauzmann) {
            return new Glass(load, temperature, j * (-t * Math.log(2.0) - 0.25 / t), 1.0, SolveStatus.CONVERGED,
                    "paramagnet (T >= T_s = " + kauzmann * j + ")");
        }
        return new Glass(load, temperature, j * interpolate(table, t), interpolate(parisi, t), SolveStatus.CONVERGED,
                "1RSB glass, Chebyshev table in T/J (error " + tableError * j + ")");
    }

    /**
     * The lines T_d, T_s and T_G at a load whose glass has the effective load {@code effectiveLoad} (the load itself for
     * the dense network, gamma alpha for dense Hebbian learning): T = tau(P) J, J = sqrt(2 effectiveLoad / P!).
     */
    public List<Boundary> lines(double load, double effectiveLoad) {
        if (!(effectiveLoad > 0.0) || failure != null) {
            String why = effectiveLoad == 0.0 ? "load 0: no glass" : failure != null ? failure
                    : "effective load " + effectiveLoad;
            return List.of(Boundary.absent("T_d", load, why), Boundary.absent("T_s", load, why),
                    Boundary.absent("T_G", load, why));
        }
        double j = couplingScale(effectiveLoad);
        return List.of(
                new Boundary("T_d", load, j * dynamical, j * 1e-10, true,
                        "fold of the x = 1 glass solution (1RSB P-spin glass, J = " + j + ")"),
                new Boundary("T_s", load, j * kauzmann, j * kauzmannError, true,
                        "Parisi stationarity at x = 1 (1RSB static transition, J = " + j + ")"),
                gardnerFailure() == null
                        ? new Boundary("T_G", load, j * gardnerTemperature(), j * gardnerTemperatureError(), true,
                                "replicon of the 1RSB glass = 0 (Gardner transition; full RSB below)")
                        : Boundary.absent("T_G", load, gardnerFailure()));
    }

    /**
     * The 1RSB glass at one point.
     *
     * @param load alpha
     * @param temperature T
     * @param freeEnergy free energy per neuron (NaN when not solved)
     * @param parisiParameter x (1 in the paramagnet)
     * @param status CONVERGED or NOT_CONVERGED
     * @param message how it was found
     */
    public record Glass(double load, double temperature, double freeEnergy, double parisiParameter, SolveStatus status,
            String message) {
        /** Converged with a finite free energy. */
        public boolean converged() {
            return status == SolveStatus.CONVERGED && Double.isFinite(freeEnergy);
        }
    }

    // ------------------------------------------------------------------ the m = q0 = 0 equations at J = 1

    private DenseOneStepRSBEquations equations(double t, double x) {
        double[][] rule = rule(t);
        OneStepAverages averages = new OneStepAverages(rule[0], rule[1], new GaussLegendre(16, 8));
        return new DenseOneStepRSBEquations(model, unitLoad, t, x, averages);
    }

    /** The last rule built and its temperature (the solves at one T reuse it; only used under construction or lock). */
    private double ruleTemperature = Double.NaN;
    private double[][] lastRule;

    /** Inner rule graded toward the kink of tanh(h / t) at z = 0: panels of width ~t/width there, growing to 1/2. */
    private double[][] rule(double t) {
        if (t != ruleTemperature) {
            lastRule = buildRule(t);
            ruleTemperature = t;
        }
        return lastRule;
    }

    private double[][] buildRule(double t) {
        double first = Math.min(0.25, 0.25 * t / width);
        int graded = 0;
        for (double e = first; e < 1.0; e *= 2.0) {
            graded++;
        }
        int uniform = (int) Math.ceil((INNER_RANGE - 1.0) / 0.5);
        double[] half = new double[graded + uniform + 2];
        half[0] = 0.0;
        double e = first;
        for (int k = 1; k <= graded; k++, e *= 2.0) {
            half[k] = e;
        }
        half[graded + 1] = 1.0;
        for (int k = 1; k <= uniform; k++) {
            half[graded + 1 + k] = Math.min(INNER_RANGE, 1.0 + 0.5 * k);
        }
        double[] edges = new double[2 * half.length - 1];
        for (int k = 0; k < half.length; k++) {
            edges[half.length - 1 - k] = -half[k];
            edges[half.length - 1 + k] = half[k];
        }
        return GaussLegendre.gaussianMeasureRule(edges, 8);
    }

    /** q1 solving q1 = &lt;w tanh^2&gt; from q1 = 1 (the glass branch), or NaN (fell to the paramagnet / no convergence). */
    private double selfOverlap(double t, double x) {
        DenseOneStepRSBEquations eq = equations(t, x);
        double[] s = {0.0, 0.0, 1.0 - 1e-12};
        double[] next = new double[3];
        for (int it = 0; it < 20000; it++) {
            eq.update(s, next);
            double q = next[2];
            if (Math.abs(q - s[2]) < 1e-13) {
                return q > 1e-3 ? q : Double.NaN;
            }
            s[2] = q;
        }
        return Double.NaN;
    }

    private double stationarity(double t, double x, double q1) {
        return Double.isNaN(q1) ? Double.NaN : equations(t, x).parisiStationarity(new double[] {0.0, 0.0, q1});
    }

    private double freeEnergy(double t, double x, double q1) {
        return equations(t, x).freeEnergy(new double[] {0.0, 0.0, q1});
    }

    /** The stationary x at T &lt; T_s: the Parisi stationarity is negative at x = 1 and changes sign below. */
    private double stationaryParisi(double t) {
        DoubleUnaryOperator phi = x -> stationarity(t, x, selfOverlap(t, x));
        // x* lies below T/T_s (x* = T/T_0 &lt; T/T_s in the REM limit); a larger x shifts the inner weight
        // (2cosh beta h)^x by beta x sqrt(v) standard deviations, beyond the inner rule at low T
        double hi = Math.min(1.0, 3.0 * t / kauzmann);
        double fHi = phi.applyAsDouble(hi);
        while (fHi > 0.0 && hi < 1.0) {
            hi = Math.min(1.0, 2.0 * hi);
            fHi = phi.applyAsDouble(hi);
        }
        if (!(fHi < 0.0)) {
            return Double.NaN;
        }
        // march down in x until the stationarity turns positive; where q1 has no glass solution (small x near T_s,
        // where the x -> 0 limit is the RS glass, which has none), bisect back toward the last valid x
        double lo = hi;
        double fLo = fHi;
        while (fLo < 0.0 && lo > 1e-7) {
            double trial = 0.7 * lo;
            double fTrial = phi.applyAsDouble(trial);
            for (int k = 0; k < 40 && Double.isNaN(fTrial); k++) {
                trial = 0.5 * (trial + lo);
                fTrial = phi.applyAsDouble(trial);
            }
            if (Double.isNaN(fTrial) || trial == lo) {
                return Double.NaN;
            }
            hi = lo;
            fHi = fLo;
            lo = trial;
            fLo = fTrial;
        }
        if (!(fLo > 0.0)) {
            return Double.NaN;
        }
        BracketingRootFinder.Root r = new BracketingRootFinder(1e-13, 200).refine(phi, lo, hi);
        return r.found() ? r.value() : Double.NaN;
    }

    /**
     * The replicon of the 1RSB glass inside a state (Gardner 1985): lambda = 1 - beta^2 (P(P-1)/2) q1^(P-2)
     * &lt;w sech^4 beta h&gt;, the RS replicon of {@code DenseRSEquations} at J = 1 with the average taken with the
     * cluster weight w = (2cosh beta h)^x / &lt;(2cosh beta h)^x&gt;, h = sqrt(v(q1)) z. Negative: the 1RSB glass is
     * unstable toward further breaking (the Gardner transition).
     */
    double replicon(double t, double x, double q1) {
        if (Double.isNaN(x) || Double.isNaN(q1)) {
            return Double.NaN;
        }
        double[][] rule = rule(t);
        double beta = 1.0 / t;
        double sd = Math.sqrt(model.noiseVariance(unitLoad, q1));
        double z = 0.0;
        double zs = 0.0;
        for (int i = 0; i < rule[0].length; i++) {
            double h = beta * sd * rule[0][i];
            double w = rule[1][i] * Math.exp(x * (LocalFieldAverages.logTwoCosh(h) - Math.log(2.0)));
            double sech2 = 1.0 / (Math.cosh(h) * Math.cosh(h));
            z += w;
            zs += w * sech2 * sech2;
        }
        int p = model.interactionOrder();
        return 1.0 - beta * beta * p * (p - 1) / 2.0 * Math.pow(q1, p - 2) * zs / z;
    }

    private double gardner = Double.NaN;
    private double gardnerError = Double.NaN;
    private String gardnerFailure;

    /**
     * T_G / J, the Gardner temperature: where the replicon of the 1RSB glass ({@link #repliconAt}) vanishes; below it
     * the 1RSB glass is unstable (full RSB). Published check: T_G = 0.24 J for P = 3 (Gardner 1985; Montanari and
     * Ricci-Tersenghi 2003). NaN where not located ({@link #gardnerFailure()}). Computed on first use (seconds).
     */
    public synchronized double gardnerTemperature() {
        if (Double.isNaN(gardner) && gardnerFailure == null) {
            if (failure != null) {
                gardnerFailure = failure;
            } else {
                BracketingRootFinder.Root r = new BracketingRootFinder(1e-9, 100)
                        .find(this::repliconAt, 2e-3, 0.999 * kauzmann, 40, true);
                if (r.found()) {
                    gardner = r.value();
                    gardnerError = Math.max(r.error(), 1e-9);
                } else {
                    gardnerFailure = "replicon of the 1RSB glass does not change sign on [0.002, T_s] J: " + r.message();
                }
            }
        }
        return gardner;
    }

    /** Error of T_G / J. */
    public synchronized double gardnerTemperatureError() {
        gardnerTemperature();
        return gardnerError;
    }

    /** Why T_G was not located, or null. */
    public synchronized String gardnerFailure() {
        gardnerTemperature();
        return gardnerFailure;
    }

    /** The replicon of the 1RSB glass at T/J = t &lt; T_s/J (x stationary). */
    public synchronized double repliconAt(double t) {
        double x = stationaryParisi(t);
        return replicon(t, x, Double.isNaN(x) ? Double.NaN : selfOverlap(t, x));
    }

    /** T_d: max over q1 of T*(q1), the T at which q1 solves the x = 1 equation (golden section in q1, Brent in T). */
    private double dynamicalFold() {
        BracketingRootFinder inT = new BracketingRootFinder(1e-13, 200);
        double[] next = new double[3];
        DoubleUnaryOperator temperatureAt = q1 -> {
            BracketingRootFinder.Root r = inT.find(t -> {
                equations(t, 1.0).update(new double[] {0.0, 0.0, q1}, next);
                return q1 - next[2];
            }, 0.05, 5.0, 50, true);
            return r.found() ? r.value() : Double.NaN;
        };
        double lo = 0.05;
        double hi = 0.999;
        double a = hi - GOLDEN * (hi - lo);
        double b = lo + GOLDEN * (hi - lo);
        double ta = temperatureAt.applyAsDouble(a);
        double tb = temperatureAt.applyAsDouble(b);
        while (hi - lo > 1e-7) {
            if (Double.isNaN(ta) || Double.isNaN(tb)) {
                return Double.NaN;
            }
            if (ta > tb) {
                hi = b;
                b = a;
                tb = ta;
                a = hi - GOLDEN * (hi - lo);
                ta = temperatureAt.applyAsDouble(a);
            } else {
                lo = a;
                a = b;
                ta = tb;
                b = lo + GOLDEN * (hi - lo);
                tb = temperatureAt.applyAsDouble(b);
            }
        }
        return lo > 0.06 && hi < 0.998 ? Math.max(ta, tb) : Double.NaN;
    }

    /** The T = 0 1RSB glass energy at J = 1: the mu = beta x equations at m = q0 = 0, mu stationary. */
    private double zeroTemperatureEnergy() {
        double[][] rule = GaussLegendre.gaussianMeasureRule(new double[] {-INNER_RANGE, -1, 0, 1, INNER_RANGE}, 48);
        OneStepAverages averages = new OneStepAverages(rule[0], rule[1], new GaussLegendre(16, 8));
        DoubleUnaryOperator stationarity = g -> new DenseOneStepZeroTemperatureEquations(model, unitLoad, g / width,
                averages).parisiStationarity(new double[] {0.0, 0.0});
        BracketingRootFinder.Root r = new BracketingRootFinder(1e-13, 200).find(stationarity, 0.01, 20.0, 60, false);
        if (!r.found()) {
            return Double.NaN;
        }
        return new DenseOneStepZeroTemperatureEquations(model, unitLoad, r.value() / width, averages)
                .freeEnergy(new double[] {0.0, 0.0});
    }

    /** Barycentric interpolation on the Chebyshev nodes of the first kind. */
    private double interpolate(double[] values, double t) {
        double num = 0.0;
        double den = 0.0;
        for (int k = 0; k < TABLE; k++) {
            double d = t - nodes[k];
            if (d == 0.0) {
                return values[k];
            }
            double w = ((k & 1) == 0 ? 1.0 : -1.0) * Math.sin(Math.PI * (k + 0.5) / TABLE) / d;
            num += w * values[k];
            den += w;
        }
        return num / den;
    }
}
