package org.saddle.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.saddle.theory.LocalFieldAverages;
import org.saddle.theory.OneStepAverages;
import org.saddle.theory.OneStepAverages.FiniteTemperatureMoments;
import org.saddle.theory.OneStepAverages.ZeroTemperatureMoments;

/**
 * The finite-temperature 1RSB moments of {@link OneStepAverages} at large beta sd1, where the inner average is split
 * at the kink of tanh(beta h) (closed-form T = 0 kernel plus a localized correction), against the definition
 * integrated directly, and against the T = 0 moments as beta grows.
 */
class OneStepAveragesTest {

    private static final GaussHermite INNER = new GaussHermite(40);
    private static final OneStepAverages AVERAGES = new OneStepAverages(INNER.nodes(), INNER.weights(), new GaussLegendre(16, 8));

    /**
     * The definition with one cluster (sd0 = 0, so a = mean): Z1 = &lt;(2cosh beta h)^x&gt;_{z1}, h = a + sd1 z1, and
     * the cluster-weighted averages of tanh, tanh^2 and x ln 2cosh, integrated in z1 with order-16 Gauss-Legendre panels
     * ({@link GaussLegendre#gaussianMeasureRule}) graded geometrically toward the kink z* = -a/sd1 (first panel
     * 1e-3/(beta sd1)) and of width 1/16 elsewhere, over |z1 - beta x sd1| &lt; 16 (the weight shifts the cluster by
     * beta x sd1). Returns the five moments in the order of {@link FiniteTemperatureMoments}.
     */
    private static double[] definition(double beta, double x, double a, double sd1) {
        double shift = beta * x * sd1;
        double lo = -16.0 - shift;
        double hi = 16.0 + shift;
        double kink = -a / sd1;
        TreeSet<Double> edges = new TreeSet<>(List.of(lo, hi));
        for (double z = lo; z < hi; z += 1.0 / 16.0) {
            edges.add(z);
        }
        if (kink > lo && kink < hi) {
            edges.add(kink);
            for (double e = 1e-3 / (beta * sd1); e < 1.0 / 16.0; e *= 1.5) {
                edges.add(Math.max(lo, kink - e));
                edges.add(Math.min(hi, kink + e));
            }
        }
        double[] edgeArray = edges.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] rule = GaussLegendre.gaussianMeasureRule(edgeArray, 16);
        int n = rule[0].length;
        double[] y = new double[n];
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            y[i] = x * LocalFieldAverages.logTwoCosh(beta * (a + sd1 * rule[0][i]));
            top = Math.max(top, y[i]);
        }
        double z = 0, zt = 0, zt2 = 0, zy = 0;
        for (int i = 0; i < n; i++) {
            double w = rule[1][i] * Math.exp(y[i] - top);
            double t = Math.tanh(beta * (a + sd1 * rule[0][i]));
            z += w;
            zt += w * t;
            zt2 += w * t * t;
            zy += w * y[i];
        }
        double lnZ1 = top + Math.log(z);
        double t = zt / z;
        return new double[] {lnZ1 / (beta * x), t, zt2 / z, t * t, lnZ1 - zy / z};
    }

    private static void assertMoments(double[] expected, FiniteTemperatureMoments m, double tolerance, String where) {
        double[] got = {m.logPartition(), m.magnetization(), m.selfOverlap(), m.mutualOverlap(), m.parisiRemainder()};
        String[] names = {"logPartition", "magnetization", "selfOverlap", "mutualOverlap", "parisiRemainder"};
        for (int c = 0; c < 5; c++) {
            assertEquals(expected[c], got[c], tolerance * Math.max(1.0, Math.abs(expected[c])), where + " " + names[c]);
        }
    }

    @Test
    void kinkResolvedMomentsMatchTheDefinitionFromModerateToExtremeBeta() {
        // beta sd1 from 2 (just above the switch) to 1e6 (T ~ 1e-7 at sd1 = 0.1), mu = beta x = 3 fixed, cluster fields
        // on and away from the kink; 1e-9 is far above both rules' errors (composite Gauss-Legendre on smooth panels)
        double sd1 = 0.1;
        for (double beta : new double[] {20.0, 1e3, 1e7}) {
            for (double a : new double[] {0.0, 0.02, -0.35}) {
                double x = 3.0 / beta;
                assertMoments(definition(beta, x, a, sd1), AVERAGES.finiteTemperature(beta, x, a, 0.0, sd1), 1e-9,
                        "beta = " + beta + ", a = " + a);
            }
        }
        // x = 1 at beta sd1 = 5: the weight (2cosh beta h)^x shifts the cluster by beta sd1^2 = 0.5
        assertMoments(definition(50.0, 1.0, 0.1, sd1), AVERAGES.finiteTemperature(50.0, 1.0, 0.1, 0.0, sd1), 1e-9, "x = 1");
    }

    @Test
    void theTwoInnerAveragesAgreeAcrossTheSwitch() {
        // just below KINK_SCALE the Gauss-Hermite rule is used, just above the kink split: the moments are continuous
        double sd1 = 0.2;
        double below = (OneStepAverages.KINK_SCALE - 1e-9) / sd1;
        double above = (OneStepAverages.KINK_SCALE + 1e-9) / sd1;
        for (double a : new double[] {0.0, 0.3}) {
            FiniteTemperatureMoments lower = AVERAGES.finiteTemperature(below, 0.7, a, 0.4, sd1);
            FiniteTemperatureMoments upper = AVERAGES.finiteTemperature(above, 0.7, a, 0.4, sd1);
            double[] expected = {lower.logPartition(), lower.magnetization(), lower.selfOverlap(), lower.mutualOverlap(),
                    lower.parisiRemainder()};
            assertMoments(expected, upper, 1e-8, "a = " + a);
        }
    }

    @Test
    void momentsTendToTheZeroTemperatureOnesWithCorrectionsOfOrderT() {
        // beta -> infinity at mu = beta x fixed (OneStepAverages class comment): logPartition, magnetization and
        // mutualOverlap tend to their T = 0 values, beta(1 - q1) to the susceptibility C = 2<<delta(h)>/Z>, and the
        // Parisi remainder ln Z1 - x<w ln 2cosh> to [ln Z - mu d ln Z/d mu] = remainder - mu^2 sd1^2/2 - mu sd1^2 C
        // (d ln Z/d mu = mu sd1^2 + a t + 2 sd1^2 <delta>/Z). Deviations are at most O(1/beta): checked to shrink at
        // least tenfold per decade of beta (up to 30%), and below 10/beta. (beta(1 - q1) converges as 1/beta; the others
        // as 1/beta^2, since x = mu/beta makes (1 + e^{-2 beta|h|})^x - 1 itself O(1/beta).)
        double mu = 2.5;
        double mean = 0.6;
        double sd0 = 0.5;
        double sd1 = 0.15;
        ZeroTemperatureMoments zero = AVERAGES.zeroTemperature(mu, mean, sd0, sd1);
        double[] limit = {zero.logPartition(), zero.magnetization(), zero.susceptibility(), zero.mutualOverlap(),
                zero.parisiRemainder() - 0.5 * mu * mu * sd1 * sd1 - mu * sd1 * sd1 * zero.susceptibility()};
        double[] previous = null;
        for (double beta : new double[] {1e3, 1e4, 1e5}) {
            FiniteTemperatureMoments m = AVERAGES.finiteTemperature(beta, mu / beta, mean, sd0, sd1);
            double[] got = {m.logPartition(), m.magnetization(), beta * (1.0 - m.selfOverlap()), m.mutualOverlap(),
                    m.parisiRemainder()};
            double[] deviation = new double[5];
            for (int c = 0; c < 5; c++) {
                deviation[c] = Math.abs(got[c] - limit[c]);
                assertEquals(limit[c], got[c], 10.0 / beta * Math.max(1.0, Math.abs(limit[c])), "beta = " + beta + ", component " + c);
                if (previous != null && previous[c] > 1e-12) {
                    double ratio = deviation[c] / previous[c];
                    assertTrue(ratio < 0.13, "beta = " + beta + ", component " + c + ": deviation ratio per decade " + ratio);
                }
            }
            previous = deviation;
        }
    }
}
