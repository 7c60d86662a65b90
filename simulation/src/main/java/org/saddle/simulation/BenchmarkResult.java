package org.saddle.simulation;

/**
 * Throughput of the Glauber Monte Carlo kernel measured by {@link MonteCarloBenchmark}.
 *
 * @param neurons                 N
 * @param patterns                K
 * @param temperature             T
 * @param threads                 independent chains, one per thread
 * @param attemptedFlips          attempts in the timed phase, all threads together
 * @param seconds                 wall-clock duration of the timed phase
 * @param flipsPerSecond          {@code attemptedFlips / seconds}
 * @param patternSiteOpsPerSecond {@code attemptedFlips * K / seconds} (one op = one term of the field sum)
 * @param kernel                  {@code "vector-<species>"} or {@code "scalar"}
 */
public record BenchmarkResult(int neurons, int patterns, double temperature, int threads, long attemptedFlips,
        double seconds, double flipsPerSecond, double patternSiteOpsPerSecond, String kernel) {
}
