package org.saddle.simulation.dense;

import org.saddle.simulation.BenchmarkResult;
import org.saddle.simulation.Dynamics;
import org.saddle.simulation.MonteCarloBenchmark;
import org.saddle.simulation.OverlapKernel;
import org.saddle.simulation.OverlapKernels;
import org.saddle.simulation.Xoshiro256PlusPlus;
import org.saddle.simulation.patterns.PatternEnsembles;

/**
 * Throughput of Glauber sweeps of the dense P-body network (Gardner normalization, {@link DenseChain}), one
 * independent chain per thread on its own i.i.d. patterns, started in pattern 1; the timing harness is
 * {@link MonteCarloBenchmark#measure(int, int, double, int, double, String, MonteCarloBenchmark.ChainFactory)}.
 * One pattern-site op is one term of the O(K) energy-difference sum, so ops = attempts x K, as for P = 2. The chain
 * reads its bit-packed copy of the patterns (integer-valued F), so the kernel named is the packed one.
 */
public final class DenseBenchmark {
    private DenseBenchmark() {
    }

    /** Glauber sweeps of the P-body network at temperature T, warm-up then about {@code seconds} timed. */
    public static BenchmarkResult run(int order, int neurons, int patterns, double temperature, int threads,
            double seconds, long seed) {
        return measure(order, neurons, patterns, temperature, threads, seconds, seed, OverlapKernels.best()).result();
    }

    static MonteCarloBenchmark.Measurement measure(int order, int neurons, int patterns, double temperature, int threads,
            double seconds, long seed, OverlapKernel kernel) {
        if (!(temperature > 0) || !(seconds > 0)) {
            throw new IllegalArgumentException("temperature and seconds must be > 0");
        }
        InteractionFunction f = Interactions.gardner(order, neurons);
        double beta = 1.0 / temperature;
        return MonteCarloBenchmark.measure(neurons, patterns, temperature, threads, seconds,
                kernel.packed().name() + ", gardner-p" + order, chainIndex -> {
                    byte[] xi = PatternEnsembles.iid(0).draw(neurons, patterns, Xoshiro256PlusPlus.forStream(seed, 0, chainIndex, 0));
                    byte[] start = PatternEnsembles.pattern(xi, neurons, patterns, 0);
                    DenseChain chain = new DenseChain(xi, neurons, patterns, start, f,
                            Xoshiro256PlusPlus.forStream(seed, 0, chainIndex, 2), kernel);
                    return () -> chain.sweep(Dynamics.GLAUBER, beta);
                });
    }

    /** {@code java --add-modules=jdk.incubator.vector -cp ... org.saddle.simulation.dense.DenseBenchmark [P N K T threads seconds]}. */
    public static void main(String[] args) {
        int p = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 131072;
        double temp = args.length > 3 ? Double.parseDouble(args[3]) : 0.1;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        double secs = args.length > 5 ? Double.parseDouble(args[5]) : 5;
        System.out.println(measure(p, n, k, temp, threads, secs, 1L, OverlapKernels.best()).describe());
    }
}
