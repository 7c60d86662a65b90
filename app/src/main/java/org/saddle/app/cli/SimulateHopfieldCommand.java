package org.saddle.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.saddle.app.InputException;
import org.saddle.app.output.Json;
import org.saddle.app.output.Progress;
import org.saddle.simulation.Dynamics;
import org.saddle.simulation.HopfieldSimulation;
import org.saddle.simulation.HopfieldSimulationResult;
import org.saddle.simulation.HopfieldSimulationSpec;
import org.saddle.simulation.Estimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code saddle simulate hopfield}: Monte Carlo of a finite Hopfield network started from a stored pattern. */
@Command(name = "hopfield", mixinStandardHelpOptions = true,
        description = {"Monte Carlo of a finite Hopfield network (K = round(load x N) random patterns),",
            "started from pattern 1 (optionally with --cue-noise flipped bits). Prints the overlap m with pattern 1,",
            "the energy per neuron and the overlap q of two replicas, each a mean over --samples disorder",
            "realizations with its standard error."})
public final class SimulateHopfieldCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--neurons", required = true, description = "number of neurons N (>= 10)")
    int neurons;

    @Option(names = "--load", required = true, description = "load alpha = K/N (K = round(alpha N) >= 1)")
    double load;

    @Option(names = "--temperature", required = true, description = "temperature T (0: zero-temperature asynchronous dynamics)")
    double temperature;

    @Option(names = "--samples", defaultValue = "8", description = "independent disorder realizations (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--dynamics", defaultValue = "glauber", description = "glauber or metropolis for T > 0 (default ${DEFAULT-VALUE}); T = 0 always uses zero-temperature dynamics")
    String dynamics;

    @Option(names = "--equilibration-sweeps", defaultValue = "50", description = "sweeps before measuring (default ${DEFAULT-VALUE})")
    int equilibrationSweeps;

    @Option(names = "--measurement-sweeps", defaultValue = "50", description = "sweeps averaged over (default ${DEFAULT-VALUE})")
    int measurementSweeps;

    @Option(names = "--cue-noise", defaultValue = "0", description = "fraction of bits of pattern 1 flipped in the start, in [0, 0.5] (default ${DEFAULT-VALUE})")
    double cueNoise;

    @Option(names = "--seed", defaultValue = "1", description = "seed of all random streams (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "threads over samples (default: all cores); results do not depend on it")
    int threads;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Override
    public Integer call() {
        Options.range("--neurons", neurons, 10, 10_000_000, "number of neurons N");
        Options.range("--load", load, 0.0, 100.0, "load alpha = K/N");
        Options.range("--temperature", temperature, 0.0, 100.0, "temperature T");
        Options.range("--samples", samples, 1, 1_000_000, "number of samples");
        Options.range("--equilibration-sweeps", equilibrationSweeps, 0, Integer.MAX_VALUE, "sweeps");
        Options.range("--measurement-sweeps", measurementSweeps, 1, Integer.MAX_VALUE, "sweeps");
        Options.range("--cue-noise", cueNoise, 0.0, 0.5, "fraction of flipped bits");
        Options.range("--seed", seed, 0, Long.MAX_VALUE, "seed");
        int patterns = (int) Math.round(load * neurons);
        if (patterns < 1) {
            throw new InputException("options '--load " + load + "' and '--neurons " + neurons
                    + "' give K = round(load N) = 0 patterns; allowed: load N >= 0.5");
        }
        Dynamics chosen;
        if (temperature == 0.0) {
            chosen = Dynamics.ZERO_TEMPERATURE;
        } else {
            chosen = switch (dynamics.toLowerCase(Locale.ROOT)) {
                case "glauber" -> Dynamics.GLAUBER;
                case "metropolis" -> Dynamics.METROPOLIS;
                default -> throw new InputException("option '--dynamics' has value '" + dynamics + "'; allowed values: glauber, metropolis");
            };
        }
        int workers = Options.threads(threads);
        HopfieldSimulationSpec simulation = new HopfieldSimulationSpec(neurons, patterns, temperature, chosen,
                equilibrationSweeps, measurementSweeps, samples, seed, 0, cueNoise);
        Progress progress = Progress.onStderr("simulation", samples, true);
        long[] reported = new long[1];
        HopfieldSimulationResult result = HopfieldSimulation.run(simulation, workers, (done, total) -> {
            synchronized (reported) {
                long samplesDone = done * samples / Math.max(total, 1);
                progress.advance(samplesDone - reported[0]);
                reported[0] = samplesDone;
            }
        });
        progress.finish();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", "hopfield");
            doc.put("neurons", neurons);
            doc.put("patterns", patterns);
            doc.put("load", load);
            doc.put("temperature", temperature);
            doc.put("dynamics", chosen.name().toLowerCase(Locale.ROOT));
            doc.put("samples", samples);
            doc.put("equilibration_sweeps", equilibrationSweeps);
            doc.put("measurement_sweeps", measurementSweeps);
            doc.put("cue_noise", cueNoise);
            doc.put("seed", seed);
            doc.put("threads", workers);
            doc.put("overlap", estimate(result.overlap()));
            doc.put("energy", estimate(result.energy()));
            doc.put("replica_overlap", estimate(result.replicaOverlap()));
            doc.put("attempted_flips", result.attemptedFlips());
            doc.put("seconds", result.seconds());
            out.println(Json.write(doc));
        } else {
            out.printf("Hopfield Monte Carlo: N = %d, K = %d (alpha = %s), T = %s, %s dynamics, %d samples%n", neurons, patterns,
                    load, temperature, chosen.name().toLowerCase(Locale.ROOT), samples);
            out.printf("  overlap m          %.6f +- %.6f%n", result.overlap().mean(), result.overlap().standardError());
            out.printf("  energy per neuron  %.6f +- %.6f%n", result.energy().mean(), result.energy().standardError());
            out.printf("  replica overlap q  %.6f +- %.6f%n", result.replicaOverlap().mean(), result.replicaOverlap().standardError());
            out.printf("  %.3g attempted flips in %.2f s%n", (double) result.attemptedFlips(), result.seconds());
        }
        return 0;
    }

    private static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", e.mean());
        m.put("standard_error", e.standardError());
        m.put("samples", e.samples());
        return m;
    }
}
