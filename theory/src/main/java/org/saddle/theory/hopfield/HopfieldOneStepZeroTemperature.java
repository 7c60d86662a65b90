package org.saddle.theory.hopfield;

/**
 * Order parameters of the T = 0 limit of the one-step RSB (1RSB) Hopfield theory
 * (Crisanti, Amit, Gutfreund, Europhys. Lett. 2, 337 (1986); Steffan and Kuehn, Z. Phys. B 95, 249 (1994)):
 * beta -> infinity with q1 -> 1, C = beta(1 - q1) finite and the Parisi parameter x -> 0 with
 * mu = beta x finite. See {@link HopfieldOneStepZeroTemperatureEquations}.
 *
 * @param m overlap with the condensed pattern
 * @param q0 overlap between states of different clusters (q1 = 1 at T = 0)
 * @param susceptibility C = lim beta (1 - q1)
 * @param r0 noise parameter conjugate to q0
 * @param r1 noise parameter conjugate to q1
 * @param scaledParisiParameter mu = lim beta x
 */
public record HopfieldOneStepZeroTemperature(double m, double q0, double susceptibility, double r0, double r1,
        double scaledParisiParameter) {

    /** Size of the breaking, q1 - q0 = 1 - q0 (0 on the RS manifold). */
    public double breaking() {
        return 1.0 - q0;
    }
}
