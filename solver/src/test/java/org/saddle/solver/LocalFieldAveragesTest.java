package org.saddle.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.saddle.theory.LocalFieldAverages;

/** Checks of the sharp-kernel representation of LocalFieldAverages against independent evaluations. */
class LocalFieldAveragesTest {

    private final LocalFieldAverages avg = new LocalFieldAverages(new GaussHermite(80), new GaussLegendre(16, 8));

    /**
     * Reference: trapezoid rule with step 0.002 on z in [-14, 14]. For integrands analytic in a strip
     * around the real axis and decaying like the Gaussian, the trapezoid rule converges geometrically in
     * 1/step (standard result), far below 1e-13 here; the truncated tails are below e^{-98}.
     */
    private static double trapezoid(java.util.function.DoubleUnaryOperator g) {
        double h = 0.002;
        double s = 0.0;
        for (int i = -7000; i <= 7000; i++) {
            double z = i * h;
            s += Math.exp(-0.5 * z * z) * g.applyAsDouble(z);
        }
        return s * h / Math.sqrt(2 * Math.PI);
    }

    @Test
    void bothRepresentationsAgreeWithTrapezoidReference() {
        // beta*sd = 0.4 uses Gauss-Hermite directly; 0.6, 1.5, 3 and 10 use the split form
        double beta = 5.0;
        double mean = 0.4;
        for (double sharpness : new double[] {0.4, 0.6, 1.5, 3.0, 10.0}) {
            double sd = sharpness / beta;
            String at = "beta*sd=" + sharpness;
            assertEquals(trapezoid(z -> Math.tanh(beta * (mean + sd * z))), avg.tanh(beta, mean, sd), 1e-12, at);
            assertEquals(beta * trapezoid(z -> LocalFieldAverages.sech2(beta * (mean + sd * z))),
                    avg.scaledSech2(beta, mean, sd), 1e-12, at);
            assertEquals(beta * trapezoid(z -> Math.pow(LocalFieldAverages.sech2(beta * (mean + sd * z)), 2)),
                    avg.scaledSech4(beta, mean, sd), 1e-12, at);
            assertEquals(trapezoid(z -> LocalFieldAverages.logTwoCosh(beta * (mean + sd * z))) / beta,
                    avg.logTwoCosh(beta, mean, sd), 1e-12, at);
        }
    }

    @Test
    void derivativeOfTanhAverageIsScaledSech2() {
        // derived: d/dm <tanh beta(m + sd z)> = beta <sech^2 beta(m + sd z)>; central difference, h = 1e-5,
        // truncation ~ h^2 * (third derivative ~ beta^2) ~ 1e-7 at beta = 30
        double beta = 30.0;
        double sd = 0.3;
        double m = 0.5;
        double h = 1e-5;
        double fd = (avg.tanh(beta, m + h, sd) - avg.tanh(beta, m - h, sd)) / (2 * h);
        assertEquals(fd, avg.scaledSech2(beta, m, sd), 1e-6);
    }

    @Test
    void zeroTemperatureLimits() {
        // derived limits beta -> infinity: <tanh> -> erf(m/(sd sqrt2)), beta<sech^2> -> 2 p(0),
        // beta<sech^4> -> (4/3) p(0), (1/beta)<ln 2cosh> -> <|h|>; corrections are O(1/beta^2) (odd/even
        // kernels against a smooth density), i.e. ~1e-12 at beta = 1e6
        double beta = 1e6;
        double m = 0.7;
        double sd = 0.4;
        double p0 = LocalFieldAverages.densityAtZero(m, sd);
        assertEquals(LocalFieldAverages.signAverage(m, sd), avg.tanh(beta, m, sd), 1e-10);
        assertEquals(2 * p0, avg.scaledSech2(beta, m, sd), 1e-10);
        assertEquals(4.0 / 3.0 * p0, avg.scaledSech4(beta, m, sd), 1e-10);
        assertEquals(LocalFieldAverages.absAverage(m, sd), avg.logTwoCosh(beta, m, sd), 1e-10);
    }
}
