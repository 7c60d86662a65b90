package org.saddle.simulation;

/**
 * One Monte Carlo measurement of the classical Hopfield network (PHYSICS.md sec. 1) at one grid point.
 *
 * <p>Each sample draws {@code patterns} fresh i.i.d. +-1 patterns on {@code neurons} neurons, starts
 * two replicas from the same configuration (pattern 1 with each bit flipped independently with
 * probability {@code cueNoise}; {@code cueNoise = 0.5} is a uniformly random start, see
 * {@link #RANDOM_START}), runs them with independent noise for {@code equilibrationSweeps} and then
 * {@code measurementSweeps} sweeps, averaging the observables over the measurement sweeps.
 * Load {@code alpha = patterns / neurons}.
 *
 * @param neurons             N, at least 2
 * @param patterns            K, at least 1; {@code neurons * patterns} at most {@code Integer.MAX_VALUE}
 * @param temperature         T &gt;= 0; T = 0 requires {@link Dynamics#ZERO_TEMPERATURE}, T &gt; 0 requires
 *                            {@link Dynamics#GLAUBER} or {@link Dynamics#METROPOLIS}
 * @param dynamics            the update rule
 * @param equilibrationSweeps sweeps discarded before measuring, at least 0
 * @param measurementSweeps   sweeps averaged over, at least 1
 * @param samples             independent disorder realizations, at least 1
 * @param seed                study seed
 * @param gridPoint           index of the grid point in the study, at least 0 (part of every random stream)
 * @param cueNoise            probability of flipping each bit of pattern 1 in the start, in [0, 1]
 */
public record HopfieldSimulationSpec(int neurons, int patterns, double temperature, Dynamics dynamics,
        int equilibrationSweeps, int measurementSweeps, int samples, long seed, int gridPoint,
        double cueNoise) {

    /** The {@code cueNoise} giving a start independent of the patterns (each spin uniform +-1). */
    public static final double RANDOM_START = 0.5;

    /** Validates every field; throws {@link IllegalArgumentException} naming the field and its allowed range. */
    public HopfieldSimulationSpec {
        if (neurons < 2) {
            throw new IllegalArgumentException("neurons must be >= 2, got " + neurons);
        }
        if (patterns < 1) {
            throw new IllegalArgumentException("patterns must be >= 1, got " + patterns);
        }
        if ((long) neurons * patterns > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("neurons * patterns must be <= " + Integer.MAX_VALUE
                    + " (int8 pattern storage), got " + ((long) neurons * patterns));
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0, got " + temperature);
        }
        if (dynamics == null) {
            throw new IllegalArgumentException("dynamics must be one of GLAUBER, METROPOLIS, ZERO_TEMPERATURE, got null");
        }
        if (temperature == 0 && dynamics != Dynamics.ZERO_TEMPERATURE) {
            throw new IllegalArgumentException("temperature = 0 requires dynamics ZERO_TEMPERATURE, got " + dynamics);
        }
        if (temperature > 0 && dynamics == Dynamics.ZERO_TEMPERATURE) {
            throw new IllegalArgumentException("dynamics ZERO_TEMPERATURE requires temperature = 0, got " + temperature
                    + " (use GLAUBER or METROPOLIS for temperature > 0)");
        }
        if (equilibrationSweeps < 0) {
            throw new IllegalArgumentException("equilibrationSweeps must be >= 0, got " + equilibrationSweeps);
        }
        if (measurementSweeps < 1) {
            throw new IllegalArgumentException("measurementSweeps must be >= 1, got " + measurementSweeps);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        if (gridPoint < 0) {
            throw new IllegalArgumentException("gridPoint must be >= 0, got " + gridPoint);
        }
        if (!(cueNoise >= 0 && cueNoise <= 1)) {
            throw new IllegalArgumentException("cueNoise must be in [0, 1], got " + cueNoise);
        }
    }

    /** Load {@code alpha = K / N}. */
    public double load() {
        return (double) patterns / neurons;
    }
}
