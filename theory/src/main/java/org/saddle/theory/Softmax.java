package org.saddle.theory;

/** The normalized exponential p_k = e^{s_k} / sum_j e^{s_j}, shifted by max s so that nothing overflows. */
public final class Softmax {
    private Softmax() {}

    /** Writes softmax({@code scores}) into {@code out} (same length, may be the same array) and returns it; allocates nothing. */
    public static double[] into(double[] scores, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            out[k] = Math.exp(scores[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < scores.length; k++) {
            out[k] /= sum;
        }
        return out;
    }
}
