package org.saddle.solver.hopfield;

import org.saddle.solver.SolveStatus;

/**
 * The T = 0 critical load of the Hopfield model under one-step RSB, with the order parameters of the
 * retrieval state at the end of its branch (Steffan and Kuehn, Z. Phys. B 95, 249 (1994)).
 *
 * @param load alpha_c(1RSB)
 * @param m overlap there
 * @param q0 inter-cluster overlap there (q1 = 1 at T = 0)
 * @param susceptibility C = lim beta(1 - q1)
 * @param r0 noise parameter conjugate to q0
 * @param r1 noise parameter conjugate to q1
 * @param scaledParisiParameter mu = lim beta x (the Parisi parameter x itself is 0 at T = 0)
 * @param replicaSymmetricLoad alpha_c(RS), for comparison
 * @param differsFromRS whether the 1RSB state is off the RS manifold (1 - q0 above 1e-8)
 * @param error estimate of the numerical error of {@code load} (fold location and solve tolerance)
 * @param status CONVERGED if located
 * @param message how it was obtained, or why not
 */
public record OneStepCriticalLoad(double load, double m, double q0, double susceptibility, double r0, double r1,
        double scaledParisiParameter, double replicaSymmetricLoad, boolean differsFromRS, double error,
        SolveStatus status, String message) {
}
