package org.saddle.theory.hopfield;

/**
 * One-step RSB order parameters of the Hopfield model at finite temperature
 * (Crisanti, Amit, Gutfreund, Europhys. Lett. 2, 337 (1986); see {@link HopfieldOneStepRSBEquations}).
 *
 * @param m overlap with the condensed pattern
 * @param q0 overlap between states of different clusters
 * @param q1 overlap between states of the same cluster (q1 >= q0)
 * @param r0 noise parameter conjugate to q0
 * @param r1 noise parameter conjugate to q1
 * @param parisiParameter Parisi's x in (0, 1]
 */
public record HopfieldOneStepRSB(double m, double q0, double q1, double r0, double r1, double parisiParameter) {

    /** Size of the breaking, q1 - q0 (0 on the RS manifold). */
    public double breaking() {
        return q1 - q0;
    }
}
