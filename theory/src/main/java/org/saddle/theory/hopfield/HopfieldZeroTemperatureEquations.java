package org.saddle.theory.hopfield;

import java.util.List;
import org.hipparchus.special.Erf;
import org.saddle.theory.LocalFieldAverages;
import org.saddle.theory.SaddlePointEquations;

/**
 * T = 0 limit of the RS Hopfield equations as equations of their own (AGS 1987; PHYSICS.md sec 1):
 * with C = beta(1-q) finite as beta -> infinity,
 * <pre>
 *   m = erf(m / sqrt(2 alpha r)),  C = sqrt(2/(pi alpha r)) exp(-m^2/(2 alpha r)),  r = 1/(1-C)^2.
 * </pre>
 * State vector x = (m, C, r), the same as {@link HopfieldRSEquations}. Also holds the ground-state
 * energy, the T -> 0 form of the AT condition and the critical-load equation in y = m/sqrt(2 alpha r).
 */
public final class HopfieldZeroTemperatureEquations implements SaddlePointEquations {

    private static final List<String> NAMES = List.of("m", "C", "r");
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    private final double load;

    /** @param load alpha >= 0 */
    public HopfieldZeroTemperatureEquations(double load) {
        if (!(load >= 0.0) || Double.isInfinite(load)) {
            throw new IllegalArgumentException("need load >= 0, got " + load);
        }
        this.load = load;
    }

    /** Load alpha. */
    public double load() {
        return load;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public List<String> componentNames() {
        return NAMES;
    }

    @Override
    public void update(double[] x, double[] next) {
        double m = x[0];
        double c = x[1];
        double sd = Math.sqrt(load * x[2]);
        next[0] = LocalFieldAverages.signAverage(m, sd);         // m = erf(m / sqrt(2 alpha r))
        next[1] = 2.0 * LocalFieldAverages.densityAtZero(m, sd); // C = sqrt(2/(pi alpha r)) e^{-m^2/(2 alpha r)}
        next[2] = 1.0 / ((1.0 - c) * (1.0 - c));                 // r = 1/(1-C)^2
    }

    /** Physical domain: r >= 0, C >= 0, 1 - C > 0. */
    @Override
    public boolean isValid(double[] x) {
        return SaddlePointEquations.super.isValid(x) && x[2] >= 0.0 && x[1] >= 0.0 && 1.0 - x[1] > 0.0;
    }

    /** Order parameters of a state (m, C, r). */
    public HopfieldZeroTemperature orderParameters(double[] x) {
        return new HopfieldZeroTemperature(x[0], x[1], x[2]);
    }

    /**
     * Ground-state energy per neuron as a function of independent (m, C, r). Derived as the
     * beta -> infinity limit of the RS free energy f (PHYSICS.md sec 1) at fixed C = beta(1-q):
     * (alpha/2beta) ln(1-C) -> 0, -(alpha/2) q/(1-C) -> -alpha/(2(1-C)), (alpha beta r/2)(1-q) = alpha r C/2,
     * (1/beta)&lt;ln 2cosh beta h&gt; -> &lt;|h|&gt;, so
     * e = alpha/2 + m^2/2 - alpha/(2(1-C)) + alpha r C/2 - &lt;|m + sqrt(alpha r) z|&gt;.
     * At the saddle point (&lt;|h|&gt; = m^2 + alpha r C, r = 1/(1-C)^2) this equals
     * -m^2/2 - alpha (r - 1)/2.
     */
    public double energy(double m, double c, double r) {
        if (r < 0.0 || !(1.0 - c > 0.0)) {
            return Double.NaN;
        }
        return 0.5 * load + 0.5 * m * m - load / (2.0 * (1.0 - c)) + 0.5 * load * r * c
                - LocalFieldAverages.absAverage(m, Math.sqrt(load * r));
    }

    /** Energy of order parameters {@code p}. */
    public double energy(HopfieldZeroTemperature p) {
        return energy(p.m(), p.susceptibility(), p.r());
    }

    /**
     * Slope K of the replicon eigenvalue as T -> 0: lambda_AT ~ 1 - K / T.
     * Derivation: beta &lt;sech^4(beta h)&gt; = integral dh p(h) beta sech^4(beta h) -> p(0) * integral du sech^4 u
     * = (4/3) p(0), with p the density of h = m + sqrt(alpha r) z; then
     * alpha beta^2 (1-C)^{-2} &lt;sech^4&gt; = beta * alpha (4/3) p(0) / (1-C)^2 = K / T.
     */
    public double repliconSlope(double m, double c, double r) {
        return load * (4.0 / 3.0) * LocalFieldAverages.densityAtZero(m, Math.sqrt(load * r)) / ((1.0 - c) * (1.0 - c));
    }

    /**
     * Replicon eigenvalue at T = 0: -infinity whenever K > 0 (any alpha > 0, since the Gaussian
     * density at h = 0 is positive), i.e. RS retrieval is AT-unstable at T = 0 for every alpha > 0;
     * 1 at alpha = 0. See {@link #repliconSlope}.
     */
    public double replicon(double m, double c, double r) {
        return repliconSlope(m, c, r) > 0.0 ? Double.NEGATIVE_INFINITY : 1.0;
    }

    /**
     * Closed-form T = 0 spin-glass solution (m = 0). Derived: with s = sqrt(alpha r),
     * C = sqrt(2/pi)/s and r = 1/(1-C)^2 give s(1 - C) = sqrt(alpha), so s = sqrt(alpha) + sqrt(2/pi),
     * C = sqrt(2/pi)/(sqrt(alpha) + sqrt(2/pi)), r = s^2/alpha. Requires alpha > 0.
     */
    public static HopfieldZeroTemperature spinGlass(double load) {
        double s = Math.sqrt(load) + SQRT_2_OVER_PI;
        return new HopfieldZeroTemperature(0.0, SQRT_2_OVER_PI / s, s * s / load);
    }

    /**
     * Right-hand side of the critical-load equation (PHYSICS.md sec 1; AGS 1987):
     * sqrt(2 alpha) = [erf(y) - (2y/sqrt(pi)) e^{-y^2}] / y with y = m / sqrt(2 alpha r).
     * Derived from the T = 0 equations: m = erf(y), C = (2/sqrt(pi))(y/m) e^{-y^2} and
     * sqrt(alpha r)(1 - C) = sqrt(alpha).
     */
    public static double sqrtTwoLoad(double y) {
        return (Erf.erf(y) - 2.0 * y / SQRT_PI * Math.exp(-y * y)) / y;
    }

    /** Load of the T = 0 retrieval solution with parameter y: alpha(y) = sqrtTwoLoad(y)^2 / 2. */
    public static double loadAtY(double y) {
        double s = sqrtTwoLoad(y);
        return 0.5 * s * s;
    }

    /**
     * Stationarity condition of alpha(y), zero at alpha_c. Derived: with g(y) = erf(y) - (2y/sqrt pi)e^{-y^2},
     * g'(y) = (4 y^2/sqrt pi) e^{-y^2}, and d/dy (g/y) = 0 iff y g' = g, i.e.
     * g(y) - (4 y^3/sqrt pi) e^{-y^2} = 0. Negative for small y, positive for large y.
     */
    public static double criticalLoadCondition(double y) {
        return Erf.erf(y) - 2.0 * y / SQRT_PI * Math.exp(-y * y) - 4.0 * y * y * y / SQRT_PI * Math.exp(-y * y);
    }
}
