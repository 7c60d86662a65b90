package org.saddle.simulation.dense;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.saddle.simulation.Dynamics;
import org.saddle.simulation.Estimate;
import org.saddle.simulation.OverlapKernels;
import org.saddle.simulation.ParallelLoop;
import org.saddle.simulation.PackedPatterns;
import org.saddle.simulation.Xoshiro256PlusPlus;
import org.saddle.simulation.patterns.PatternEnsemble;
import org.saddle.simulation.patterns.PatternEnsembles;

/**
 * Equilibrium Monte Carlo of a dense network at one or more temperatures. Each sample (disorder realization)
 * draws patterns from (seed, g, s, 0) and the start (pattern 1 with round(rho N) bits flipped) from (seed, g, s, 1),
 * where g is the grid point ({@link #run(Spec, long, int)}; 0 for {@link #run(Spec, int)}).
 * Two independent replicas a and b run from that start: with one temperature, plain chains on streams 2 and 3;
 * with several, two parallel-tempering ladders ({@link ParallelTempering}, sample ids 2s+1 and 2s+2). Every
 * measurement sweep records m_1, the energy per neuron and q_ab; each sample's series is summarized with
 * {@link TimeSeries} (binning error, tau_int, equilibration check), and samples are averaged in order, so
 * results do not depend on the number of threads.
 */
public final class DenseSimulation {
    private DenseSimulation() {
    }

    /**
     * @param neurons N
     * @param patterns K
     * @param interaction F
     * @param ensemble patterns
     * @param temperatures one temperature (plain chains) or an increasing ladder (parallel tempering); 0 alone
     *                     means zero-temperature asynchronous dynamics
     * @param dynamics glauber or metropolis (ignored at T = 0)
     * @param cueCorruption rho
     * @param equilibrationSweeps sweeps (rounds) discarded
     * @param measurementSweeps sweeps (rounds) measured, &gt;= 4
     * @param samples disorder realizations
     * @param seed seed
     * @param topOverlaps how many of the largest |m_mu| to report at the end of each sample
     */
    public record Spec(int neurons, int patterns, InteractionFunction interaction, PatternEnsemble ensemble,
            double[] temperatures, Dynamics dynamics, double cueCorruption, int equilibrationSweeps, int measurementSweeps,
            int samples, long seed, int topOverlaps) {
        public Spec {
            if (neurons < 2 || patterns < 1 || samples < 1 || measurementSweeps < 4 || equilibrationSweeps < 0) {
                throw new IllegalArgumentException("need N >= 2, K >= 1, samples >= 1, measurement sweeps >= 4");
            }
            if (temperatures.length == 0) {
                throw new IllegalArgumentException("need at least one temperature");
            }
        }
    }

    /** Per temperature: means over samples of the per-sample time averages, and the worst tau and equilibration. */
    public record Point(double temperature, Estimate overlap, Estimate energyPerNeuron, Estimate replicaOverlap,
            double meanBinningErrorOfEnergy, double maxTauInt, int notEquilibrated, double exchangeAcceptance) {
    }

    /** Result: one point per temperature and the final top overlaps |m_mu| of sample 0, replica a, at the lowest T. */
    public record Result(List<Point> points, double[] topOverlaps, double seconds) {
    }

    record Sample(double[][] m, double[][] e, double[][] q, double[] acceptance, double[] top) {
    }

    public static Result run(Spec spec, int threads) {
        return run(spec, 0, threads);
    }

    /**
     * The simulation at grid point {@code gridPoint} of a study: every random stream derives from (seed, gridPoint,
     * sample), so a study's grid points are independent and each one's result is the same whoever runs it. With
     * {@code threads <= 1} the samples run on the calling thread (no pool).
     */
    public static Result run(Spec spec, long gridPoint, int threads) {
        long start = System.nanoTime();
        Sample[] out = new Sample[spec.samples()];
        ParallelLoop.forEach(spec.samples(), threads, "simulation", s -> out[s] = sample(spec, gridPoint, s));
        List<Point> points = aggregate(spec.temperatures(), out);
        return new Result(points, out[0].top, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * Per temperature, the means over samples (in sample order, so independent of threads) of the per-sample time
     * averages, the worst tau_int and the samples whose series fail the equilibration check (shared by
     * {@link LearningSimulation}).
     */
    static List<Point> aggregate(double[] temperatures, Sample[] out) {
        int nt = temperatures.length;
        List<Point> points = new ArrayList<>();
        for (int t = 0; t < nt; t++) {
            double[] m = new double[out.length];
            double[] e = new double[out.length];
            double[] q = new double[out.length];
            double err = 0;
            double tau = 0;
            int bad = 0;
            double acc = 0;
            for (int s = 0; s < out.length; s++) {
                TimeSeries.Summary sm = TimeSeries.summarize(out[s].m[t]);
                TimeSeries.Summary se = TimeSeries.summarize(out[s].e[t]);
                TimeSeries.Summary sq = TimeSeries.summarize(out[s].q[t]);
                m[s] = sm.mean();
                e[s] = se.mean();
                q[s] = sq.mean();
                err += se.error() / out.length;
                tau = Math.max(tau, Math.max(sm.tauInt(), se.tauInt()));
                bad += (sm.equilibrated() && se.equilibrated()) ? 0 : 1;
                acc += out[s].acceptance[t] / out.length;
            }
            points.add(new Point(temperatures[t], Estimate.of(m), Estimate.of(e), Estimate.of(q), err, tau, bad,
                    t + 1 < nt ? acc : Double.NaN));
        }
        return points;
    }

    static Sample sample(Spec spec, int s) {
        return sample(spec, 0, s);
    }

    static Sample sample(Spec spec, long g, int s) {
        int n = spec.neurons();
        int k = spec.patterns();
        byte[] xi = spec.ensemble().draw(n, k, Xoshiro256PlusPlus.forStream(spec.seed(), g, s, 0));
        byte[] cue = PatternEnsembles.corruptedCue(xi, n, k, 0, spec.cueCorruption(),
                Xoshiro256PlusPlus.forStream(spec.seed(), g, s, 1));
        int nt = spec.temperatures().length;
        int ms = spec.measurementSweeps();
        double[][] m = new double[nt][ms];
        double[][] e = new double[nt][ms];
        double[][] q = new double[nt][ms];
        double[] acceptance = new double[nt];
        DenseChain lowest;
        if (nt == 1) {
            double temp = spec.temperatures()[0];
            Dynamics dyn = temp == 0 ? Dynamics.ZERO_TEMPERATURE : spec.dynamics();
            double beta = temp == 0 ? 0 : 1 / temp;
            short[] packed = PackedPatterns.pack(xi, n, k);   // one bit-packed copy for both replicas
            DenseChain a = new DenseChain(xi, packed, n, k, cue, spec.interaction(),
                    Xoshiro256PlusPlus.forStream(spec.seed(), g, s, 2), OverlapKernels.best());
            DenseChain b = new DenseChain(xi, packed, n, k, cue, spec.interaction(),
                    Xoshiro256PlusPlus.forStream(spec.seed(), g, s, 3), OverlapKernels.best());
            runPair(a, b, dyn, beta, spec.equilibrationSweeps(), c -> ((DenseChain) c).overlap(0),
                    c -> energyPerNeuron((DenseChain) c), m[0], e[0], q[0]);
            lowest = a;
        } else {
            ParallelTempering a = new ParallelTempering(xi, n, k, cue, spec.interaction(), spec.temperatures(), spec.dynamics(),
                    spec.seed(), g, 2L * s + 1, OverlapKernels.best());
            ParallelTempering b = new ParallelTempering(xi, n, k, cue, spec.interaction(), spec.temperatures(), spec.dynamics(),
                    spec.seed(), g, 2L * s + 2, OverlapKernels.best());
            for (int t = 0; t < spec.equilibrationSweeps(); t++) {
                a.round();
                b.round();
            }
            for (int t = 0; t < ms; t++) {
                a.round();
                b.round();
                for (int j = 0; j < nt; j++) {
                    m[j][t] = 0.5 * (a.at(j).overlap(0) + b.at(j).overlap(0));
                    e[j][t] = 0.5 * (energyPerNeuron(a.at(j)) + energyPerNeuron(b.at(j)));
                    q[j][t] = a.at(j).replicaOverlap(b.at(j));
                }
            }
            for (int j = 0; j + 1 < nt; j++) {
                acceptance[j] = 0.5 * (a.exchangeAcceptance(j) + b.exchangeAcceptance(j));
            }
            lowest = a.at(0);
        }
        double[] all = new double[k];
        for (int mu = 0; mu < k; mu++) {
            all[mu] = Math.abs(lowest.overlap(mu));
        }
        java.util.Arrays.sort(all);
        int top = Math.min(spec.topOverlaps(), k);
        double[] best = new double[top];
        for (int j = 0; j < top; j++) {
            best[j] = all[k - 1 - j];
        }
        return new Sample(m, e, q, acceptance, best);
    }

    /**
     * Two replicas a and b at one temperature: {@code equilibration} sweeps each, then one sweep each per entry of
     * m, recording the mean of the two overlaps, the mean energy per neuron and q_ab (a sweeps before b, so the
     * result is the same whoever calls it).
     */
    static void runPair(SpinChain a, SpinChain b, Dynamics dyn, double beta, int equilibration,
            ToDoubleFunction<SpinChain> overlap, ToDoubleFunction<SpinChain> energyPerNeuron, double[] m, double[] e,
            double[] q) {
        for (int t = 0; t < equilibration; t++) {
            a.sweep(dyn, beta);
            b.sweep(dyn, beta);
        }
        for (int t = 0; t < m.length; t++) {
            a.sweep(dyn, beta);
            b.sweep(dyn, beta);
            m[t] = 0.5 * (overlap.applyAsDouble(a) + overlap.applyAsDouble(b));
            e[t] = 0.5 * (energyPerNeuron.applyAsDouble(a) + energyPerNeuron.applyAsDouble(b));
            q[t] = a.replicaOverlapWith(b);
        }
    }

    /** E/N, or ln(-E)/N for log-domain energies (finite at any N). */
    static double energyPerNeuron(DenseChain c) {
        return c.interaction().logDomain() ? c.logNegativeEnergy() / c.neurons() : c.energy() / c.neurons();
    }
}
