package org.saddle.simulation.dense;

import org.saddle.simulation.Dynamics;
import org.saddle.simulation.Xoshiro256PlusPlus;

/**
 * One Markov chain of the P-body Hebbian energy on integer patterns with the self-interactions removed,
 * <pre>  E(sigma) = -c sum_mu e_P(u^mu),   u^mu_i = S^mu_i sigma_i,</pre>
 * e_P the elementary symmetric polynomial of the N numbers u^mu_i (a sum over P-tuples of distinct sites), for
 * patterns S^mu_i in [-127, 127] stored site-major as int8 ({@code s[i*K + mu]}). This is the network of supervised
 * dense Hebbian learning, whose pattern mu is the sum of the M examples of archetype mu,
 * S^mu_i = sum_a eta^{mu,a}_i, with c = 1/(N^(P-1) (M sqrt R)^P) (Javadoc of theory's {@code LearningDataset}:
 * H = -(N/P!) sum_mu [(1/(N M sqrt R)) sum_i S^mu_i sigma_i]^P with the diagonal terms removed). For +-1 patterns
 * it is {@link DenseChain} with {@link Interactions#gardner} (tested).
 *
 * <p><b>Energy differences.</b> e_P depends on u only through the power sums p_k = sum_i u_i^k (Newton's
 * identities k e_k = sum_{j=1..k} (-1)^(j-1) e_{k-j} p_j). Since sigma_i^2 = 1, the even power sums
 * p_k = sum_i (S_i)^k do not depend on the state, and the odd ones are overlaps with the odd powers of S. A flip
 * of site i changes every odd p_k by -2 u_i^k, so dE_i = -c sum_mu [e_P(p^mu - 2 u^mu_i^odd) - e_P(p^mu)] costs
 * O(K P^2) (no int8 vector kernel: the table trick of {@link DenseChain} needs +-1 entries). The power sums and
 * e_P are integers held in doubles, exact while |p_k| &lt; 2^53 (e.g. (M N)^P &lt; 2^53). Sweeps allocate nothing;
 * not thread-safe.
 */
public final class IntegerPatternChain implements SpinChain {
    private final int neurons;
    private final int patterns;
    private final int order;
    private final byte[] s;
    private final byte[] sigma;
    private final double prefactor;
    private final Xoshiro256PlusPlus rng;
    /** p[mu*P + k - 1] = p_k of pattern mu. */
    private final double[] powerSums;
    /** e_P of each pattern at the current state. */
    private final double[] symmetric;
    /** Scratch for Newton's identities: e_0..e_P and the shifted power sums. */
    private final double[] e;
    private final double[] shifted;

    /**
     * @param s site-major integer patterns (|S| &lt;= 127), shared read-only
     * @param neurons N
     * @param patterns K
     * @param order P &gt;= 2
     * @param prefactor c
     * @param start initial spins (copied)
     * @param rng this chain's noise
     */
    public IntegerPatternChain(byte[] s, int neurons, int patterns, int order, double prefactor, byte[] start,
            Xoshiro256PlusPlus rng) {
        if ((long) neurons * patterns != s.length || start.length != neurons || order < 2) {
            throw new IllegalArgumentException("patterns must have N*K entries, the start N entries, P >= 2");
        }
        this.neurons = neurons;
        this.patterns = patterns;
        this.order = order;
        this.s = s;
        this.sigma = start.clone();
        this.prefactor = prefactor;
        this.rng = rng;
        this.powerSums = new double[patterns * order];
        this.symmetric = new double[patterns];
        this.e = new double[order + 1];
        this.shifted = new double[order];
        for (int i = 0; i < neurons; i++) {
            int off = i * patterns;
            for (int mu = 0; mu < patterns; mu++) {
                double u = s[off + mu] * sigma[i];
                double power = 1;
                for (int k = 0; k < order; k++) {
                    power *= u;
                    powerSums[mu * order + k] += power;
                }
            }
        }
        for (int mu = 0; mu < patterns; mu++) {
            System.arraycopy(powerSums, mu * order, shifted, 0, order);
            symmetric[mu] = elementary(shifted);
        }
    }

    /** e_P from the power sums p[0..P-1] by Newton's identities. */
    private double elementary(double[] p) {
        e[0] = 1;
        for (int k = 1; k <= order; k++) {
            double sum = 0;
            for (int j = 1; j <= k; j++) {
                double term = e[k - j] * p[j - 1];
                sum += (j & 1) == 1 ? term : -term;
            }
            e[k] = sum / k;
        }
        return e[order];
    }

    /** e_P of pattern mu after a flip of site i (odd power sums shifted by -2 u^k), left in {@code shifted}. */
    private double flipped(int mu, int i) {
        double u = s[i * patterns + mu] * sigma[i];
        double power = 1;
        int base = mu * order;
        for (int k = 0; k < order; k++) {
            power *= u;
            shifted[k] = (k & 1) == 0 ? powerSums[base + k] - 2 * power : powerSums[base + k]; // k = 0 is p_1 (odd)
        }
        return elementary(shifted);
    }

    /**
     * dE of flipping site i: -c sum_mu [e_P(p') - e_P(p)]. O(K P^2); for P = 3 and 4 the closed forms of Newton's
     * identities, 6 e_3 = p1^3 - 3 p1 p2 + 2 p3 and 24 e_4 = p1^4 - 6 p1^2 p2 + 3 p2^2 + 8 p1 p3 - 6 p4, in which only
     * p1 and p3 change (p1' = p1 - 2u, p3' = p3 - 2u^3).
     */
    public double energyDifference(int i) {
        double d = 0;
        int off = i * patterns;
        double si = sigma[i];
        if (order == 3) {
            for (int mu = 0, b = 0; mu < patterns; mu++, b += 3) {
                double u = s[off + mu] * si;
                double p1 = powerSums[b];
                double q1 = p1 - 2 * u;
                d += (q1 * q1 * q1 - p1 * p1 * p1 - 3 * (q1 - p1) * powerSums[b + 1] - 4 * u * u * u) / 6;
            }
        } else if (order == 4) {
            for (int mu = 0, b = 0; mu < patterns; mu++, b += 4) {
                double u = s[off + mu] * si;
                double p1 = powerSums[b];
                double p3 = powerSums[b + 2];
                double q1 = p1 - 2 * u;
                double q3 = p3 - 2 * u * u * u;
                double a = p1 * p1;
                double c = q1 * q1;
                d += (c * c - a * a - 6 * (c - a) * powerSums[b + 1] + 8 * (q1 * q3 - p1 * p3)) / 24;
            }
        } else {
            for (int mu = 0; mu < patterns; mu++) {
                d += flipped(mu, i) - symmetric[mu];
            }
        }
        return -prefactor * d;
    }

    /** Flips site i and updates every pattern's power sums and e_P. */
    public void flip(int i) {
        for (int mu = 0; mu < patterns; mu++) {
            symmetric[mu] = flipped(mu, i);
            System.arraycopy(shifted, 0, powerSums, mu * order, order);
        }
        sigma[i] = (byte) -sigma[i];
    }

    @Override
    public long sweep(Dynamics dynamics, double beta) {
        long accepted = 0;
        for (int t = 0; t < neurons; t++) {
            int i = rng.nextInt(neurons);
            if (DenseChain.accept(dynamics, beta, energyDifference(i), rng)) {
                flip(i);
                accepted++;
            }
        }
        return accepted;
    }

    @Override
    public double energy() {
        double sum = 0;
        for (int mu = 0; mu < patterns; mu++) {
            sum += symmetric[mu];
        }
        return -prefactor * sum;
    }

    /** The overlap (1/N) sum_i S^mu_i sigma_i with stored pattern mu (p_1 / N). */
    public double patternOverlap(int mu) {
        return powerSums[mu * order] / neurons;
    }

    @Override
    public int neurons() {
        return neurons;
    }

    @Override
    public byte spin(int i) {
        return sigma[i];
    }
}
