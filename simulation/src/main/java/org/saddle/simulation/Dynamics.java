package org.saddle.simulation;

/**
 * Single-spin-flip Monte Carlo dynamics for Ising-type networks.
 *
 * <p>All three use random sequential site selection: each attempt picks a site uniformly at random
 * (with replacement); a sweep is {@code N} attempts. With {@code dE = 2 sigma_i h_i} the energy
 * change of flipping site {@code i} and {@code beta = 1/T}:
 * <ul>
 *   <li>{@link #GLAUBER} (heat bath): flip with probability {@code 1 / (1 + exp(beta dE))};</li>
 *   <li>{@link #METROPOLIS}: flip with probability {@code min(1, exp(-beta dE))};</li>
 *   <li>{@link #ZERO_TEMPERATURE}: asynchronous T = 0 descent, flip iff {@code dE < 0}
 *       (ties {@code dE == 0} keep the spin). A separate code path, never {@code beta = infinity}.</li>
 * </ul>
 */
public enum Dynamics {
    /** Heat-bath (Glauber) dynamics, T &gt; 0. */
    GLAUBER,
    /** Metropolis dynamics, T &gt; 0. */
    METROPOLIS,
    /** Zero-temperature asynchronous dynamics, T = 0. */
    ZERO_TEMPERATURE
}
