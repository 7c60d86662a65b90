package org.saddle.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.saddle.app.InputException;
import org.saddle.app.output.Json;
import org.saddle.app.potts.PottsJob;
import org.saddle.simulation.potts.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code saddle train}: trains a Potts DAM on IDX files and saves its memories (README, "Potts DAM"). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a Potts-hidden-unit dense associative memory (Theriault-Tantari) on IDX image files.",
            "Writes OUTPUT/: memories.pdam (reloadable, see README), memories.png, metrics.json, training.csv, run.json."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--images", required = true, description = "IDX image file (idx3-ubyte, optionally .gz)")
    Path images;

    @Option(names = "--labels", description = "IDX label file; without it training is unsupervised (one class)")
    Path labels;

    @Option(names = {"--memories", "-P"}, defaultValue = "100", description = "P, number of memories (default ${DEFAULT-VALUE})")
    int memories;

    @Option(names = "--beta", defaultValue = "0.2", description = "inverse temperature beta, exponent beta N m (default ${DEFAULT-VALUE})")
    double beta;

    @Option(names = "--varsigma", defaultValue = "1", description = "beta_eff / beta of the effective loss, in (0, 1] (default ${DEFAULT-VALUE})")
    double varsigma;

    @Option(names = "--epochs", defaultValue = "10", description = "passes over the training set (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "100", description = "examples per SGD step (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.05", description = "eta, memories (default ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--class-learning-rate", defaultValue = "0.05", description = "eta_c in [0, 1], class weights (default ${DEFAULT-VALUE})")
    double classLearningRate;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the initial memories and the batch order (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--train", description = "FROM:TO, training examples FROM..TO-1 of the file (default: all)")
    String train;

    @Option(names = "--test", description = "FROM:TO, test examples (default: none; accuracies need labels)")
    String test;

    @Option(names = "--init", description = "start from the memories of this .pdam file instead of training examples")
    Path init;

    @Option(names = "--output", defaultValue = "results/train", description = "folder to write (replaced when complete; default ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--null-state", description = "add the null hidden state h = 0 (no memory, energy 0; initial weight 0.05)")
    boolean nullState;

    @Option(names = "--quiet", description = "no progress bar on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        for (Path file : new Path[] {images, labels, init}) {
            if (file != null && !Files.isRegularFile(file)) {
                throw new InputException(file + ": no such file (options --images, --labels, --init take existing files)");
            }
        }
        Options.range("--memories", memories, 1, 1_000_000, "P");
        Options.range("--beta", beta, 1e-6, 1e4, "inverse temperature");
        if (!(varsigma > 0 && varsigma <= 1)) {
            throw new InputException("option '--varsigma' has value " + varsigma + "; allowed: beta_eff / beta in (0, 1]");
        }
        Options.range("--epochs", epochs, 0, 100_000, "epochs");
        Options.range("--batch-size", batchSize, 1, 1_000_000, "batch size");
        Options.range("--learning-rate", learningRate, 0, 100, "eta");
        Options.range("--class-learning-rate", classLearningRate, 0, 1, "eta_c");
        if (test != null && labels == null) {
            throw new InputException("option '--test' needs '--labels': accuracies compare predictions with labels");
        }
        int[] trainRange = train == null ? null : range("--train", train);
        int[] testRange = test == null ? null : range("--test", test);
        Path name = output.toAbsolutePath().normalize();
        if (name.getFileName() == null) {
            throw new InputException("option '--output' has value " + output + "; allowed: a folder path with a name");
        }
        PottsJob job = new PottsJob(name.getFileName().toString(), images, labels,
                trainRange == null ? new int[] {0, Integer.MAX_VALUE} : trainRange, testRange, memories,
                new TrainingSettings(beta, varsigma, epochs, batchSize, learningRate, classLearningRate, seed), init,
                nullState, null, false, "command line", String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        PottsJob.Outcome outcome = job.run(name.getParent(), !quiet);
        var out = spec.commandLine().getOut();
        out.println(Json.write(outcome.metrics()));
        out.printf("wrote %s%n", outcome.folder());
        return 0;
    }

    private static int[] range(String flag, String value) {
        String[] parts = value.split(":", -1);
        try {
            if (parts.length == 2) {
                int from = Integer.parseInt(parts[0].trim());
                int to = Integer.parseInt(parts[1].trim());
                if (from >= 0 && to > from) {
                    return new int[] {from, to};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException("option '" + flag + "' has value '" + value + "'; allowed: FROM:TO with 0 <= FROM < TO");
    }
}
