package org.saddle.theory.hopfield;

import java.util.List;
import org.saddle.theory.OneStepAverages;
import org.saddle.theory.LoadedEquations;

/**
 * T = 0 limit of the one-step RSB Hopfield theory as equations of their own (Crisanti, Amit, Gutfreund,
 * Europhys. Lett. 2, 337 (1986); Steffan and Kuehn, Z. Phys. B 95, 249 (1994), who report
 * alpha_c(1RSB) = 0.138186 in their abstract). The limit is beta -> infinity with q1 -> 1,
 * C = beta(1 - q1) and mu = beta x finite. State vector (m, q0, C, r0, r1, mu).
 *
 * <p><b>Derivation</b> (ours, from the finite-T 1RSB free energy of {@link HopfieldOneStepRSBEquations}).
 * With lambda1 = 1 - beta(1-q1) -> 1 - C and lambda2 = lambda1 - beta x (q1 - q0) -> 1 - C - mu(1 - q0):
 * (alpha/2beta)(1 - 1/x) ln lambda1 -> (alpha/(2 mu)) ln(lambda2/lambda1) after combining with the 1/x term,
 * (alpha beta/2)[r1(1-q1) + x(r1 q1 - r0 q0)] -> (alpha/2)[r1 C + mu(r1 - r0 q0)], and
 * (1/(beta x)) ln &lt;(2cosh beta h)^x&gt;_{z1} -> (1/mu) ln &lt;e^{mu|h|}&gt;_{z1}. Hence the ground-state energy
 * <pre>
 *   e = alpha/2 + m^2/2 + (alpha/(2mu)) ln(lambda2/lambda1) - alpha q0/(2 lambda2)
 *       + (alpha/2)[r1 C + mu (r1 - r0 q0)] - (1/mu) &lt; ln Z(a) &gt;_{z0},
 *   Z(a) = &lt; e^{mu |a + sqrt(alpha(r1-r0)) z1|} &gt;_{z1},  a = m + sqrt(alpha r0) z0.
 * </pre>
 * Stationarity (derived, with t(a) = d ln Z/(mu da) and d^2 e^{mu|h|}/dh^2 = mu^2 e^{mu|h|} + 2 mu delta(h)):
 * <pre>
 *   de/dm = 0:  m  = &lt; t &gt;
 *   de/dr0 = 0: q0 = &lt; t^2 &gt;
 *   de/dr1 = 0: C  = 2 &lt; &lt;delta(h)&gt;_{z1} / Z &gt;
 *   de/dq0 = 0: r0 = q0 / lambda2^2
 *   de/dC = 0:  r1 = r0 + (1 - q0)/(lambda1 lambda2)
 *   de/dmu = 0: A1 + A2 + &lt;ln Z - mu^2 s1^2/2 - mu a t&gt;/mu^2 - s1^2 (2&lt;delta/Z&gt;)/mu = 0,
 *     A1 = (alpha/(2mu^2))[-ln(1-eps) - eps/(1-eps)], eps = mu(1-q0)/lambda1,
 *     A2 = (alpha/2)(1-q0)(r0 - q0/lambda2^2), s1^2 = alpha(r1 - r0).
 * </pre>
 * These are the beta -> infinity limits of the finite-T equations (m = &lt;&lt;w tanh&gt;&gt;, q0 = &lt;&lt;w tanh&gt;^2&gt;,
 * beta(1-q1) = beta&lt;&lt;w sech^2&gt;&gt; -> 2&lt;delta/Z&gt;, r0 = q0/lambda2^2, r1 - r0 = (q1-q0)/(lambda1 lambda2)).
 * The last equation is written as a sum of terms each of the size of the result (the bare form cancels
 * O(1) terms down to ~1e-8 near alpha_c).
 *
 * <p>The mu equation has no natural fixed-point form; the map uses
 * mu' = mu + (de/dmu - A2) / (alpha (1-q0)^2) (de/dmu is of order alpha (1-q0)^2; no factor mu, which
 * would add a spurious root at mu = 0), whose fixed points with q0 &lt; 1 are exactly the stationary
 * points (A2 vanishes where the r0 equation holds; leaving it out keeps the map from reacting,
 * with a factor 1/(1-q0)^2, to r0 being off its own equation) (the normalization removes the trivial RS root q0 = 1, on which e does not depend on mu).
 * On the RS manifold q0 = 1 (r1 = r0) the equations reduce to the RS T = 0 ones for (m, C, r = r1)
 * and mu is left unchanged.
 */
public final class HopfieldOneStepZeroTemperatureEquations extends LoadedEquations {

    private final OneStepAverages averages;

    /** @param load alpha >= 0; @param averages nested Gaussian averages */
    public HopfieldOneStepZeroTemperatureEquations(double load, OneStepAverages averages) {
        super(load, List.of("m", "q0", "C", "r0", "r1", "mu"));
        this.averages = averages;
    }

    private OneStepAverages.ZeroTemperatureMoments moments(double[] x) {
        return averages.zeroTemperature(x[5], x[0], HopfieldOneStepRSBEquations.noiseWidth(load(), x[3]),
                HopfieldOneStepRSBEquations.clusterNoiseWidth(load(), x[3], x[4]));
    }

    @Override
    public void update(double[] x, double[] next) {
        double q0 = x[1];
        double c = x[2];
        double mu = x[5];
        double l1 = 1.0 - c;
        double l2 = l1 - mu * (1.0 - q0);
        OneStepAverages.ZeroTemperatureMoments mo = moments(x);
        next[0] = mo.magnetization();                     // m  = <t>
        next[1] = mo.mutualOverlap();                     // q0 = <t^2>
        next[2] = mo.susceptibility();                    // C  = 2 <delta(h)/Z>
        next[3] = q0 / (l2 * l2);                         // r0 = q0 / lambda2^2
        next[4] = next[3] + (1.0 - q0) / (l1 * l2);       // r1 = r0 + (1-q0)/(lambda1 lambda2)
        double delta = 1.0 - q0;
        next[5] = delta > 0.0 && load() > 0.0
                ? mu + parisiStationarity(x, mo, false) / (load() * delta * delta) // de/dmu = 0
                : mu;
    }

    /** Physical domain: 0 &lt;= q0 &lt;= 1, C >= 0, r1 >= r0 >= 0, lambda2 > 0, mu > 0. */
    @Override
    public boolean isValid(double[] x) {
        if (!super.isValid(x)) {
            return false;
        }
        double l2 = 1.0 - x[2] - x[5] * (1.0 - x[1]);
        return x[1] >= 0.0 && x[1] <= 1.0 && x[2] >= 0.0 && x[3] >= 0.0 && x[4] >= x[3] && x[5] > 0.0 && l2 > 0.0;
    }

    /** Partial derivative de/dmu at a state (zero at the saddle point); see class comment. */
    public double parisiStationarity(double[] x) {
        return parisiStationarity(x, moments(x), true);
    }

    /** With {@code withA2} false the term A2, which vanishes wherever the r0 equation holds, is left out. */
    private double parisiStationarity(double[] x, OneStepAverages.ZeroTemperatureMoments mo, boolean withA2) {
        double q0 = x[1];
        double c = x[2];
        double r0 = x[3];
        double r1 = x[4];
        double mu = x[5];
        double delta = 1.0 - q0;
        double l1 = 1.0 - c;
        double l2 = l1 - mu * delta;
        double eps = mu * delta / l1;
        double a1 = load() / (2.0 * mu * mu) * (-Math.log1p(-eps) - eps / (1.0 - eps));
        double a2 = withA2 ? 0.5 * load() * delta * (r0 - q0 / (l2 * l2)) : 0.0;
        return a1 + a2 + mo.parisiRemainder() / (mu * mu) - load() * (r1 - r0) * mo.susceptibility() / mu;
    }

    /**
     * Ground-state energy per neuron e(m, q0, C, r0, r1, mu) of the class comment, as a function of
     * independent order parameters; NaN outside the domain.
     */
    public double energy(double[] x) {
        if (!isValid(x)) {
            return Double.NaN;
        }
        double m = x[0];
        double q0 = x[1];
        double c = x[2];
        double r0 = x[3];
        double r1 = x[4];
        double mu = x[5];
        double l1 = 1.0 - c;
        double l2 = l1 - mu * (1.0 - q0);
        OneStepAverages.ZeroTemperatureMoments mo = moments(x);
        return 0.5 * load() + 0.5 * m * m + load() / (2.0 * mu) * Math.log1p(-mu * (1.0 - q0) / l1)
                - load() * q0 / (2.0 * l2) + 0.5 * load() * (r1 * c + mu * (r1 - r0 * q0)) - mo.logPartition();
    }

    /** Order parameters of a state. */
    public HopfieldOneStepZeroTemperature orderParameters(double[] x) {
        return new HopfieldOneStepZeroTemperature(x[0], x[1], x[2], x[3], x[4], x[5]);
    }

    /** State of order parameters. */
    public static double[] state(HopfieldOneStepZeroTemperature p) {
        return new double[] {p.m(), p.q0(), p.susceptibility(), p.r0(), p.r1(), p.scaledParisiParameter()};
    }

    /** The RS point (m, C, r) embedded on the 1RSB manifold q0 = 1, r0 = r1 = r, at a given mu. */
    public static double[] replicaSymmetric(double m, double c, double r, double mu) {
        return new double[] {m, 1.0, c, r, r, mu};
    }
}
