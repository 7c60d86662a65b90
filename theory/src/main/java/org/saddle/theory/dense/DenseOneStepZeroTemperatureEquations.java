package org.saddle.theory.dense;

import java.util.List;
import org.saddle.theory.LoadedEquations;
import org.saddle.theory.OneStepAverages;
import org.saddle.theory.OneStepEquations;

/**
 * T = 0 limit of the dense 1RSB theory ({@link DenseOneStepRSBEquations}) as equations of their own: beta -> infinity
 * with q1 -> 1, C = beta(1 - q1) finite and x -> 0 with mu = beta x fixed. Derived: with q1 = 1 - C/beta the bracket
 * B(q1) + (P-1) x (q0^P - q1^P) times beta tends to (P-1) mu (q0^P - 1) (beta B(q1) = O(1/beta)), and
 * (1/(beta x)) ln &lt;(2cosh beta h)^x&gt; -> (1/mu) ln &lt;e^{mu |h|}&gt;, so
 * <pre>
 *   e = (P-1) m^P/P! + (alpha (P-1) mu / (2 P!)) (1 - q0^P) - (1/mu) &lt; ln Z(a) &gt;_{z0},
 *   Z(a) = &lt; e^{mu |a + s1 z1|} &gt;_{z1},  a = s(m) + sqrt(v(q0)) z0,  s1^2 = v(1) - v(q0).
 * </pre>
 * C drops out of e (no reaction term for P >= 3). Stationarity (derived; t = d ln Z/(mu da), and at fixed
 * v(1) d&lt;ln Z&gt;/dv0 = -(mu^2/2)&lt;t^2&gt;):
 * <pre>
 *   de/dm = 0:  m  = &lt;t&gt;,      de/dq0 = 0:  q0 = &lt;t^2&gt;,
 *   de/dmu = -(alpha/(2 P!)) B(q0) + &lt;ln Z - mu^2 s1^2/2 - mu a t&gt;/mu^2 - s1^2 C/mu = 0,  C = 2 &lt;&lt;delta(h)&gt;_{z1}/Z&gt;,
 * </pre>
 * the last written (with d ln Z/d mu = mu s1^2 + a t + 2 s1^2 &lt;delta(h)&gt;/Z, see {@link OneStepAverages}) as terms
 * each of the size of the result. These are the beta -> infinity limits of the finite-T equations (tested).
 * State (m, q0); mu is a parameter of the equations. On the RS manifold q0 = 1 they are the RS T = 0 equations.
 */
public final class DenseOneStepZeroTemperatureEquations extends LoadedEquations implements OneStepEquations {

    private final DenseHebbianModel model;
    private final double mu;
    private final OneStepAverages averages;

    /** @param model P; @param load alpha >= 0; @param mu scaled Parisi parameter beta x > 0 */
    public DenseOneStepZeroTemperatureEquations(DenseHebbianModel model, double load, double mu,
            OneStepAverages averages) {
        super(load, List.of("m", "q0"));
        if (!(mu > 0.0) || Double.isInfinite(mu)) {
            throw new IllegalArgumentException("need 0 < mu < inf, got " + mu);
        }
        this.model = model;
        this.mu = mu;
        this.averages = averages;
    }

    @Override
    public double parisiParameter() {
        return mu;
    }

    /** The T = 0 moments at a state (m, q0). */
    public OneStepAverages.ZeroTemperatureMoments moments(double[] s) {
        double q0 = Math.min(1.0, Math.max(0.0, s[1]));
        return averages.zeroTemperature(mu, model.signal(s[0]), Math.sqrt(model.noiseVariance(load(), q0)),
                Math.sqrt(model.noiseVarianceDeficit(load(), q0)));
    }

    @Override
    public void update(double[] s, double[] next) {
        OneStepAverages.ZeroTemperatureMoments mo = moments(s);
        next[0] = mo.magnetization(); // m  = <t>
        next[1] = mo.mutualOverlap(); // q0 = <t^2>
    }

    /** Domain: |m| &lt;= 1, 0 &lt;= q0 &lt;= 1. */
    @Override
    public boolean isValid(double[] s) {
        return OneStepEquations.super.isValid(s) && Math.abs(s[0]) <= 1.0 + 1e-12 && s[1] >= 0.0 && s[1] <= 1.0;
    }

    @Override
    public double breaking(double[] s) {
        return 1.0 - s[1];
    }

    /** Ground-state energy e(m, q0) of the class comment at this mu. */
    @Override
    public double freeEnergy(double[] s) {
        if (!isValid(s)) {
            return Double.NaN;
        }
        int p = model.interactionOrder();
        double q0 = s[1];
        // 1 - q0^P = (1 - q0) sum_{j<P} q0^j, without cancellation
        double sum = 0.0;
        double power = 1.0;
        for (int j = 0; j < p; j++) {
            sum += power;
            power *= q0;
        }
        return model.condensedEnergy(s[0]) + load() * (p - 1) * mu / (2.0 * model.factorial()) * (1.0 - q0) * sum
                - moments(s).logPartition();
    }

    /** de/dmu of the class comment divided by alpha (1 - q0)^2 (NaN at load 0 or on the RS manifold). */
    @Override
    public double parisiStationarity(double[] s) {
        if (!isValid(s)) {
            return Double.NaN;
        }
        double q0 = s[1];
        double delta = 1.0 - q0;
        OneStepAverages.ZeroTemperatureMoments mo = moments(s);
        double s1sq = model.noiseVarianceDeficit(load(), q0);
        double dedmu = -load() / (2.0 * model.factorial()) * model.bracket(q0) + mo.parisiRemainder() / (mu * mu)
                - s1sq * mo.susceptibility() / mu;
        return dedmu / (load() * delta * delta);
    }

    /** C = lim beta (1 - q1) = 2 &lt;&lt;delta(h)&gt;_{z1}/Z&gt;_{z0} at a state. */
    public double susceptibility(double[] s) {
        return moments(s).susceptibility();
    }

    /** Order parameters of a state. */
    public DenseOneStepRSB orderParameters(double[] s) {
        return new DenseOneStepRSB(s[0], s[1], 1.0, 0.0, mu);
    }
}
