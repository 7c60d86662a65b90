package org.saddle.simulation.dense;

import org.saddle.simulation.Dynamics;
import org.saddle.simulation.OverlapKernels;
import org.saddle.simulation.ParallelLoop;
import org.saddle.simulation.Xoshiro256PlusPlus;
import org.saddle.simulation.patterns.PatternEnsembles;
import org.saddle.theory.learning.LearningMode;

/**
 * Equilibrium Monte Carlo of dense Hebbian learning from examples (the networks of theory's {@code LearningDataset}):
 * K archetypes xi^mu, M examples eta^{mu,a}_i = xi^mu_i chi^{mu,a}_i of each with P(chi = +1) = (1 + r)/2, and with
 * R = r^2 + (1 - r^2)/M, self-interactions removed,
 * <pre>
 *   supervised:    H = -(N/P!) sum_mu [ (1/(N M sqrt R)) sum_i S^mu_i sigma_i ]^P,  S^mu = sum_a eta^{mu,a}
 *                  ({@link IntegerPatternChain}, c = 1/(N^(P-1) (M sqrt R)^P))
 *   unsupervised:  H = -(N/P!) sum_mu (1/M) sum_a [ (1/(N sqrt R)) sum_i eta^{mu,a}_i sigma_i ]^P
 *                  ({@link DenseChain} on the K M examples, {@link Interactions#gardner} scaled by 1/(M R^(P/2)))
 * </pre>
 * Load alpha = K/N^(P-1). Sample s of grid point g draws the archetypes from stream (seed, g, s, 0) and the example
 * noise chi (site, archetype, example in that order, the same draws for both protocols) from (seed, g, s, 4); two
 * replicas start from archetype 1 on streams 2 and 3. Measured every sweep: the Mattis overlap with archetype 1,
 * m = (1/N) sum_i xi^1_i sigma_i (the learning score; not the overlap with an example; |m| for even P, where
 * H(-sigma) = H(sigma)), the energy per neuron and
 * q_ab; samples are summarized as in {@link DenseSimulation}, so results do not depend on the number of threads.
 */
public final class LearningSimulation {
    private LearningSimulation() {
    }

    /**
     * @param mode supervised or unsupervised
     * @param order P, 3..8
     * @param neurons N
     * @param archetypes K
     * @param examples M (supervised: at most 127, the example sums are int8)
     * @param quality r in (0, 1]
     * @param temperature T (0: zero-temperature asynchronous dynamics)
     * @param equilibrationSweeps sweeps discarded
     * @param measurementSweeps sweeps measured, &gt;= 4
     * @param samples disorder realizations (archetypes and examples)
     * @param seed seed
     */
    public record Spec(LearningMode mode, int order, int neurons, int archetypes, int examples, double quality,
            double temperature, int equilibrationSweeps, int measurementSweeps, int samples, long seed) {
        public Spec {
            if (order < 2 || order > 8 || neurons < order || archetypes < 1 || examples < 1 || samples < 1
                    || measurementSweeps < 4 || equilibrationSweeps < 0) {
                throw new IllegalArgumentException("need 2 <= P <= 8, N >= P, K >= 1, M >= 1, samples >= 1, "
                        + "measurement sweeps >= 4");
            }
            if (mode == LearningMode.SUPERVISED && examples > 127) {
                throw new IllegalArgumentException("supervised: M <= 127 (example sums are int8), got " + examples);
            }
            if (!(quality > 0 && quality <= 1)) {
                throw new IllegalArgumentException("quality r must be in (0, 1], got " + quality);
            }
            if (!(temperature >= 0)) {
                throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
            }
        }

        /** R = r^2 + (1 - r^2)/M = r^2 (1 + rho). */
        public double normalization() {
            return quality * quality + (1 - quality * quality) / examples;
        }

        /** rho = (1 - r^2)/(M r^2). */
        public double datasetEntropy() {
            return (1 - quality * quality) / (examples * quality * quality);
        }
    }

    /** The point of grid point {@code gridPoint}: archetype overlap, energy per neuron, q_ab over the samples. */
    public static DenseSimulation.Point run(Spec spec, long gridPoint, int threads) {
        DenseSimulation.Sample[] out = new DenseSimulation.Sample[spec.samples()];
        ParallelLoop.forEach(spec.samples(), threads, "learning simulation", s -> out[s] = sample(spec, gridPoint, s));
        return DenseSimulation.aggregate(new double[] {spec.temperature()}, out).get(0);
    }

    /** The site-major +-1 examples eta[(i K + mu) M + a] = xi_i^mu chi_i^{mu,a}. */
    static byte[] examples(Spec spec, byte[] xi, Xoshiro256PlusPlus rng) {
        int n = spec.neurons();
        int k = spec.archetypes();
        int m = spec.examples();
        double plus = 0.5 * (1 + spec.quality());
        byte[] eta = new byte[n * k * m];
        for (int i = 0; i < n; i++) {
            for (int mu = 0; mu < k; mu++) {
                byte x = xi[i * k + mu];
                for (int a = 0; a < m; a++) {
                    eta[(i * k + mu) * m + a] = rng.nextDouble() < plus ? x : (byte) -x;
                }
            }
        }
        return eta;
    }

    /** One of the two replicas of sample s, on stream {@code stream}, started from archetype 1. */
    static SpinChain chain(Spec spec, byte[] xi, byte[] eta, Xoshiro256PlusPlus rng) {
        int n = spec.neurons();
        int k = spec.archetypes();
        int m = spec.examples();
        int p = spec.order();
        byte[] start = PatternEnsembles.pattern(xi, n, k, 0);
        double r = spec.normalization();
        if (spec.mode() == LearningMode.UNSUPERVISED) {
            InteractionFunction f = Interactions.scaled(Interactions.gardner(p, n), 1.0 / (m * Math.pow(r, 0.5 * p)));
            return new DenseChain(eta, n, k * m, start, f, rng, OverlapKernels.best());
        }
        byte[] sums = new byte[n * k];
        for (int j = 0; j < n * k; j++) {
            int sum = 0;
            for (int a = 0; a < m; a++) {
                sum += eta[j * m + a];
            }
            sums[j] = (byte) sum;
        }
        double c = 1.0 / (Math.pow(n, p - 1) * Math.pow(m * Math.sqrt(r), p));
        return new IntegerPatternChain(sums, n, k, p, c, start, rng);
    }

    static DenseSimulation.Sample sample(Spec spec, long g, int s) {
        int n = spec.neurons();
        int k = spec.archetypes();
        byte[] xi = PatternEnsembles.iid(0).draw(n, k, Xoshiro256PlusPlus.forStream(spec.seed(), g, s, 0));
        byte[] eta = examples(spec, xi, Xoshiro256PlusPlus.forStream(spec.seed(), g, s, 4));
        SpinChain a = chain(spec, xi, eta, Xoshiro256PlusPlus.forStream(spec.seed(), g, s, 2));
        SpinChain b = chain(spec, xi, eta, Xoshiro256PlusPlus.forStream(spec.seed(), g, s, 3));
        double t = spec.temperature();
        Dynamics dyn = t == 0 ? Dynamics.ZERO_TEMPERATURE : Dynamics.GLAUBER;
        double beta = t == 0 ? 0 : 1 / t;
        int ms = spec.measurementSweeps();
        double[][] m = new double[1][ms];
        double[][] e = new double[1][ms];
        double[][] q = new double[1][ms];
        // even P: H(-sigma) = H(sigma), the retrieval state and its mirror image are equivalent, and a small network
        // crosses between them: the overlap measured is |m| (the magnitude the RS theory gives)
        boolean even = spec.order() % 2 == 0;
        DenseSimulation.runPair(a, b, dyn, beta, spec.equilibrationSweeps(),
                c -> even ? Math.abs(c.overlapWith(xi, k, 0)) : c.overlapWith(xi, k, 0), c -> c.energy() / n, m[0], e[0],
                q[0]);
        return new DenseSimulation.Sample(m, e, q, new double[1], new double[0]);
    }
}
