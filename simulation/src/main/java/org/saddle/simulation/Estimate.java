package org.saddle.simulation;

/**
 * Sample mean of an observable over independent samples (disorder realizations) and its
 * standard error {@code s / sqrt(n)}, with {@code s} the unbiased sample standard deviation.
 * The standard error is {@code NaN} when {@code samples < 2}.
 *
 * @param mean          sample mean
 * @param standardError standard error of the mean
 * @param samples       number of independent samples
 */
public record Estimate(double mean, double standardError, int samples) {

    /** Mean and standard error of the values, summed in index order (deterministic). */
    public static Estimate of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("values: at least one sample required");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n < 2) {
            return new Estimate(mean, Double.NaN, n);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new Estimate(mean, Math.sqrt(ss / (n - 1) / n), n);
    }
}
