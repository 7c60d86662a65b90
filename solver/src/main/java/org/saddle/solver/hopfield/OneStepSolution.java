package org.saddle.solver.hopfield;

import org.saddle.solver.SolveResult;

/**
 * A one-step RSB retrieval solution of the Hopfield model at (load, temperature).
 *
 * @param load alpha
 * @param temperature T (0: the T = 0 limit equations were used)
 * @param m overlap with the condensed pattern
 * @param q0 inter-cluster overlap
 * @param q1 intra-cluster overlap (1 at T = 0)
 * @param r0 noise parameter conjugate to q0
 * @param r1 noise parameter conjugate to q1
 * @param parisiParameter x (0 at T = 0)
 * @param scaledParisiParameter beta x (mu at T = 0)
 * @param susceptibility beta (1 - q1) (C at T = 0)
 * @param freeEnergy 1RSB free energy per neuron (ground-state energy at T = 0)
 * @param replicaSymmetricFreeEnergy RS free energy (energy) of the RS retrieval state at the same point
 * @param differsFromRS whether q1 - q0 exceeds 1e-8 (otherwise the solve fell back onto the RS manifold)
 * @param report convergence report; state (m, q0, C, r0, r1, mu) at T = 0 and below ParisiOptimizer.LOWEST_RESOLVED_TEMPERATURE
 *     (the T = 0 solve), (m, q0, q1, r0, r1, x) above
 * @param message how the solution was obtained, when not by the equations at (load, T) themselves ("" otherwise)
 */
public record OneStepSolution(double load, double temperature, double m, double q0, double q1, double r0, double r1,
        double parisiParameter, double scaledParisiParameter, double susceptibility, double freeEnergy,
        double replicaSymmetricFreeEnergy, boolean differsFromRS, SolveResult report, String message) {

    /** True iff the solve converged. */
    public boolean converged() {
        return report.converged();
    }
}
