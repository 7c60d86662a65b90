package org.saddle.app;

/** A computation that could not deliver the number asked for (a solver that did not converge, say); exit status 1. */
public final class ComputationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ComputationException(String message) {
        super(message);
    }
}
