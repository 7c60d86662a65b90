package org.saddle.app.potts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.saddle.app.output.CsvTable;
import org.saddle.app.output.Figures;
import org.saddle.app.output.Json;
import org.saddle.app.output.Progress;
import org.saddle.app.output.Provenance;
import org.saddle.app.output.ResultDirectory;
import org.saddle.simulation.ProgressListener;
import org.saddle.simulation.potts.PottsClassifier;
import org.saddle.simulation.potts.PottsDam;
import org.saddle.simulation.potts.PottsLoss;
import org.saddle.simulation.potts.PottsTrainer;
import org.saddle.simulation.potts.SphereData;
import org.saddle.simulation.potts.TrainingSettings;

/**
 * Does the effective loss (beta_eff = varsigma beta) stabilize training? For each varsigma the same DAM (P memories
 * started on the same training examples) is trained with the same absolute memory step s: w &lt;- w - s (dL/dw)_perp,
 * i.e. learning rate eta = s beta_eff / P in the trainer's rule eta P / beta_eff. Since dL/dw is proportional to
 * beta_eff, the plain likelihood (varsigma = 1) takes steps 1/varsigma times larger than the effective loss. After each
 * epoch the job records the plain loss at beta on all training examples (the same objective for every varsigma), the
 * epoch's effective loss, test accuracies and the memory usage. Instability shows as a plain loss that rises from epoch
 * to epoch and accuracies that oscillate.
 */
public record PottsStabilityJob(String name, Path images, Path labels, int[] train, int[] test, TrainingSettings settings,
        int memories, double[] varsigmas, double memoryStep, String configFile, String configText) {

    public PottsJob.Outcome run(Path resultsRoot, boolean showProgress) {
        long started = System.nanoTime();
        Map<String, Object> environment = Provenance.environment(Path.of("."));
        PottsJob.Split split = PottsJob.Split.load(images, labels, train, test);
        SphereData data = split.trainData();
        SphereData testData = labels == null ? null : split.testData();
        double beta = settings.inverseTemperature();
        PottsLoss plain = new PottsLoss(data, beta, Math.min(512, data.count()));
        CsvTable table = new CsvTable("varsigma", "epoch", "learning_rate", "plain_loss", "effective_loss", "one_nn_accuracy", "dam_accuracy",
                "memory_weight_perplexity", "starved_memories");
        Progress progress = Progress.onStderr("potts stability " + name, (long) varsigmas.length * settings.epochs(), showProgress);
        XYChart chart = Figures.chart("Plain loss at beta = " + beta + " with the same memory step s = " + memoryStep, "epoch",
                "plain loss (shifted NLL) / N");
        List<Map<String, Object>> summary = new ArrayList<>();
        int colour = 0;
        for (double varsigma : varsigmas) {
            double betaEff = varsigma * beta;
            double rate = memoryStep * betaEff / memories;
            TrainingSettings run = new TrainingSettings(beta, varsigma, 1, settings.batchSize(), rate, settings.classLearningRate(),
                    settings.seed());
            PottsDam dam = PottsDam.startingOnExamples(data, memories, settings.seed());
            double[] epochs = new double[settings.epochs()];
            double[] losses = new double[settings.epochs()];
            int rises = 0;
            double previous = Double.NaN;
            double lastOneNn = Double.NaN;
            double lastDam = Double.NaN;
            double minOneNn = Double.POSITIVE_INFINITY;
            double maxOneNn = Double.NEGATIVE_INFINITY;
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                PottsTrainer.History h = PottsTrainer.train(dam, data, run.withSeed(settings.seed() * 1_000_003L + epoch), ProgressListener.NONE);
                double plainLoss = plain.loss(dam);
                if (!Double.isFinite(plainLoss)) {
                    throw new org.saddle.app.ComputationException("varsigma " + varsigma + ": the loss is not finite at epoch " + epoch);
                }
                rises += epoch > 1 && plainLoss > previous ? 1 : 0;
                previous = plainLoss;
                lastOneNn = testData == null ? Double.NaN : PottsClassifier.nearestMemoryAccuracy(dam, testData);
                lastDam = testData == null ? Double.NaN : PottsClassifier.damAccuracy(dam, testData, betaEff);
                if (testData != null && epoch > 1) {
                    minOneNn = Math.min(minOneNn, lastOneNn);
                    maxOneNn = Math.max(maxOneNn, lastOneNn);
                }
                double[] usage = PottsJob.memoryUsage(dam);
                table.row(varsigma, epoch, rate, plainLoss, h.lossPerEpoch()[0], lastOneNn, lastDam, usage[0], (int) usage[1]);
                epochs[epoch - 1] = epoch;
                losses[epoch - 1] = plainLoss / data.neurons();
                progress.advance(1);
            }
            Figures.line(chart, "varsigma = " + varsigma, epochs, losses, Figures.PALETTE[colour++ % Figures.PALETTE.length], false);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("varsigma", varsigma);
            row.put("learning_rate", rate);
            row.put("final_plain_loss", previous);
            row.put("epochs_with_rising_plain_loss", rises);
            row.put("final_one_nn_accuracy", lastOneNn);
            row.put("final_dam_accuracy", lastDam);
            row.put("one_nn_accuracy_range_after_epoch_1", testData == null || settings.epochs() < 2 ? null : maxOneNn - minOneNn);
            summary.add(row);
        }
        progress.finish();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("inverse_temperature", beta);
        metrics.put("memories", memories);
        metrics.put("memory_step", memoryStep);
        metrics.put("epochs", settings.epochs());
        metrics.put("runs", summary);
        Path folder;
        try (ResultDirectory out = ResultDirectory.create(resultsRoot, name)) {
            table.write(out.file("stability.csv"));
            Json.write(metrics, out.file("metrics.json"));
            Figures.save(chart, out.file("stability"));
            Map<String, Object> run = PottsJob.runJson(name, "stability", configFile, configText, environment, settings.seed());
            run.put("timing", Map.of("total_seconds", (System.nanoTime() - started) / 1e9));
            run.put("files", List.of("stability.csv", "metrics.json", "stability.png", "stability.svg", "run.json"));
            Json.write(run, out.file("run.json"));
            folder = out.commit();
        }
        return new PottsJob.Outcome(folder, metrics, (System.nanoTime() - started) / 1e9);
    }
}
