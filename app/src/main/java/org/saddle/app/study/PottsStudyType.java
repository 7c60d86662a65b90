package org.saddle.app.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.saddle.app.InputException;
import org.saddle.app.config.ConfigNode;
import org.saddle.app.potts.PottsGrowthJob;
import org.saddle.app.potts.PottsJob;
import org.saddle.app.potts.PottsStabilityJob;
import org.saddle.simulation.data.IdxFormatException;
import org.saddle.simulation.data.ShippedMnist;
import org.saddle.simulation.potts.NetworkGrowth;
import org.saddle.simulation.potts.TrainingSettings;

/**
 * {@code model: potts}: the Potts-hidden-unit DAM (Thériault-Tantari, arXiv 2508.19151) trained on an IDX
 * data set (default: the shipped MNIST digits), with accuracies on held-out examples. Keys (README, section
 * "Potts DAM"): data.{images, labels, train, test, mode}, dam.{memories, inverse-temperature, varsigma, null-state, latent-classes},
 * training.{epochs, batch-size, learning-rate, class-learning-rate}, evaluation.baseline; with a growth
 * section (initial-memories, final-memories, split-step, direct-max-epochs, width-stopping, stationarity-tolerance,
 * trainer, direct-start) the study compares growth by splitting with direct training instead (training.epochs is then
 * the number of epochs per width, or its cap with width-stopping: stationarity), with or without the null state and
 * latent classes.
 */
public final class PottsStudyType implements StudyType {
    @Override
    public String model() {
        return "potts";
    }

    @Override
    public RunnableStudy load(ConfigNode root, String text) {
        root.allowOnly("study", "model", "description", "seed", "data", "dam", "training", "evaluation", "growth", "stability");
        String name = studyName(root);
        long seed = root.integer("seed", 1L, 0, Long.MAX_VALUE);
        ConfigNode data = root.has("data") ? root.child("data").allowOnly("images", "labels", "train", "test", "mode") : null;
        Path images;
        Path labels;
        String mode = data == null ? "supervised" : data.string("mode", "supervised", "supervised", "unsupervised");
        if (data != null && data.has("images")) {
            images = existing(data, "images", data.string("images", null));
            labels = data.has("labels") ? existing(data, "labels", data.string("labels", null)) : null;
        } else {
            if (data != null && data.has("labels")) {
                throw data.error("data.labels", "is given without data.images; give both, or neither for the shipped MNIST digits");
            }
            Path dir;
            try {
                dir = ShippedMnist.directory();
            } catch (IdxFormatException e) {
                throw new InputException(root.file() + ": no data.images given and " + e.getMessage(), e);
            }
            images = dir.resolve(ShippedMnist.IMAGES);
            labels = dir.resolve(ShippedMnist.LABELS);
        }
        Path evaluationLabels = labels;
        if (mode.equals("unsupervised")) {
            labels = null;
        } else if (labels == null) {
            throw root.error("data.labels", "is missing; supervised training needs labels (or set data.mode: unsupervised)");
        }
        int[] train = range(data, "train", new int[] {0, 8000});
        int[] test = data != null && data.has("test") ? range(data, "test", null)
                : (data == null || !data.has("images") ? new int[] {8000, 10000} : null);
        ConfigNode dam = root.child("dam").allowOnly("memories", "inverse-temperature", "varsigma", "null-state", "latent-classes");
        boolean nullState = dam.flag("null-state", false);
        int latentClasses = (int) dam.integer("latent-classes", 1L, 1, 10_000);
        PottsJob.Latent latent = null;
        if (latentClasses > 1) {
            if (!mode.equals("unsupervised")) {
                throw dam.error("dam.latent-classes", "needs data.mode: unsupervised (supervised classes come from the labels); allowed: 1");
            }
            if (evaluationLabels == null) {
                throw dam.error("dam.latent-classes", "needs data.labels to evaluate the latent classes (they are not used in training)");
            }
            latent = new PottsJob.Latent(latentClasses, evaluationLabels);
        }
        boolean growth = root.has("growth");
        if (growth && root.has("stability")) {
            throw root.error("stability", "cannot be combined with a growth section; allowed: one of them");
        }
        int memories = growth ? 0 : (int) dam.integer("memories", null, 1, 1_000_000);
        if (growth && dam.has("memories")) {
            throw dam.error("dam.memories", "is not used with a growth section; give the widths as growth.final-memories");
        }
        double beta = dam.number("inverse-temperature", null, 1e-6, 1e4, "beta (exponent beta N m)");
        double varsigma = dam.number("varsigma", 1.0, 1e-6, 1.0, "beta_eff / beta");
        ConfigNode training = root.has("training") ? root.child("training")
                .allowOnly("epochs", "batch-size", "learning-rate", "class-learning-rate") : null;
        int epochs = training == null ? 10 : (int) training.integer("epochs", 10L, 0, 100_000);
        int batch = training == null ? 100 : (int) training.integer("batch-size", 100L, 1, 1_000_000);
        double rate = training == null ? 0.05 : training.number("learning-rate", 0.05, 0, 100, "eta");
        double classRate = training == null ? 0.05 : training.number("class-learning-rate", 0.05, 0, 1, "eta_c");
        String baseline = root.has("evaluation") ? root.child("evaluation").allowOnly("baseline")
                .string("baseline", "cosine-1nn", "cosine-1nn", "none") : "cosine-1nn";
        TrainingSettings trainingSettings = new TrainingSettings(beta, varsigma, epochs, batch, rate, classRate, seed);
        if (growth) {
            ConfigNode g = root.child("growth").allowOnly("initial-memories", "final-memories", "split-step", "direct-max-epochs",
                    "width-stopping", "stationarity-tolerance", "trainer", "direct-start");
            int initial = (int) g.integer("initial-memories", null, 1, 1_000_000);
            long[] finals = g.integers("final-memories", 1, 1_000_000);
            int[] widths = new int[finals.length];
            for (int k = 0; k < finals.length; k++) {
                widths[k] = (int) finals[k];
                if (widths[k] < initial) {
                    throw g.error("growth.final-memories", "has " + widths[k] + " < growth.initial-memories = " + initial);
                }
            }
            double step = g.number("split-step", 0.05, 1e-6, 1, "eps / sqrt(N)");
            int maxEpochs = (int) g.integer("direct-max-epochs", 30L, 1, 100_000);
            String stopping = g.string("width-stopping", "epochs", "epochs", "stationarity");
            double tolerance = 0;
            if (stopping.equals("stationarity")) {
                tolerance = g.number("stationarity-tolerance", null, 1e-9, 0.5, "the stationarity residual rho of an epoch");
            } else if (g.has("stationarity-tolerance")) {
                throw g.error("growth.stationarity-tolerance", "is only used with growth.width-stopping: stationarity");
            }
            NetworkGrowth.Trainer trainer = g.string("trainer", "sgd", "sgd", "em").equals("em") ? NetworkGrowth.Trainer.EM
                    : NetworkGrowth.Trainer.SGD;
            boolean directFromRandom = g.string("direct-start", "examples", "examples", "random").equals("random");
            PottsGrowthJob growthJob = new PottsGrowthJob(name, images, labels, train, test, trainingSettings, initial, widths, step,
                    maxEpochs, nullState, latent, tolerance, trainer, directFromRandom, root.file(), text);
            return runnable(name, settings -> growthJob.run(settings.resultsRoot(), settings.showProgress()),
                    outcome -> String.format("study %s: Potts DAM growth by splitting vs direct training, final P = %s",
                            name, java.util.Arrays.toString(widths)));
        }
        if (root.has("stability")) {
            ConfigNode st = root.child("stability").allowOnly("varsigmas", "memory-step");
            double[] varsigmas = st.numbers("varsigmas", 1e-6, 1, "beta_eff / beta");
            double step = st.number("memory-step", null, 1e-9, 1e9, "s, the absolute memory step w <- w - s (dL/dw)_perp");
            if (nullState || latent != null) {
                throw root.error("stability", "is run without dam.null-state and dam.latent-classes; allowed: leave those out");
            }
            PottsStabilityJob stabilityJob = new PottsStabilityJob(name, images, labels, train, test, trainingSettings, memories, varsigmas,
                    step, root.file(), text);
            return runnable(name, settings -> stabilityJob.run(settings.resultsRoot(), settings.showProgress()),
                    outcome -> String.format("study %s: Potts DAM training stability, P = %d, beta = %s, varsigma = %s at memory step %s",
                            name, memories, beta, java.util.Arrays.toString(varsigmas), step));
        }
        PottsJob job = new PottsJob(name, images, labels, train, test, memories,
                trainingSettings, null, nullState, latent,
                baseline.equals("cosine-1nn"), root.file(), text);
        return runnable(name, settings -> job.run(settings.resultsRoot(), settings.showProgress()),
                outcome -> outcome.metrics().containsKey("cluster_accuracy_dam")
                        ? String.format("study %s: unsupervised Potts DAM, P = %d, beta = %s, %d epochs, %s latent classes; cluster accuracy DAM %s, "
                                + "1-NN %s (coarse %s)", name, memories, beta, epochs, outcome.metrics().get("latent_classes"),
                                outcome.metrics().get("cluster_accuracy_dam"), outcome.metrics().get("cluster_accuracy_one_nn"),
                                outcome.metrics().get("coarse_cluster_accuracy"))
                        : String.format("study %s: Potts DAM, P = %d, beta = %s, varsigma = %s, %d epochs; 1-NN over memories %s, DAM %s",
                        name, memories, beta, varsigma, epochs, outcome.metrics().get("one_nn_accuracy"), outcome.metrics().get("dam_accuracy")));
    }

    private static RunnableStudy runnable(String name, java.util.function.Function<RunSettings, PottsJob.Outcome> job,
            java.util.function.Function<PottsJob.Outcome, String> summary) {
        return new RunnableStudy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StudySummary run(RunSettings settings) {
                PottsJob.Outcome outcome = job.apply(settings);
                return new StudySummary(outcome.folder(), outcome.seconds(), List.of(summary.apply(outcome)), List.of());
            }
        };
    }

    /** The {@code study} key, which names the results folder. */
    static String studyName(ConfigNode root) {
        String name = root.string("study", null);
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw root.error("study", "has value '" + name + "'; allowed: lower-case letters, digits, '.', '_' and '-' (it names the folder under results/)");
        }
        return name;
    }

    private static Path existing(ConfigNode node, String key, String value) {
        Path path = Path.of(value);
        if (!path.isAbsolute() && !Files.exists(path)) {
            // relative to the repository root when run from a module directory (tests)
            for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
                if (Files.exists(dir.resolve(value))) {
                    return dir.resolve(value);
                }
            }
        }
        if (!Files.isRegularFile(path)) {
            throw node.error("data." + key, "names '" + value + "', which is not a file; allowed: an IDX file (optionally .gz)");
        }
        return path;
    }

    private static int[] range(ConfigNode data, String key, int[] fallback) {
        if (data == null || !data.has(key)) {
            if (fallback == null) {
                throw new IllegalStateException("no default for data." + key);
            }
            return fallback;
        }
        long[] values = data.integers(key, 0, Integer.MAX_VALUE);
        if (values.length != 2 || values[0] >= values[1]) {
            throw data.error("data." + key, "must be [from, to] with from < to (examples from..to-1 of the file)");
        }
        return new int[] {(int) values[0], (int) values[1]};
    }
}
