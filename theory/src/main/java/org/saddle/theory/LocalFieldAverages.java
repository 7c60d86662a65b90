package org.saddle.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * Gaussian averages of the kernels of an Ising spin in a Gaussian local field
 * h = mean + sd z (z standard normal) at inverse temperature beta: tanh(beta h),
 * beta sech^2(beta h), beta sech^4(beta h) and (1/beta) ln 2cosh(beta h).
 *
 * <p>These appear in every replica-symmetric mean-field model of +-1 spins (Hopfield, dense
 * P-body networks). For beta*sd <= 1/2 the integrand is smooth on the scale of the Gaussian and
 * the Gaussian measure is used directly. For beta*sd > 1/2 the kernel is sharp (width 1/beta) and
 * a Gaussian rule resolves it poorly (measured with Gauss-Hermite order 80 against a fine trapezoid
 * rule: error 1e-15 at beta*sd = 1/2, 2e-10 at 1, 3e-6 at 1.5 for sech^4); we then split each kernel into its beta -> infinity limit
 * (closed form in erf) plus a remainder localized at h = 0, which after u = beta h is
 * (1/beta) * integral du p(u/beta) k(u), with p the density of h and k decaying like e^{-2|u|}.
 * Every quantity returned is finite as beta -> infinity and tends to its T = 0 limit.
 */
public final class LocalFieldAverages {

    /** The localized kernels are below 1e-17 beyond |u| = 20 (slowest decay e^{-2|u|}). */
    private static final double CUTOFF = 20.0;
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    private final GaussianMeasure gaussian;
    private final LineQuadrature line;

    /** @param gaussian measure for smooth integrands; @param line quadrature for localized kernels */
    public LocalFieldAverages(GaussianMeasure gaussian, LineQuadrature line) {
        this.gaussian = gaussian;
        this.line = line;
    }

    /** The Gaussian measure used for smooth integrands. */
    public GaussianMeasure gaussian() {
        return gaussian;
    }

    /** Largest beta*sd for which the Gaussian measure is used directly (see class comment). */
    public static final double SHARPNESS_THRESHOLD = 0.5;

    private static boolean smooth(double beta, double sd) {
        return beta * sd <= SHARPNESS_THRESHOLD;
    }

    /** Density of h = mean + sd z at h. */
    private static double density(double h, double mean, double sd) {
        double t = (h - mean) / sd;
        return INV_SQRT_2PI * Math.exp(-0.5 * t * t) / sd;
    }

    /** (1/beta) * integral over u of p(u/beta) k(u), split at u = 0 where k may have a kink. */
    private double localized(double beta, double mean, double sd, DoubleUnaryOperator k) {
        DoubleUnaryOperator f = u -> density(u / beta, mean, sd) * k.applyAsDouble(u);
        return (line.integrate(f, -CUTOFF, 0.0) + line.integrate(f, 0.0, CUTOFF)) / beta;
    }

    /** <sign h> = erf(mean / (sd sqrt 2)). */
    public static double signAverage(double mean, double sd) {
        if (sd == 0.0) {
            return Math.signum(mean);
        }
        return org.hipparchus.special.Erf.erf(mean / (sd * SQRT2));
    }

    /** <|h|> = mean erf(mean/(sd sqrt2)) + sd sqrt(2/pi) exp(-mean^2/(2 sd^2)). */
    public static double absAverage(double mean, double sd) {
        if (sd == 0.0) {
            return Math.abs(mean);
        }
        return mean * signAverage(mean, sd) + 2.0 * sd * INV_SQRT_2PI * Math.exp(-0.5 * mean * mean / (sd * sd));
    }

    /** Density of h at 0, p(0); the beta -> infinity limit of beta <sech^2(beta h)> is 2 p(0). */
    public static double densityAtZero(double mean, double sd) {
        if (sd == 0.0) {
            return mean == 0.0 ? Double.POSITIVE_INFINITY : 0.0;
        }
        return density(0.0, mean, sd);
    }

    /** {@code <tanh(beta h)>}. */
    public double tanh(double beta, double mean, double sd) {
        if (sd == 0.0) {
            return Math.tanh(beta * mean);
        }
        if (smooth(beta, sd)) {
            return gaussian.average(z -> Math.tanh(beta * (mean + sd * z)));
        }
        // tanh(u) = sign(u) - sign(u) * 2/(e^{2|u|}+1)
        return signAverage(mean, sd)
                - localized(beta, mean, sd, u -> Math.signum(u) * 2.0 / (Math.exp(2.0 * Math.abs(u)) + 1.0));
    }

    /** {@code beta <sech^2(beta h)>} = beta (1 - <tanh^2(beta h)>); tends to 2 p(0) as beta -> infinity. */
    public double scaledSech2(double beta, double mean, double sd) {
        if (sd == 0.0) {
            return beta * sech2(beta * mean);
        }
        if (smooth(beta, sd)) {
            return beta * gaussian.average(z -> sech2(beta * (mean + sd * z)));
        }
        return beta * localized(beta, mean, sd, LocalFieldAverages::sech2);
    }

    /** {@code beta <sech^4(beta h)>}; tends to (4/3) p(0) as beta -> infinity (integral of sech^4 is 4/3). */
    public double scaledSech4(double beta, double mean, double sd) {
        if (sd == 0.0) {
            double s = sech2(beta * mean);
            return beta * s * s;
        }
        if (smooth(beta, sd)) {
            return beta * gaussian.average(z -> {
                double s = sech2(beta * (mean + sd * z));
                return s * s;
            });
        }
        return beta * localized(beta, mean, sd, u -> {
            double s = sech2(u);
            return s * s;
        });
    }

    /** {@code (1/beta) <ln 2cosh(beta h)>}; tends to <|h|> as beta -> infinity. */
    public double logTwoCosh(double beta, double mean, double sd) {
        if (sd == 0.0) {
            return logTwoCosh(beta * mean) / beta;
        }
        if (smooth(beta, sd)) {
            return gaussian.average(z -> logTwoCosh(beta * (mean + sd * z))) / beta;
        }
        // ln 2cosh(u) = |u| + ln(1 + e^{-2|u|})
        return absAverage(mean, sd)
                + localized(beta, mean, sd, u -> Math.log1p(Math.exp(-2.0 * Math.abs(u)))) / beta;
    }

    /** sech^2(u), overflow-safe. */
    public static double sech2(double u) {
        double e = Math.exp(-2.0 * Math.abs(u));
        return 4.0 * e / ((1.0 + e) * (1.0 + e));
    }

    /** ln 2cosh(u), overflow-safe. */
    public static double logTwoCosh(double u) {
        double a = Math.abs(u);
        return a + Math.log1p(Math.exp(-2.0 * a));
    }
}
