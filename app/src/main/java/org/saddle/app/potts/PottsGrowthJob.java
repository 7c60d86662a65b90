package org.saddle.app.potts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saddle.app.InputException;
import org.saddle.app.output.CsvTable;
import org.saddle.app.output.Figures;
import org.saddle.app.output.Json;
import org.saddle.app.output.Progress;
import org.saddle.app.output.Provenance;
import org.saddle.app.output.ResultDirectory;
import org.saddle.simulation.ProgressListener;
import org.saddle.simulation.potts.LatentClasses;
import org.saddle.simulation.potts.NetworkGrowth;
import org.saddle.simulation.potts.PottsClassifier;
import org.saddle.simulation.potts.PottsDam;
import org.saddle.simulation.potts.PottsTrainer;
import org.saddle.simulation.potts.SphereData;
import org.saddle.simulation.potts.StationaryPoint;
import org.saddle.simulation.potts.TrainingSettings;

/**
 * Growth by splitting steepest descent against direct training, for each final width P: growth starts at
 * {@code initialMemories}, trains each width (a fixed {@code settings.epochs()} epochs, or with a stationarity tolerance
 * until the epoch's stationarity residual is at most it, {@code settings.epochs()} at most) and doubles P by splitting
 * along the most negative splitting directions; direct training starts P memories on training examples and trains
 * epoch by epoch until its epoch loss is at most the grown network's final loss (row {@code direct}) and, with a
 * stationarity tolerance, until it is stationary by the same criterion (row {@code direct-stationary}), at most
 * {@code directMaxEpochs} epochs. Cost: example-memory gradient terms (sum over SGD batches of B P) and training time.
 * With the null state both start with it (weight {@link PottsJob#NULL_STATE_WEIGHT}); with latent classes both are
 * trained without labels and read out through the same coarse C-memory stationary point ({@link LatentClasses}).
 *
 * @param nullState             whether both networks have the null hidden state
 * @param latent                unsupervised C-class read-out and its evaluation, or null
 * @param stationarityTolerance width stopping by the stationarity residual rho ({@link PottsTrainer}), 0 for fixed epochs
 * @param trainer               SGD epochs or mean-field (EM) iterations, for growth and direct training alike
 * @param directFromRandom      whether direct training starts from random directions on the sphere instead of P training
 *                              examples (growth always starts its narrowest width on training examples)
 */
public record PottsGrowthJob(String name, Path images, Path labels, int[] train, int[] test, TrainingSettings settings,
        int initialMemories, int[] finalMemories, double splitStep, int directMaxEpochs, boolean nullState, PottsJob.Latent latent,
        double stationarityTolerance, NetworkGrowth.Trainer trainer, boolean directFromRandom, String configFile, String configText) {

    /** Accuracies of one DAM (NaN where they do not apply). */
    private record Evaluation(double oneNn, double dam, double clusterDam, double clusterOneNn) {}

    /** A point of direct training: epochs, cost, loss, residual and the accuracies of the DAM there. */
    private record Milestone(int epochs, long updates, double seconds, double loss, double residual, double nullWeight,
            Evaluation evaluation) {}

    public PottsJob.Outcome run(Path resultsRoot, boolean showProgress) {
        long started = System.nanoTime();
        Map<String, Object> environment = Provenance.environment(Path.of("."));
        PottsJob.Split split = PottsJob.Split.load(images, labels, train, test);
        SphereData data = split.trainData();
        SphereData testData = labels == null ? null : split.testData(); // no accuracies without labels
        double betaEff = settings.effectiveInverseTemperature();
        Map<String, Object> metrics = new LinkedHashMap<>();
        LatentContext context = latent == null ? null : LatentContext.of(this, data, betaEff, metrics);
        boolean stopAtStationarity = stationarityTolerance > 0;
        CsvTable table = new CsvTable("final_memories", "method", "epochs", "example_memory_updates", "seconds", "loss",
                "stationarity_residual", "null_state_weight", "one_nn_accuracy", "dam_accuracy", "cluster_accuracy_dam",
                "cluster_accuracy_one_nn", "reached_growth_loss", "stationary");
        CsvTable stagesTable = new CsvTable("final_memories", "memories", "epochs", "loss", "stationarity_residual", "null_state_weight",
                "example_memory_updates", "seconds", "split_curvature");
        Progress progress = Progress.onStderr("potts growth " + name, finalMemories.length * 2L, showProgress);
        List<double[]> growthCost = new ArrayList<>();
        List<double[]> directCost = new ArrayList<>();
        List<double[]> stationaryCost = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int target : finalMemories) {
            NetworkGrowth.Result grown = NetworkGrowth.grow(data, settings, new NetworkGrowth.Settings(Math.min(initialMemories, target), target,
                    settings.epochs(), splitStep, nullState ? PottsJob.NULL_STATE_WEIGHT : 0, stationarityTolerance, trainer), ProgressListener.NONE);
            NetworkGrowth.Stage last = grown.stages().get(grown.stages().size() - 1);
            int growthEpochs = 0;
            for (NetworkGrowth.Stage s : grown.stages()) {
                stagesTable.row(target, s.memories(), s.epochs(), s.loss(), s.residual(), s.nullStateWeight(), s.updates(), s.seconds(),
                        s.splitCurvature());
                growthEpochs += s.epochs();
            }
            Evaluation growthEval = evaluate(grown.dam(), testData, context, betaEff);
            addRow(table, target, "growth", new Milestone(growthEpochs, last.updates(), last.seconds(), last.loss(), last.residual(),
                    last.nullStateWeight(), growthEval), null, stopAtStationarity ? last.residual() <= stationarityTolerance : null);
            progress.advance(1);
            // direct training: to the grown loss, and (with a tolerance) to stationarity
            PottsDam direct = directFromRandom ? PottsDam.randomOnSphere(data.neurons(), target, data.classes(), settings.seed())
                    : PottsDam.startingOnExamples(data, target, settings.seed());
            if (nullState) {
                direct = direct.withNullState(PottsJob.NULL_STATE_WEIGHT);
            }
            long updates = 0;
            double seconds = 0;
            int epochs = 0;
            Milestone reachedLoss = null;
            Milestone stationary = null;
            Milestone current = null;
            while (epochs < directMaxEpochs && (reachedLoss == null || (stopAtStationarity && stationary == null))) {
                epochs++;
                // with a tolerance, an EM iteration that finds the point stationary leaves it where it is (the evaluated point)
                PottsTrainer.History h = trainer.train(direct, data, settings, 1, stationarityTolerance, settings.seed() * 1_000_003L + epochs);
                updates += h.exampleMemoryUpdates();
                seconds += h.seconds();
                boolean lossReached = h.lastLoss() <= last.loss();
                boolean isStationary = stopAtStationarity && h.lastResidual() <= stationarityTolerance;
                Evaluation here = lossReached && reachedLoss == null || isStationary && stationary == null || epochs == directMaxEpochs
                        ? evaluate(direct, testData, context, betaEff) : null;
                current = new Milestone(epochs, updates, seconds, h.lastLoss(), h.lastResidual(), direct.nullStateWeight(), here);
                if (lossReached && reachedLoss == null) {
                    reachedLoss = current;
                }
                if (isStationary && stationary == null) {
                    stationary = current;
                }
                if (stationary != null && trainer == NetworkGrowth.Trainer.EM) {
                    break; // EM does not move a stationary point: the grown loss is out of reach if not reached yet
                }
            }
            Milestone toLoss = reachedLoss != null ? reachedLoss : current;
            addRow(table, target, "direct", toLoss, reachedLoss != null, stopAtStationarity ? toLoss.residual() <= stationarityTolerance : null);
            directCost.add(new double[] {target, toLoss.updates(), toLoss.seconds()});
            Milestone toStationary = null;
            if (stopAtStationarity) {
                toStationary = stationary != null ? stationary : current;
                addRow(table, target, "direct-stationary", toStationary, toStationary.loss() <= last.loss(), stationary != null);
                stationaryCost.add(new double[] {target, toStationary.updates(), toStationary.seconds()});
            }
            progress.advance(1);
            growthCost.add(new double[] {target, last.updates(), last.seconds()});
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("final_memories", target);
            row.put("growth_updates", last.updates());
            row.put("direct_updates", toLoss.updates());
            row.put("direct_reached_growth_loss", reachedLoss != null);
            row.put("cost_ratio_direct_over_growth", (double) toLoss.updates() / last.updates());
            if (toStationary != null) {
                row.put("growth_stationary", last.residual() <= stationarityTolerance);
                row.put("direct_stationary_updates", toStationary.updates());
                row.put("direct_stationary_reached", stationary != null);
                row.put("cost_ratio_direct_stationary_over_growth", (double) toStationary.updates() / last.updates());
            }
            putAccuracies(row, "growth_", growthEval);
            putAccuracies(row, "direct_", toLoss.evaluation());
            rows.add(row);
        }
        progress.finish();
        metrics.put("comparisons", rows);
        try (ResultDirectory out = ResultDirectory.create(resultsRoot, name)) {
            table.write(out.file("growth.csv"));
            stagesTable.write(out.file("growth-stages.csv"));
            Json.write(metrics, out.file("metrics.json"));
            XYChart chart = Figures.chart("Potts DAM: growth by splitting vs direct training", "final number of memories P",
                    "example-memory gradient terms");
            chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
            Figures.points(chart, "growth by splitting", column(growthCost, 0), column(growthCost, 1), null, Figures.PALETTE[0], SeriesMarkers.CIRCLE);
            Figures.points(chart, "direct training to the grown loss", column(directCost, 0), column(directCost, 1), null, Figures.PALETTE[1],
                    SeriesMarkers.SQUARE);
            if (stopAtStationarity) {
                Figures.points(chart, "direct training to stationarity", column(stationaryCost, 0), column(stationaryCost, 1), null,
                        Figures.PALETTE[2], SeriesMarkers.DIAMOND);
            }
            Figures.save(chart, out.file("growth-cost"));
            Map<String, Object> run = PottsJob.runJson(name, "growth", configFile, configText, environment, settings.seed());
            Map<String, Object> growth = new LinkedHashMap<>();
            growth.put("initial_memories", initialMemories);
            growth.put("final_memories", java.util.Arrays.toString(finalMemories));
            growth.put("split_step", splitStep);
            growth.put("direct_max_epochs", directMaxEpochs);
            growth.put("width_stopping", stopAtStationarity ? "stationarity" : "epochs");
            growth.put("trainer", trainer.name().toLowerCase(java.util.Locale.ROOT));
            growth.put("direct_start", directFromRandom ? "random" : "examples");
            growth.put(stopAtStationarity ? "max_epochs_per_width" : "epochs_per_width", settings.epochs());
            growth.put("stationarity_tolerance", stationarityTolerance);
            growth.put("null_state", nullState);
            growth.put("latent_classes", latent == null ? 1 : latent.classes());
            run.put("growth", growth);
            run.put("timing", Map.of("total_seconds", (System.nanoTime() - started) / 1e9));
            run.put("files", List.of("growth.csv", "growth-stages.csv", "metrics.json", "growth-cost.png", "growth-cost.svg", "run.json"));
            Json.write(run, out.file("run.json"));
            return new PottsJob.Outcome(out.commit(), metrics, (System.nanoTime() - started) / 1e9);
        }
    }

    /** The labelled split and the coarse C-memory stationary point shared by every read-out of the study. */
    private record LatentContext(int classes, SphereData unlabelled, int[] trainLabels, SphereData test, StationaryPoint coarse) {
        static LatentContext of(PottsGrowthJob job, SphereData unlabelled, double betaEff, Map<String, Object> metrics) {
            PottsJob.Split labelled = PottsJob.Split.load(job.images(), job.latent().labels(), job.train(), job.test());
            if (labelled.testData() == null) {
                throw new InputException("latent classes are evaluated on test examples; give data.test");
            }
            int classes = job.latent().classes();
            StationaryPoint coarse = LatentClasses.coarse(unlabelled, classes, betaEff, job.settings().seed() + 1);
            int[] identity = new int[classes];
            for (int k = 0; k < classes; k++) {
                identity[k] = k;
            }
            LatentContext context = new LatentContext(classes, unlabelled, labelled.trainData().labels(), labelled.testData(), coarse);
            metrics.put("latent_classes", classes);
            metrics.put("coarse_cluster_accuracy", LatentClasses.readOut(coarse.dam(), identity, classes, unlabelled, context.trainLabels(),
                    context.test(), betaEff).clusterAccuracyDam());
            metrics.put("coarse_converged", coarse.converged());
            metrics.put("coarse_residual", coarse.gradientNorm());
            return context;
        }
    }

    private static Evaluation evaluate(PottsDam dam, SphereData testData, LatentContext context, double betaEff) {
        double oneNn = testData == null ? Double.NaN : PottsClassifier.nearestMemoryAccuracy(dam, testData);
        double damAccuracy = testData == null ? Double.NaN : PottsClassifier.damAccuracy(dam, testData, betaEff);
        if (context == null) {
            return new Evaluation(oneNn, damAccuracy, Double.NaN, Double.NaN);
        }
        LatentClasses.Readout readout = LatentClasses.readOut(dam, LatentClasses.assign(dam, context.coarse().dam()), context.classes(),
                context.unlabelled(), context.trainLabels(), context.test(), betaEff);
        return new Evaluation(oneNn, damAccuracy, readout.clusterAccuracyDam(), readout.clusterAccuracyOneNn());
    }

    private static void addRow(CsvTable table, int target, String method, Milestone m, Boolean reached, Boolean stationary) {
        Evaluation e = m.evaluation();
        table.row(target, method, m.epochs(), m.updates(), m.seconds(), m.loss(), m.residual(), m.nullWeight(), e.oneNn(), e.dam(),
                e.clusterDam(), e.clusterOneNn(), reached, stationary);
    }

    private static void putAccuracies(Map<String, Object> row, String prefix, Evaluation e) {
        if (!Double.isNaN(e.oneNn())) {
            row.put(prefix + "one_nn_accuracy", e.oneNn());
            row.put(prefix + "dam_accuracy", e.dam());
        }
        if (!Double.isNaN(e.clusterDam())) {
            row.put(prefix + "cluster_accuracy_dam", e.clusterDam());
            row.put(prefix + "cluster_accuracy_one_nn", e.clusterOneNn());
        }
    }

    private static double[] column(List<double[]> rows, int k) {
        return rows.stream().mapToDouble(r -> r[k]).toArray();
    }
}
