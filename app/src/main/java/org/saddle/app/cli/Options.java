package org.saddle.app.cli;

import org.saddle.app.InputException;

/** Checks on command-line values that picocli's types do not express; failures name the flag and the range. */
final class Options {
    private Options() {}

    static double range(String flag, double value, double min, double max, String meaning) {
        if (!(value >= min && value <= max)) {
            String bounds = Double.isInfinite(max) ? ">= " + min : "in [" + min + ", " + max + "]";
            throw new InputException("option '" + flag + "' has value " + value + "; allowed: " + meaning + " " + bounds);
        }
        return value;
    }

    static long range(String flag, long value, long min, long max, String meaning) {
        if (value < min || value > max) {
            throw new InputException("option '" + flag + "' has value " + value + "; allowed: " + meaning
                    + " in [" + min + ", " + max + "]");
        }
        return value;
    }

    static int threads(int requested) {
        if (requested == 0) {
            return Runtime.getRuntime().availableProcessors();
        }
        return (int) range("--threads", requested, 1, 4096, "number of threads (0 = all cores)");
    }
}
