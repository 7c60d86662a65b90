package org.saddle.theory.hopfield;

/**
 * Order parameters of the T = 0 limit of the RS Hopfield equations (AGS 1987; PHYSICS.md sec 1),
 * where q -> 1 with C = beta (1 - q) finite.
 *
 * @param m overlap, m = erf(m / sqrt(2 alpha r))
 * @param susceptibility C = sqrt(2/(pi alpha r)) exp(-m^2 / (2 alpha r))
 * @param r noise parameter, r = 1 / (1 - C)^2
 */
public record HopfieldZeroTemperature(double m, double susceptibility, double r) {
}
