package org.saddle.simulation.dense;

import org.saddle.simulation.Dynamics;

/**
 * A Markov chain of N Ising spins with an energy, as the equilibrium simulations of this package need it: sweeps,
 * the energy, and the spins (for overlaps with patterns the chain does not store, e.g. the archetypes of a network
 * that learned from examples). Implemented by {@link DenseChain} (+-1 patterns) and {@link IntegerPatternChain}
 * (integer patterns, e.g. sums of examples).
 */
public interface SpinChain {

    /** One random-sequential sweep (N attempts) of the given dynamics at inverse temperature beta; the flips. */
    long sweep(Dynamics dynamics, double beta);

    /** The energy of the current state. */
    double energy();

    /** N. */
    int neurons();

    /** sigma_i = +-1. */
    byte spin(int i);

    /** (1/N) sum_i p_i sigma_i with p_i = {@code patterns[i * stride + column]} (site-major storage of several). */
    default double overlapWith(byte[] patterns, int stride, int column) {
        long s = 0;
        for (int i = 0; i < neurons(); i++) {
            s += patterns[i * stride + column] * spin(i);
        }
        return (double) s / neurons();
    }

    /** q_ab = (1/N) sum_i sigma_i^a sigma_i^b. */
    default double replicaOverlapWith(SpinChain other) {
        long s = 0;
        for (int i = 0; i < neurons(); i++) {
            s += spin(i) * other.spin(i);
        }
        return (double) s / neurons();
    }
}
