package org.saddle.simulation;

import java.util.Locale;
import java.util.concurrent.CyclicBarrier;

/**
 * Throughput of Glauber sweeps of the Hopfield network ({@link HopfieldChain}): one independent chain
 * per thread, each on its own patterns, started in pattern 1. A warm-up (for the JIT) precedes a timed
 * phase of about {@code seconds}, measured as whole sweeps. One pattern-site op is one term
 * {@code xi_i^mu M_mu} of the field sum, so ops = attempts x K.
 */
public final class MonteCarloBenchmark {

    private MonteCarloBenchmark() {
    }

    /** Glauber sweeps on independent chains (one per thread), warm-up then timed for about {@code seconds}. */
    public static BenchmarkResult run(int neurons, int patterns, double temperature, int threads, double seconds,
            long seed) {
        return run(neurons, patterns, temperature, threads, seconds, seed, OverlapKernels.best());
    }

    static BenchmarkResult run(int neurons, int patterns, double temperature, int threads, double seconds,
            long seed, OverlapKernel kernel) {
        return measure(neurons, patterns, temperature, threads, seconds, seed, kernel).result();
    }

    /**
     * A benchmark result with the CPU time the timed phase used, summed over threads; attempts per CPU
     * second is a throughput figure robust against other processes sharing the cores.
     */
    public record Measurement(BenchmarkResult result, double cpuSeconds) {
        public double patternSiteOpsPerCpuSecond() {
            return result.attemptedFlips() * (double) result.patterns() / cpuSeconds;
        }

        /** One line with every figure, for the benchmark mains. */
        public String describe() {
            BenchmarkResult r = result;
            return String.format(Locale.ROOT,
                    "kernel=%s N=%d K=%d T=%g threads=%d attempts=%d seconds=%.3f flips/s=%.4g pattern-site ops/s=%.4g"
                            + " cpu-seconds=%.3f pattern-site ops/cpu-s=%.4g",
                    r.kernel(), r.neurons(), r.patterns(), r.temperature(), r.threads(), r.attemptedFlips(), r.seconds(),
                    r.flipsPerSecond(), r.patternSiteOpsPerSecond(), cpuSeconds, patternSiteOpsPerCpuSecond());
        }
    }

    static Measurement measure(int neurons, int patterns, double temperature, int threads, double seconds,
            long seed, OverlapKernel kernel) {
        // validation shared with the simulation spec
        new HopfieldSimulationSpec(neurons, patterns, temperature, Dynamics.GLAUBER, 0, 1, 1, seed, 0, 0);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("seconds must be > 0, got " + seconds);
        }
        double beta = 1.0 / temperature;
        // HopfieldChain reads bit-packed rows whenever the overlaps fit shorts (N <= 16383)
        String name = neurons <= OverlapKernel.MAX_SHORT_NEURONS ? kernel.packed().name() : kernel.name();
        return measure(neurons, patterns, temperature, threads, seconds, name, chainIndex -> {
            byte[] xi = HopfieldChain.randomPatterns(neurons, patterns, Xoshiro256PlusPlus.forStream(seed, 0, chainIndex, 0));
            byte[] start = HopfieldChain.cue(xi, neurons, patterns, 0, 0, Xoshiro256PlusPlus.forStream(seed, 0, chainIndex, 1));
            HopfieldChain chain = new HopfieldChain(xi, neurons, patterns, start,
                    Xoshiro256PlusPlus.forStream(seed, 0, chainIndex, 2), kernel);
            return () -> chain.glauberSweep(beta);
        });
    }

    /** Builds, on its own thread, chain {@code chainIndex} and returns one sweep of N attempted flips of it. */
    @FunctionalInterface
    public interface ChainFactory {
        Runnable sweepOf(int chainIndex);
    }

    /**
     * The timing harness shared by every model: one chain per thread built by the factory on that thread,
     * a warm-up (for the JIT), a barrier, then whole sweeps for about {@code seconds}; wall and CPU time.
     */
    public static Measurement measure(int neurons, int patterns, double temperature, int threads, double seconds,
            String kernelName, ChainFactory factory) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        double warmup = Math.min(2.0, Math.max(0.5, 0.3 * seconds));
        long[] attempts = new long[threads];
        long[] startNs = new long[threads];
        long[] endNs = new long[threads];
        long[] cpuNs = new long[threads];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        CyclicBarrier warm = new CyclicBarrier(threads);
        Thread[] workers = new Thread[threads];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            final int chainIndex = t;
            workers[t] = new Thread(() -> {
                try {
                    Runnable sweep = factory.sweepOf(chainIndex);
                    long until = System.nanoTime() + (long) (warmup * 1e9);
                    while (System.nanoTime() < until) {
                        sweep.run();
                    }
                    warm.await();
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    long stop = t0 + (long) (seconds * 1e9);
                    long n = 0;
                    do {
                        sweep.run();
                        n += neurons;
                    } while (System.nanoTime() < stop);
                    endNs[chainIndex] = System.nanoTime();
                    cpuNs[chainIndex] = mx.getCurrentThreadCpuTime() - c0;
                    startNs[chainIndex] = t0;
                    attempts[chainIndex] = n;
                } catch (Exception | OutOfMemoryError e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "mc-bench-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("benchmark interrupted", e);
            }
        }
        if (failure[0] != null) {
            throw new IllegalStateException("benchmark failed: " + failure[0], failure[0]);
        }
        long total = 0;
        long cpu = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int t = 0; t < threads; t++) {
            total += attempts[t];
            cpu += cpuNs[t];
            first = Math.min(first, startNs[t]);
            last = Math.max(last, endNs[t]);
        }
        double secs = (last - first) * 1e-9;
        return new Measurement(new BenchmarkResult(neurons, patterns, temperature, threads, total, secs, total / secs,
                total * (double) patterns / secs, kernelName), cpu * 1e-9);
    }

    /**
     * {@code java --add-modules=jdk.incubator.vector -cp ... org.saddle.simulation.MonteCarloBenchmark
     * [neurons patterns temperature threads seconds [scalar]]}.
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        double temp = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        double secs = args.length > 4 ? Double.parseDouble(args[4]) : 5;
        OverlapKernel kernel = args.length > 5 && args[5].equals("scalar") ? OverlapKernels.scalar() : OverlapKernels.best();
        System.out.println(measure(n, k, temp, threads, secs, 1L, kernel).describe());
    }
}
