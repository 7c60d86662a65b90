package org.saddle.theory.hopfield;

/** Replica-symmetric phases of the Hopfield model with one condensed pattern (AGS 1987). */
public enum HopfieldPhase {
    /** m > 0, q > 0: the network sits near a stored pattern. */
    RETRIEVAL,
    /** m = 0, q > 0: frozen, uncorrelated with any pattern; exists for T < T_g = 1 + sqrt(alpha). */
    SPIN_GLASS,
    /** m = q = 0 (r = 0); the RS free energy is defined for T > 1 only, where 1 - beta > 0. */
    PARAMAGNET
}
