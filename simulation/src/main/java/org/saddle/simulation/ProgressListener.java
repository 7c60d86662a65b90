package org.saddle.simulation;

/**
 * Receives progress of a simulation: {@code done} of {@code total} units (finished samples)
 * are complete. Calls are serialized but may come from worker threads.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Reports that {@code done} of {@code total} units are finished. */
    void progress(long done, long total);

    /** A listener that ignores progress. */
    ProgressListener NONE = (d, t) -> { };
}
