package org.saddle.app.potts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.saddle.app.InputException;
import org.saddle.app.output.CsvTable;
import org.saddle.app.output.Json;
import org.saddle.app.output.MemoryGrid;
import org.saddle.app.output.Progress;
import org.saddle.app.output.Provenance;
import org.saddle.app.output.ResultDirectory;
import org.saddle.simulation.data.IdxFiles;
import org.saddle.simulation.data.IdxFormatException;
import org.saddle.simulation.data.LabelledImages;
import org.saddle.simulation.potts.LatentClasses;
import org.saddle.simulation.potts.MemoryFile;
import org.saddle.simulation.potts.StationaryPoint;
import org.saddle.simulation.potts.PottsClassifier;
import org.saddle.simulation.potts.PottsDam;
import org.saddle.simulation.potts.PottsTrainer;
import org.saddle.simulation.potts.SphereData;
import org.saddle.simulation.potts.TrainingSettings;

/**
 * Training a Potts DAM on an IDX data set and writing its folder: shared by {@code saddle run} (model: potts)
 * and {@code saddle train}.
 *
 * @param name        folder name under the results root
 * @param images      IDX image file
 * @param labels      IDX label file, or null (unsupervised, C = 1)
 * @param train       [from, to) of the training examples
 * @param test        [from, to) of the test examples, or null for none
 * @param memories    P
 * @param settings    SGD settings (beta, varsigma, epochs, ...)
 * @param start       memories to start from (a reloaded memory file), or null to start on training examples
 * @param nullState   whether to add the null hidden state (initial total weight 0.05; a reloaded file keeps its own)
 * @param latent      unsupervised C-class read-out and its evaluation (LatentClasses), or null
 * @param baseline    whether to compute the cosine 1-NN over all training examples
 * @param configFile  where the job came from (a config path or "command line")
 * @param configText  the config's text or the command line, for run.json
 */
public record PottsJob(String name, Path images, Path labels, int[] train, int[] test, int memories,
        TrainingSettings settings, Path start, boolean nullState, Latent latent, boolean baseline, String configFile,
        String configText) {

    /**
     * Unsupervised training read out into latent classes ({@link LatentClasses}).
     *
     * @param classes C, the number of latent classes
     * @param labels  IDX labels used only to evaluate (majority label of each latent class on the training set, then the
     *                cluster accuracy on the test set), never in training
     */
    public record Latent(int classes, Path labels) {}

    /** Initial total weight of the null hidden state, spread evenly over the classes. */
    public static final double NULL_STATE_WEIGHT = 0.05;

    /** What the job computed (metrics.json's content) and where it went. */
    public record Outcome(Path folder, Map<String, Object> metrics, double seconds) {}

    public Outcome run(Path resultsRoot, boolean showProgress) {
        long started = System.nanoTime();
        Map<String, Object> environment = Provenance.environment(Path.of("."));
        Split split = Split.load(images, labels, train, test);
        LabelledImages all = split.all();
        int[] train = split.train();
        SphereData trainData = split.trainData();
        SphereData testData = split.testData();
        PottsDam dam;
        if (start != null) {
            MemoryFile loaded;
            try {
                loaded = MemoryFile.read(start);
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage(), e);
            }
            dam = loaded.dam();
            if (dam.neurons() != trainData.neurons() || dam.classes() < trainData.classes()) {
                throw new InputException(start + ": memories with N = " + dam.neurons() + ", C = " + dam.classes()
                        + " do not fit the data (N = " + trainData.neurons() + ", C = " + trainData.classes() + ")");
            }
            if (dam.classes() > trainData.classes()) {
                trainData = trainData.withClasses(dam.classes());
                testData = testData == null ? null : testData.withClasses(dam.classes());
            }
        } else {
            if (memories > trainData.count()) {
                throw new InputException("P = " + memories + " memories exceed the " + trainData.count()
                        + " training examples; allowed: 1.." + trainData.count());
            }
            dam = PottsDam.startingOnExamples(trainData, memories, settings.seed());
        }
        if (nullState && !dam.hasNullState()) {
            dam = dam.withNullState(NULL_STATE_WEIGHT);
        }
        // unsupervised (no labels read): every label is 0, so accuracies would be meaningless; none are reported
        SphereData testSet = labels == null ? null : testData;
        double betaEff = settings.effectiveInverseTemperature();
        CsvTable history = new CsvTable("epoch", "loss", "one_nn_accuracy", "dam_accuracy", "seconds");
        Progress progress = Progress.onStderr("potts " + name, Math.max(1, (long) settings.epochs()
                * ((trainData.count() + settings.batchSize() - 1) / settings.batchSize())), showProgress);
        double trainingSeconds = 0;
        long updates = 0;
        double lastLoss = Double.NaN;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            // one epoch at a time so that the table can follow the test accuracy; epoch e uses the stream
            // split from (seed, e), the same as one call over all epochs would not be, but fixed for a seed
            PottsTrainer.History h = PottsTrainer.train(dam, trainData, settings.withEpochs(1).withSeed(settings.seed() * 1_000_003L + epoch),
                    (done, total) -> progress.advance(1));
            trainingSeconds += h.seconds();
            updates += h.exampleMemoryUpdates();
            lastLoss = h.lossPerEpoch()[0];
            if (!Double.isFinite(lastLoss)) {
                throw new org.saddle.app.ComputationException("training diverged at epoch " + epoch + " (loss " + lastLoss + ")");
            }
            history.row(epoch, lastLoss,
                    testSet == null ? Double.NaN : PottsClassifier.nearestMemoryAccuracy(dam, testSet),
                    testSet == null ? Double.NaN : PottsClassifier.damAccuracy(dam, testSet, betaEff), trainingSeconds);
        }
        progress.finish();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("memories", dam.memories());
        metrics.put("neurons", dam.neurons());
        metrics.put("classes", dam.classes());
        metrics.put("train_examples", trainData.count());
        metrics.put("test_examples", testSet == null ? 0 : testSet.count());
        metrics.put("inverse_temperature", settings.inverseTemperature());
        metrics.put("varsigma", settings.varsigma());
        double[] usage = memoryUsage(dam);
        metrics.put("memory_weight_perplexity", usage[0]);
        metrics.put("starved_memories", (int) usage[1]);
        metrics.put("null_state", dam.hasNullState());
        if (dam.hasNullState()) {
            metrics.put("null_state_weight", dam.nullStateWeight()); // P(h = 0): the share of the data the background explains
        }
        metrics.put("effective_inverse_temperature", betaEff);
        metrics.put("epochs", settings.epochs());
        metrics.put("final_training_loss", lastLoss);
        metrics.put("training_seconds", trainingSeconds);
        metrics.put("epochs_per_second", trainingSeconds > 0 ? settings.epochs() / trainingSeconds : null);
        metrics.put("example_memory_updates", updates);
        if (testSet != null) {
            metrics.put("one_nn_accuracy", PottsClassifier.nearestMemoryAccuracy(dam, testSet));
            metrics.put("dam_accuracy", PottsClassifier.damAccuracy(dam, testSet, betaEff));
            if (baseline) {
                metrics.put("cosine_1nn_all_training_accuracy", PottsClassifier.nearestExampleAccuracy(trainData, testSet));
            }
        }
        if (latent != null) {
            dam = readOutLatentClasses(dam, trainData, betaEff, metrics);
        }
        List<String> files = new ArrayList<>(List.of("metrics.json", "training.csv", "memories.pdam", "memories.png", "run.json"));
        Path folder;
        try (ResultDirectory out = ResultDirectory.create(resultsRoot, name)) {
            Json.write(metrics, out.file("metrics.json"));
            history.write(out.file("training.csv"));
            new MemoryFile(dam, all.rows(), all.columns(), settings.inverseTemperature(), settings.varsigma()).write(out.file("memories.pdam"));
            writeGrid(dam, all.rows(), all.columns(), out.file("memories.png"));
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Object> run = runJson(name, "training", configFile, configText, environment, settings.seed());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("images", images.toString());
            data.put("labels", labels == null ? null : labels.toString());
            data.put("train", List.of(train[0], train[1]));
            data.put("test", test == null ? null : List.of(test[0], test[1]));
            data.put("normalization", "each image scaled onto the sphere |x|^2 = N");
            run.put("data", data);
            Map<String, Object> training = new LinkedHashMap<>();
            training.put("memories", dam.memories());
            training.put("inverse_temperature", settings.inverseTemperature());
            training.put("varsigma", settings.varsigma());
            training.put("epochs", settings.epochs());
            training.put("batch_size", settings.batchSize());
            training.put("learning_rate", settings.learningRate());
            training.put("class_learning_rate", settings.classLearningRate());
            training.put("start", start == null ? "training examples" : start.toString());
            training.put("blas", dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getSimpleName());
            run.put("training", training);
            Map<String, Object> timing = new LinkedHashMap<>();
            timing.put("training_seconds", trainingSeconds);
            timing.put("total_seconds", seconds);
            run.put("timing", timing);
            run.put("files", files);
            Json.write(run, out.file("run.json"));
            folder = out.commit();
            return new Outcome(folder, metrics, seconds);
        }
    }

    /** The head of a Potts run.json: study, model, config, provenance, seed and the rule of the random streams. */
    /**
     * Memory usage: {exp(entropy) of the normalized memory weights q^mu = sum_y p^mu_y (P when all are used equally),
     * number of memories with less than a tenth of the uniform weight (memories the training has starved)}.
     */
    static double[] memoryUsage(PottsDam dam) {
        double[] q = new double[dam.memories()];
        double[] classWeights = dam.classWeights();
        double qTotal = 0;
        for (int mu = 0; mu < q.length; mu++) {
            for (int y = 0; y < dam.classes(); y++) {
                q[mu] += classWeights[mu * dam.classes() + y];
            }
            qTotal += q[mu];
        }
        double entropy = 0;
        int starved = 0;
        for (double v : q) {
            double share = v / qTotal;
            entropy -= share > 0 ? share * Math.log(share) : 0;
            starved += share < 0.1 / q.length ? 1 : 0;
        }
        return new double[] {Math.exp(entropy), starved};
    }

    static Map<String, Object> runJson(String name, String kind, String configFile, String configText,
            Map<String, Object> environment, long seed) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("study", name);
        run.put("model", "potts");
        run.put("kind", kind);
        run.put("config_file", configFile);
        run.put("config", configText);
        run.put("provenance", environment);
        run.put("seed", seed);
        run.put("random_streams", "initial memories: training examples drawn with the stream of seed; SGD batch order of "
                + "epoch (or growth stage) k: stream of seed * 1000003 + k; training is sequential, independent of --threads");
        return run;
    }

    /**
     * The training and test examples of an IDX data set, normalized onto the sphere.
     *
     * @param all       the whole file
     * @param train     [from, to) used for training (an open end resolved to the file's size)
     * @param trainData training examples
     * @param testData  test examples, or null
     */
    public record Split(LabelledImages all, int[] train, SphereData trainData, SphereData testData) {
        /** Reads and normalizes; bad files and ranges become {@link InputException}s. */
        public static Split load(Path images, Path labels, int[] requestedTrain, int[] test) {
            LabelledImages all;
            try {
                all = IdxFiles.read(images, labels);
            } catch (IdxFormatException e) {
                throw new InputException(e.getMessage(), e);
            }
            int[] train = requestedTrain[1] == Integer.MAX_VALUE ? new int[] {requestedTrain[0], all.count()} : requestedTrain;
            checkRange("train", train, all.count());
            if (test != null) {
                checkRange("test", test, all.count());
            }
            boolean supervised = labels != null;
            try {
                SphereData trainData = SphereData.of(all.range(train[0], train[1]), supervised);
                SphereData testData = null;
                if (test != null) {
                    testData = SphereData.of(all.range(test[0], test[1]), supervised);
                    int c = Math.max(trainData.classes(), testData.classes());
                    trainData = trainData.withClasses(c);
                    testData = testData.withClasses(c);
                }
                return new Split(all, train, trainData, testData);
            } catch (IllegalArgumentException e) {
                throw new InputException(images + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The latent-class read-out of an unsupervised DAM: the coarse C-memory stationary point, each memory's class, the
     * C-class DAM (same likelihood), and cluster accuracies (DAM posterior and nearest memory, and the coarse DAM alone)
     * on the test examples with each latent class mapped to its majority training label. Returns the C-class DAM.
     */
    private PottsDam readOutLatentClasses(PottsDam trained, SphereData unlabelled, double betaEff, Map<String, Object> metrics) {
        Split labelled = Split.load(images, latent.labels(), train, test);
        if (labelled.testData() == null) {
            throw new InputException("latent classes are evaluated on test examples; give data.test");
        }
        StationaryPoint coarse = LatentClasses.coarse(unlabelled, latent.classes(), betaEff, settings.seed() + 1);
        int[] trainLabels = labelled.trainData().labels();
        LatentClasses.Readout readout = LatentClasses.readOut(trained, LatentClasses.assign(trained, coarse.dam()), latent.classes(),
                unlabelled, trainLabels, labelled.testData(), betaEff);
        int[] identity = new int[latent.classes()];
        for (int k = 0; k < identity.length; k++) {
            identity[k] = k;
        }
        LatentClasses.Readout coarseReadout = LatentClasses.readOut(coarse.dam(), identity, latent.classes(), unlabelled, trainLabels,
                labelled.testData(), betaEff);
        metrics.put("latent_classes", latent.classes());
        metrics.put("latent_class_labels", readout.labelOfClass());
        metrics.put("cluster_accuracy_dam", readout.clusterAccuracyDam());
        metrics.put("cluster_accuracy_one_nn", readout.clusterAccuracyOneNn());
        metrics.put("coarse_cluster_accuracy", coarseReadout.clusterAccuracyDam());
        metrics.put("coarse_converged", coarse.converged());
        metrics.put("coarse_residual", coarse.gradientNorm());
        return readout.dam();
    }

    /** Memories sorted by class (argmax_y p^mu_y), with their rescaled class weights. */
    static void writeGrid(PottsDam dam, int rows, int columns, Path file) {
        int p = dam.memories();
        int c = dam.classes();
        Integer[] order = new Integer[p];
        for (int mu = 0; mu < p; mu++) {
            order[mu] = mu;
        }
        java.util.Arrays.sort(order, (a, b) -> a.equals(b) ? 0
                : dam.memoryClass(a) != dam.memoryClass(b) ? Integer.compare(dam.memoryClass(a), dam.memoryClass(b)) : Integer.compare(a, b));
        double[] weights = dam.classWeights();
        double[] rescaled = new double[weights.length];
        for (int mu = 0; mu < p; mu++) {
            double sum = 0;
            for (int y = 0; y < c; y++) {
                sum += weights[mu * c + y];
            }
            for (int y = 0; y < c; y++) {
                rescaled[mu * c + y] = weights[mu * c + y] / sum;
            }
        }
        MemoryGrid.write(dam.memoryWeights(), rows, columns, java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray(),
                rescaled, c, file);
    }

    private static void checkRange(String which, int[] range, int count) {
        if (range[0] < 0 || range[1] > count || range[0] >= range[1]) {
            throw new InputException(which + " range [" + range[0] + ", " + range[1] + ") is not inside the data set's [0, " + count
                    + "); allowed: 0 <= from < to <= " + count);
        }
    }
}
