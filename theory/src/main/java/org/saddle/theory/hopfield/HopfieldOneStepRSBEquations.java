package org.saddle.theory.hopfield;

import java.util.List;
import org.saddle.theory.OneStepAverages;
import org.saddle.theory.LoadedEquations;

/**
 * One-step RSB saddle-point equations of the Hopfield model with one condensed pattern at finite
 * temperature (Crisanti, Amit, Gutfreund, Europhys. Lett. 2, 337 (1986); Steffan and Kuehn,
 * Z. Phys. B 95, 249 (1994)). State vector (m, q0, q1, r0, r1, x), x the Parisi parameter.
 *
 * <p><b>Free energy</b> (derived here from the replica free energy of AGS 1987 with the Parisi 1RSB
 * matrices q_ab = q1 inside blocks of size x, q0 outside, and r_ab likewise). The n x n matrix
 * (1-beta) I - beta Q has eigenvalues lambda1 = 1 - beta(1-q1) (multiplicity n(1 - 1/x)),
 * lambda2 = lambda1 - beta x (q1 - q0) (n/x - 1) and lambda2 - n beta q0 (1), so as n -> 0
 * <pre>
 *   f = alpha/2 + m^2/2 + (alpha/(2beta))[(1 - 1/x) ln lambda1 + (1/x) ln lambda2 - beta q0/lambda2]
 *       + (alpha beta/2)[r1 (1 - q1) + x (r1 q1 - r0 q0)]
 *       - (1/(beta x)) &lt; ln &lt;(2cosh beta h)^x&gt;_{z1} &gt;_{z0},
 *   h = m + sqrt(alpha r0) z0 + sqrt(alpha (r1 - r0)) z1.
 * </pre>
 * At q0 = q1, r0 = r1 it is the RS free energy of {@link HopfieldRSEquations} for any x (tested).
 * <b>Saddle point</b> (derived; w = (2cosh beta h)^x / &lt;(2cosh beta h)^x&gt;_{z1}):
 * <pre>
 *   df/dm = 0:  m  = &lt;&lt;w tanh beta h&gt;_{z1}&gt;_{z0}
 *   df/dr1 = 0: q1 = &lt;&lt;w tanh^2 beta h&gt;_{z1}&gt;_{z0}
 *   df/dr0 = 0: q0 = &lt;&lt;w tanh beta h&gt;_{z1}^2&gt;_{z0}
 *   df/dq0 = 0: r0 = q0 / lambda2^2
 *   df/dq1 = 0: r1 = r0 + (q1 - q0) / (lambda1 lambda2)
 *   df/dx = 0:  (alpha/(2 beta x^2))[-ln(1-eps) - eps/(1-eps)] + (alpha beta/2)[(r1-r0) q1 + (q1-q0)(r0 - q0/lambda2^2)]
 *               + &lt;ln Z1 - x &lt;w ln 2cosh beta h&gt;_{z1}&gt;_{z0} / (beta x^2) = 0,  eps = beta x (q1-q0)/lambda1.
 * </pre>
 * The x equation is the partial derivative of f rearranged so that no O(1) terms cancel. As a
 * fixed-point map it is x' = x + (df/dx) / (alpha beta^2 (q1-q0)^2), with the term in (r0 - q0/lambda2^2) (zero
 * where the r0 equation holds) left out, whose T -> 0 limit is the mu map of
 * {@link HopfieldOneStepZeroTemperatureEquations}; on the RS manifold q1 = q0 x is left unchanged.
 *
 * <p>Accuracy: the inner z1 average uses a Gaussian rule, accurate while beta sqrt(alpha(r1 - r0)) is of
 * order 1 (near the RS manifold, and at the low-T retrieval states of interest where r1 - r0 ~ 1e-3);
 * the outer z0 average resolves the 1/beta-wide kernels (see {@link OneStepAverages}).
 */
public final class HopfieldOneStepRSBEquations extends LoadedEquations {

    private final double beta;
    private final OneStepAverages averages;

    /** @param load alpha >= 0; @param temperature 0 &lt; T &lt; infinity; @param averages nested averages */
    public HopfieldOneStepRSBEquations(double load, double temperature, OneStepAverages averages) {
        super(load, List.of("m", "q0", "q1", "r0", "r1", "x"));
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("need 0 < temperature < inf, got " + temperature);
        }
        this.beta = 1.0 / temperature;
        this.averages = averages;
    }

    /** Inverse temperature beta. */
    public double inverseTemperature() {
        return beta;
    }

    private OneStepAverages.FiniteTemperatureMoments moments(double[] s) {
        return averages.finiteTemperature(beta, s[5], s[0], noiseWidth(load(), s[3]), clusterNoiseWidth(load(), s[3], s[4]));
    }

    @Override
    public void update(double[] s, double[] next) {
        double q0 = s[1];
        double q1 = s[2];
        double x = s[5];
        double l1 = 1.0 - beta * (1.0 - q1);
        double l2 = l1 - beta * x * (q1 - q0);
        OneStepAverages.FiniteTemperatureMoments mo = moments(s);
        next[0] = mo.magnetization();                      // m  = <<w tanh>>
        next[1] = mo.mutualOverlap();                      // q0 = <<w tanh>^2>
        next[2] = mo.selfOverlap();                        // q1 = <<w tanh^2>>
        next[3] = q0 / (l2 * l2);                          // r0 = q0 / lambda2^2
        next[4] = next[3] + (q1 - q0) / (l1 * l2);         // r1 = r0 + (q1-q0)/(lambda1 lambda2)
        double delta = q1 - q0;
        next[5] = delta > 0.0 && load() > 0.0
                ? x + parisiStationarity(s, mo, false) / (load() * beta * beta * delta * delta) // df/dx = 0
                : x;
    }

    /** Domain: 0 &lt;= q0 &lt;= q1 &lt;= 1, r1 >= r0 >= 0, lambda2 > 0 (alpha > 0), 0 &lt; x &lt;= 1. */
    @Override
    public boolean isValid(double[] s) {
        if (!super.isValid(s)) {
            return false;
        }
        double l2 = 1.0 - beta * (1.0 - s[2]) - beta * s[5] * (s[2] - s[1]);
        return s[1] >= 0.0 && s[2] >= s[1] && s[2] <= 1.0 && s[3] >= 0.0 && s[4] >= s[3] && s[5] > 0.0
                && s[5] <= 1.0 && (load() == 0.0 || l2 > 0.0);
    }

    /** Partial derivative df/dx at a state (zero at the saddle point); see class comment. */
    public double parisiStationarity(double[] s) {
        return parisiStationarity(s, moments(s), true);
    }

    /** With {@code exact} false the term in (r0 - q0/lambda2^2), zero where the r0 equation holds, is left out. */
    private double parisiStationarity(double[] s, OneStepAverages.FiniteTemperatureMoments mo, boolean exact) {
        double q0 = s[1];
        double q1 = s[2];
        double r0 = s[3];
        double r1 = s[4];
        double x = s[5];
        double delta = q1 - q0;
        double l1 = 1.0 - beta * (1.0 - q1);
        double l2 = l1 - beta * x * delta;
        double eps = beta * x * delta / l1;
        double a1 = load() / (2.0 * beta * x * x) * (-Math.log1p(-eps) - eps / (1.0 - eps));
        double a2 = 0.5 * load() * beta * ((r1 - r0) * q1 + (exact ? delta * (r0 - q0 / (l2 * l2)) : 0.0));
        return a1 + a2 + mo.parisiRemainder() / (beta * x * x);
    }

    /** 1RSB free energy per neuron f(m, q0, q1, r0, r1, x) of the class comment; NaN outside the domain. */
    public double freeEnergy(double[] s) {
        if (!isValid(s)) {
            return Double.NaN;
        }
        double m = s[0];
        double q0 = s[1];
        double q1 = s[2];
        double r0 = s[3];
        double r1 = s[4];
        double x = s[5];
        double l1 = 1.0 - beta * (1.0 - q1);
        double l2 = l1 - beta * x * (q1 - q0);
        double f = 0.5 * m * m - moments(s).logPartition();
        if (load() > 0.0) {
            f += 0.5 * load() + load() / (2.0 * beta) * (Math.log(l1) + Math.log1p(-beta * x * (q1 - q0) / l1) / x)
                    - 0.5 * load() * q0 / l2 + 0.5 * load() * beta * (r1 * (1.0 - q1) + x * (r1 * q1 - r0 * q0));
        }
        return f;
    }

    /** Width sqrt(alpha r0) of the noise shared by all states (z0 in {@link OneStepAverages}); also used at T = 0. */
    static double noiseWidth(double load, double r0) {
        return Math.sqrt(load * r0);
    }

    /** Width sqrt(alpha (r1 - r0)) of the noise that differs between states of a cluster (z1); also used at T = 0. */
    static double clusterNoiseWidth(double load, double r0, double r1) {
        return Math.sqrt(load * (r1 - r0));
    }

    /** Order parameters of a state. */
    public HopfieldOneStepRSB orderParameters(double[] s) {
        return new HopfieldOneStepRSB(s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    /** State of order parameters. */
    public static double[] state(HopfieldOneStepRSB p) {
        return new double[] {p.m(), p.q0(), p.q1(), p.r0(), p.r1(), p.parisiParameter()};
    }
}
