package org.saddle.theory.potts;

/**
 * Free energy of the Potts DAM's visible layer in the statistical-mechanics limit (Thériault-Tantari,
 * arXiv 2508.19151: visible units on the sphere |v|^2 = N, one Potts hidden unit).
 *
 * <p>Partition function (derivation): Z = sum_{mu, y} p^mu_y integral dv exp(beta w^mu . v). Each integral is
 * the same by rotation invariance (|w^mu|^2 = N), so Z = |S| z_N(beta) with the single-memory normalizer
 * z_N(beta) = <exp(beta N m)>_sphere, where the overlap m = w . v / N of a uniform point has density
 * proportional to (1 - m^2)^((N-3)/2). By Laplace's method
 * <pre>
 *   -beta f(beta) = lim (1/N) ln z_N(beta) = max_m [ beta m + (1/2) ln(1 - m^2) ]
 *   saddle point:  beta (1 - m^2) = m,   m* = (sqrt(1 + 4 beta^2) - 1) / (2 beta)
 * </pre>
 * The free energy does not depend on the memories or the class weights: the likelihood of data is
 * therefore exact and its gradient needs no sampling (the property the training relies on), and m* is the
 * typical overlap of a configuration with the memory its hidden unit selects.
 */
public final class PottsFreeEnergy {
    private PottsFreeEnergy() {}

    /** m*(beta), the saddle point (equilibrium overlap with the selected memory). */
    public static double overlap(double inverseTemperature) {
        double b = inverseTemperature;
        if (!(b >= 0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("inverse temperature must be finite and >= 0, got " + b);
        }
        return b == 0 ? 0 : 2 * b / (1 + Math.sqrt(1 + 4 * b * b)); // (sqrt(1 + 4b^2) - 1)/(2b) without cancellation
    }

    /** -beta f = beta m* + (1/2) ln(1 - m*^2), the large-N limit of (1/N) ln z_N(beta). */
    public static double logPartitionPerNeuron(double inverseTemperature) {
        double m = overlap(inverseTemperature);
        return inverseTemperature * m + 0.5 * Math.log1p(-m * m);
    }

    /**
     * ln z_N(beta) at finite N: z_N(beta) = &lt;exp(beta w . v)&gt; over v uniform on the sphere |v|^2 = N (|w|^2 = N),
     * the normalizer of one memory's component relative to the uniform law. With m = cos t the overlap density is
     * proportional to sin^(N-2) t, so
     * <pre>  z_N(beta) = int_0^pi sin^(N-2)(t) exp(beta N cos t) dt / int_0^pi sin^(N-2)(t) dt,</pre>
     * the denominator being B(1/2, (N-1)/2) = sqrt(pi) Gamma((N-1)/2) / Gamma(N/2). The numerator is computed by
     * composite Simpson on [0, pi] with the maximum of the log-integrand factored out (a smooth integrand with no
     * endpoint singularity; 64 sqrt(N) + 2000 intervals, i.e. at least ~20 points per width 1/sqrt(N) of the peak).
     * (1/N) ln z_N tends to {@link #logPartitionPerNeuron}. The null hidden state of the Potts DAM has energy 0, so
     * in the mixture parametrization (class weights = marginal P(h, y)) its score relative to a memory's
     * beta w . x is ln z_N(beta).
     */
    public static double logNormalizer(double inverseTemperature, int neurons) {
        double b = inverseTemperature;
        if (!(b >= 0) || !Double.isFinite(b) || neurons < 2) {
            throw new IllegalArgumentException("need beta >= 0 finite and N >= 2, got " + b + ", " + neurons);
        }
        if (b == 0) {
            return 0;
        }
        int intervals = 2 * (int) Math.ceil((64 * Math.sqrt(neurons) + 2000) / 2);
        double h = Math.PI / intervals;
        double[] log = new double[intervals + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= intervals; k++) {
            double t = k * h;
            double sin = Math.sin(t);
            double l = (neurons == 2 ? 0 : (sin > 0 ? (neurons - 2) * Math.log(sin) : Double.NEGATIVE_INFINITY)) + b * neurons * Math.cos(t);
            log[k] = l;
            max = Math.max(max, l);
        }
        double sum = 0;
        for (int k = 0; k <= intervals; k++) {
            double weight = k == 0 || k == intervals ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += weight * Math.exp(log[k] - max);
        }
        double logNumerator = max + Math.log(sum * h / 3);
        double logDenominator = 0.5 * Math.log(Math.PI) + org.hipparchus.special.Gamma.logGamma((neurons - 1) / 2.0)
                - org.hipparchus.special.Gamma.logGamma(neurons / 2.0);
        return logNumerator - logDenominator;
    }

    /** Residual of the saddle-point equation beta (1 - m^2) - m. */
    public static double residual(double inverseTemperature, double overlap) {
        return inverseTemperature * (1 - overlap * overlap) - overlap;
    }
}
