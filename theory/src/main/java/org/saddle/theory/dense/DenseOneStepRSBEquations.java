package org.saddle.theory.dense;

import java.util.List;
import org.saddle.theory.LoadedEquations;
import org.saddle.theory.OneStepAverages;
import org.saddle.theory.OneStepEquations;

/**
 * One-step RSB equations of the dense P-body network at T > 0 and a fixed Parisi parameter x, P >= 3
 * (Gardner 1987; Albanese, Alemanno, Alessandrelli, Barra, J. Stat. Phys. 189 (2022); normalization of
 * {@link DenseHebbianModel}). Derived from the replicated partition function of {@link DenseHebbianModel} with
 * Parisi's 1RSB matrix (q1 in blocks of size x, q0 outside): (1/n) sum_{a != b} g(q_ab) -> (x-1) g(q1) - x g(q0), so
 * <pre>
 *   f = (P-1) m^P/P! - (beta alpha/(2 P!)) [1 - P q1^(P-1) + (P-1)((1-x) q1^P + x q0^P)]
 *       - (1/(beta x)) &lt; ln &lt;(2cosh beta h)^x&gt;_{z1} &gt;_{z0},
 *   h = s(m) + sqrt(v(q0)) z0 + sqrt(v(q1) - v(q0)) z1.
 * </pre>
 * Stationary (derived) at m = &lt;&lt;w tanh&gt;&gt;, q0 = &lt;&lt;w tanh&gt;^2&gt;, q1 = &lt;&lt;w tanh^2&gt;&gt; (w the cluster weight
 * (2cosh beta h)^x / &lt;(2cosh beta h)^x&gt;_{z1}), and in x at
 * <pre>
 *   df/dx = (beta alpha (P-1)/(2 P!)) (q1^P - q0^P) + &lt;ln Z1 - x &lt;w ln 2cosh beta h&gt;_{z1}&gt;_{z0} / (beta x^2) = 0.
 * </pre>
 * Reductions (derived, tested): at q0 = q1 f is the RS f(m, q) for every x; as x -> 0 it is the RS f(m, q1); at
 * x = 1 it is the RS f(m, q0) for every q1 (&lt;2cosh beta h&gt;_{z1} = 2cosh(beta a) e^{beta^2 (v1 - v0)/2}).
 * State (m, q0, q1); x is a parameter of the equations.
 */
public final class DenseOneStepRSBEquations extends LoadedEquations implements OneStepEquations {

    private final DenseHebbianModel model;
    private final double beta;
    private final double x;
    private final OneStepAverages averages;

    /** @param model P; @param load alpha >= 0; @param temperature T > 0; @param x Parisi parameter in (0, 1] */
    public DenseOneStepRSBEquations(DenseHebbianModel model, double load, double temperature, double x,
            OneStepAverages averages) {
        super(load, List.of("m", "q0", "q1"));
        if (!(temperature > 0.0) || Double.isInfinite(temperature) || !(x > 0.0 && x <= 1.0)) {
            throw new IllegalArgumentException("need 0 < T < inf and 0 < x <= 1; got " + temperature + ", " + x);
        }
        this.model = model;
        this.beta = 1.0 / temperature;
        this.x = x;
        this.averages = averages;
    }

    @Override
    public double parisiParameter() {
        return x;
    }

    private OneStepAverages.FiniteTemperatureMoments moments(double[] s) {
        double v0 = model.noiseVariance(load(), s[1]);
        double v1 = model.noiseVariance(load(), s[2]);
        return averages.finiteTemperature(beta, x, model.signal(s[0]), Math.sqrt(v0), Math.sqrt(Math.max(0.0, v1 - v0)));
    }

    @Override
    public void update(double[] s, double[] next) {
        OneStepAverages.FiniteTemperatureMoments mo = moments(s);
        next[0] = mo.magnetization();  // m  = <<w tanh>>
        next[1] = mo.mutualOverlap();  // q0 = <<w tanh>^2>
        next[2] = mo.selfOverlap();    // q1 = <<w tanh^2>>
    }

    /** Domain: |m| &lt;= 1, 0 &lt;= q0 &lt;= q1 &lt;= 1. */
    @Override
    public boolean isValid(double[] s) {
        return OneStepEquations.super.isValid(s) && Math.abs(s[0]) <= 1.0 + 1e-12 && s[1] >= 0.0 && s[2] >= s[1]
                && s[2] <= 1.0;
    }

    @Override
    public double breaking(double[] s) {
        return s[2] - s[1];
    }

    @Override
    public double freeEnergy(double[] s) {
        if (!isValid(s)) {
            return Double.NaN;
        }
        int p = model.interactionOrder();
        double q0 = s[1];
        double q1 = s[2];
        // bracket = B(q1) + (P-1) x (q0^P - q1^P)
        double bracket = model.bracket(q1) + (p - 1) * x * (Math.pow(q0, p) - Math.pow(q1, p));
        return model.condensedEnergy(s[0]) - beta * load() / (2.0 * model.factorial()) * bracket - moments(s).logPartition();
    }

    /** df/dx of the class comment divided by beta alpha (q1 - q0)^2 (NaN at load 0 or on the RS manifold). */
    @Override
    public double parisiStationarity(double[] s) {
        if (!isValid(s)) {
            return Double.NaN;
        }
        int p = model.interactionOrder();
        double delta = s[2] - s[1];
        double dfdx = beta * load() * (p - 1) / (2.0 * model.factorial()) * (Math.pow(s[2], p) - Math.pow(s[1], p))
                + moments(s).parisiRemainder() / (beta * x * x);
        return dfdx / (beta * load() * delta * delta);
    }

    /** Order parameters of a state. */
    public DenseOneStepRSB orderParameters(double[] s) {
        return new DenseOneStepRSB(s[0], s[1], s[2], x, beta * x);
    }
}
