package org.saddle.theory.hopfield;

import java.util.List;
import org.saddle.theory.LocalFieldAverages;
import org.saddle.theory.SaddlePointEquations;

/**
 * RS saddle-point equations of the Hopfield model with one condensed pattern at finite
 * temperature (Amit, Gutfreund, Sompolinsky, Ann. Phys. 173, 30 (1987); PHYSICS.md sec 1).
 *
 * <p>State vector x = (m, C, r) with C = beta (1 - q) the susceptibility. Using C instead of q keeps
 * the equations well conditioned at any beta (q = 1 - C T is never computed by cancellation) and
 * makes them tend continuously to the T = 0 equations of {@link HopfieldZeroTemperatureEquations},
 * which use the same state vector. Fixed-point map (PHYSICS.md sec 1):
 * <pre>
 *   m' = &lt;tanh beta h&gt;,  C' = beta &lt;sech^2 beta h&gt; = beta (1 - q'),  r' = q / (1 - C)^2,
 *   h = m + sqrt(alpha r) z.
 * </pre>
 * At load 0 the noise r never enters (it is always multiplied by alpha) and is set to 0.
 */
public final class HopfieldRSEquations implements SaddlePointEquations {

    private static final List<String> NAMES = List.of("m", "C", "r");

    private final double load;
    private final double temperature;
    private final double beta;
    private final LocalFieldAverages averages;

    /**
     * @param load alpha = K/N, >= 0
     * @param temperature T > 0 (use {@link HopfieldZeroTemperatureEquations} for T = 0)
     * @param averages Gaussian averages of the local-field kernels
     */
    public HopfieldRSEquations(double load, double temperature, LocalFieldAverages averages) {
        if (!(load >= 0.0) || !(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("need load >= 0 and 0 < temperature < inf, got "
                    + load + ", " + temperature);
        }
        this.load = load;
        this.temperature = temperature;
        this.beta = 1.0 / temperature;
        this.averages = averages;
    }

    /** Load alpha. */
    public double load() {
        return load;
    }

    /** Temperature T. */
    public double temperature() {
        return temperature;
    }

    /** Inverse temperature beta = 1/T. */
    public double inverseTemperature() {
        return beta;
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
        double r = x[2];
        double sd = Math.sqrt(load * r);
        next[0] = averages.tanh(beta, m, sd);            // m = <tanh beta h>         (PHYSICS.md sec 1)
        next[1] = averages.scaledSech2(beta, m, sd);     // beta(1-q) = beta <sech^2 beta h>  (q = <tanh^2>)
        double q = 1.0 - c * temperature;
        double oneMinusC = 1.0 - c;
        next[2] = load > 0.0 ? q / (oneMinusC * oneMinusC) : 0.0; // r = q / (1 - beta(1-q))^2
    }

    /** Physical domain: r >= 0, q in [0,1] (0 <= C <= beta) and, for alpha > 0, 1 - beta(1-q) > 0. */
    @Override
    public boolean isValid(double[] x) {
        if (!SaddlePointEquations.super.isValid(x)) {
            return false;
        }
        double c = x[1];
        double r = x[2];
        if (r < 0.0 || c < 0.0 || c > beta * (1.0 + 1e-12)) {
            return false;
        }
        return load == 0.0 || 1.0 - c > 0.0;
    }

    /** Converts a state (m, C, r) to the order parameters (m, q, r). */
    public HopfieldRS orderParameters(double[] x) {
        return new HopfieldRS(x[0], 1.0 - x[1] * temperature, x[2]);
    }

    /** Converts order parameters (m, q, r) to a state (m, C, r). */
    public double[] state(HopfieldRS p) {
        return new double[] {p.m(), p.susceptibility(beta), p.r()};
    }

    /**
     * RS free energy per neuron (AGS 1987; PHYSICS.md sec 1), as a function of independent (m, q, r):
     * f = alpha/2 + m^2/2 + (alpha/(2 beta))[ln(1 - beta(1-q)) - beta q/(1 - beta(1-q))]
     *     + (alpha beta r/2)(1-q) - (1/beta) &lt;ln 2cosh beta(m + sqrt(alpha r) z)&gt;.
     * Returns NaN outside the domain 1 - beta(1-q) > 0 (alpha > 0) or r < 0.
     */
    public double freeEnergy(double m, double q, double r) {
        if (r < 0.0) {
            return Double.NaN;
        }
        double c = beta * (1.0 - q);
        double f = 0.5 * m * m - averages.logTwoCosh(beta, m, Math.sqrt(load * r));
        if (load > 0.0) {
            if (!(1.0 - c > 0.0)) {
                return Double.NaN;
            }
            f += 0.5 * load + (load / (2.0 * beta)) * (Math.log1p(-c) - beta * q / (1.0 - c))
                    + 0.5 * load * r * c;
        }
        return f;
    }

    /** Free energy of order parameters {@code p}. */
    public double freeEnergy(HopfieldRS p) {
        return freeEnergy(p.m(), p.q(), p.r());
    }

    /**
     * Replicon (de Almeida-Thouless) eigenvalue of the RS solution (AGS 1987, AT condition):
     * lambda_AT = 1 - alpha beta^2 (1 - beta(1-q))^{-2} &lt;sech^4 beta(m + sqrt(alpha r) z)&gt;_z.
     * RS is locally stable iff lambda_AT > 0. For the paramagnet (m = q = r = 0) it reduces to
     * 1 - alpha beta^2/(1-beta)^2, which vanishes at T = 1 + sqrt(alpha) = T_g.
     */
    public double replicon(double m, double q, double r) {
        if (load == 0.0) {
            return 1.0;
        }
        double oneMinusC = 1.0 - beta * (1.0 - q);
        double scaled = averages.scaledSech4(beta, m, Math.sqrt(load * r)); // beta <sech^4>
        return 1.0 - load * beta * scaled / (oneMinusC * oneMinusC);
    }

    /** Replicon eigenvalue of order parameters {@code p}. */
    public double replicon(HopfieldRS p) {
        return replicon(p.m(), p.q(), p.r());
    }

    /** Closed-form spin-glass temperature T_g(alpha) = 1 + sqrt(alpha) (AGS 1987). */
    public static double spinGlassTemperature(double load) {
        return 1.0 + Math.sqrt(load);
    }
}
