package org.saddle.theory.dense;

import java.util.List;
import org.saddle.theory.LoadedEquations;
import org.saddle.theory.LocalFieldAverages;
import org.saddle.theory.SaddlePointEquations;

/**
 * RS saddle-point equations of the dense P-body Hebbian network with one condensed pattern at T > 0, P >= 3
 * (Gardner, J. Phys. A 20, 3453 (1987); Albanese et al., J. Stat. Phys. 189 (2022); normalization of
 * {@link DenseHebbianModel}). Derived free energy per neuron (class comment of {@link DenseHebbianModel}):
 * <pre>
 *   f = (P-1) m^P / P! - (beta alpha / (2 P!)) B(q) - (1/beta) &lt;ln 2cosh beta(s(m) + sqrt(v(q)) z)&gt;_z,
 *   B(q) = 1 - P q^(P-1) + (P-1) q^P,
 * </pre>
 * stationary at m = &lt;tanh beta h&gt;, q = &lt;tanh^2 beta h&gt; (derived: df/dm is proportional to m - &lt;tanh&gt;, df/dq
 * to q - &lt;tanh^2&gt;). State (m, C) with C = beta(1-q), the same as the T = 0 equations of
 * {@link DenseZeroTemperatureEquations}, so that they are the continuous limit of these.
 */
public final class DenseRSEquations extends LoadedEquations {

    private final DenseHebbianModel model;
    private final double temperature;
    private final double beta;
    private final LocalFieldAverages averages;

    /** @param model P; @param load alpha >= 0; @param temperature 0 &lt; T &lt; inf; @param averages local-field averages */
    public DenseRSEquations(DenseHebbianModel model, double load, double temperature, LocalFieldAverages averages) {
        super(load, List.of("m", "C"));
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("need 0 < temperature < inf, got " + temperature);
        }
        this.model = model;
        this.temperature = temperature;
        this.beta = 1.0 / temperature;
        this.averages = averages;
    }

    /** Temperature T. */
    public double temperature() {
        return temperature;
    }

    /** q = 1 - C T of a state. */
    public double overlap(double[] x) {
        return 1.0 - x[1] * temperature;
    }

    @Override
    public void update(double[] x, double[] next) {
        double q = Math.max(0.0, overlap(x));
        double mean = model.signal(x[0]);
        double sd = Math.sqrt(model.noiseVariance(load(), q));
        next[0] = averages.tanh(beta, mean, sd);        // m = <tanh beta h>
        next[1] = averages.scaledSech2(beta, mean, sd); // C = beta (1 - <tanh^2 beta h>)
    }

    /** Domain: 0 &lt;= C &lt;= beta (q in [0, 1]), |m| &lt;= 1. */
    @Override
    public boolean isValid(double[] x) {
        return super.isValid(x) && x[1] >= 0.0 && x[1] <= beta * (1.0 + 1e-12)
                && Math.abs(x[0]) <= 1.0 + 1e-12;
    }

    /** Order parameters of a state. */
    public DenseRS orderParameters(double[] x) {
        return new DenseRS(x[0], overlap(x));
    }

    /** Free energy per neuron f(m, q) of the class comment, for independent (m, q). */
    public double freeEnergy(double m, double q) {
        if (!(q >= 0.0 && q <= 1.0)) {
            return Double.NaN;
        }
        double h0 = model.signal(m);
        double sd = Math.sqrt(model.noiseVariance(load(), q));
        return model.condensedEnergy(m) - beta * load() / (2.0 * model.factorial()) * model.bracket(q)
                - averages.logTwoCosh(beta, h0, sd);
    }

    /**
     * Entropy per neuron of the paramagnet m = q = 0 (derived: f_P = -beta alpha/(2 P!) - T ln 2, s = -df/dT):
     * s_P = ln 2 - alpha / (2 P! T^2). Negative below T = sqrt(alpha / (2 P! ln 2)), where the RS paramagnet is
     * unphysical (the entropy crisis of P-spin glasses, cured by RSB).
     */
    public double paramagnetEntropy() {
        return Math.log(2.0) - load() * beta * beta / (2.0 * model.factorial());
    }

    /**
     * Replicon (de Almeida-Thouless) eigenvalue, derived as for the P-spin glass with coupling term
     * gamma sum_{a&lt;b} q_ab^P, gamma = beta^2 alpha / P! (Gardner 1985 for the P-spin; Albanese et al. 2022):
     * lambda = 1 - gamma P (P-1) q^(P-2) &lt;sech^4 beta h&gt; = 1 - (alpha beta / (P-2)!) q^(P-2) beta &lt;sech^4 beta h&gt;.
     * RS is locally stable iff lambda > 0.
     */
    public double replicon(double m, double q) {
        if (load() == 0.0) {
            return 1.0;
        }
        double sd = Math.sqrt(model.noiseVariance(load(), q));
        double scaled = averages.scaledSech4(beta, model.signal(m), sd);
        return 1.0 - load() * beta * Math.pow(q, model.interactionOrder() - 2) * (model.interactionOrder() - 1)
                / model.factorialMinusOne() * scaled;
    }
}
