package org.saddle.solver.hopfield;

import org.saddle.solver.SolveResult;
import org.saddle.theory.hopfield.HopfieldPhase;

/**
 * One RS solution of the Hopfield model at (load, temperature).
 *
 * @param phase which branch
 * @param load alpha
 * @param temperature T (0: the T = 0 equations were used)
 * @param m overlap with the condensed pattern
 * @param q glass order parameter (1 at T = 0)
 * @param r noise parameter
 * @param susceptibility beta(1-q), or C at T = 0
 * @param freeEnergy RS free energy per neuron; the ground-state energy at T = 0
 * @param replicon AT eigenvalue, > 0 means RS locally stable (-infinity at T = 0 for load > 0)
 * @param report convergence report of the solve (state vector (m, C, r), or (C, r) for the spin glass)
 */
public record HopfieldSolution(HopfieldPhase phase, double load, double temperature, double m, double q, double r,
        double susceptibility, double freeEnergy, double replicon, SolveResult report) {
}
