package org.saddle.theory.hopfield;

/**
 * Replica-symmetric order parameters of the Hopfield model at finite temperature (AGS 1987).
 *
 * @param m overlap with the condensed pattern, m = <tanh beta(m + sqrt(alpha r) z)>
 * @param q Edwards-Anderson (glass) order parameter, q = <tanh^2 beta(m + sqrt(alpha r) z)>
 * @param r noise parameter of the uncondensed patterns, r = q / (1 - beta(1-q))^2
 */
public record HopfieldRS(double m, double q, double r) {

    /** Susceptibility C = beta (1 - q) at inverse temperature {@code beta}. */
    public double susceptibility(double inverseTemperature) {
        return inverseTemperature * (1.0 - q);
    }
}
