package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddle.app.output.Json;

/** {@code saddle run} with model: potts and a growth section: growth by splitting against direct training. */
class PottsGrowthCommandsTest {
    @TempDir
    Path dir;

    @Test
    void growthStudyComparesWithDirectTraining() throws IOException {
        Path config = dir.resolve("growth.yaml");
        Files.writeString(config, """
                study: tiny-growth
                model: potts
                data: {train: [0, 400], test: [8000, 8200]}
                dam: {inverse-temperature: 0.2}
                training: {epochs: 1, batch-size: 50}
                growth: {initial-memories: 5, final-memories: [10, 20], direct-max-epochs: 3}
                """);
        Path results = dir.resolve("results");
        CliHarness.Outcome outcome = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(0, outcome.exitCode(), outcome.err());
        java.util.List<String> rows = Files.readAllLines(results.resolve("tiny-growth/growth.csv"));
        assertEquals(1 + 4, rows.size(), "growth and direct rows for each final P");
        assertTrue(rows.get(1).startsWith("10,growth,2,"), rows.get(1));
        // growth cost: 400 examples x (5 + 10) memories x 1 epoch per width
        assertEquals(400L * (5 + 10), Long.parseLong(rows.get(1).split(",")[3]));
        assertTrue(Files.size(results.resolve("tiny-growth/growth-cost.png")) > 0);
        java.util.List<String> stages = Files.readAllLines(results.resolve("tiny-growth/growth-stages.csv"));
        assertEquals(1 + 2 + 3, stages.size(), "widths 5,10 then 5,10,20");
    }

    /**
     * Growth without labels, with the null state and with width stopping by stationarity: rows growth, direct (to the
     * grown loss) and direct-stationary; both networks carry the null state (its learned weight P(h = 0) in (0, 1)); the
     * latent classes of both are read out (cluster accuracies above chance for the 3 mapped labels of 10 digits, as in
     * the latent-class study test); a row is "stationary" exactly when its residual is at most the tolerance. Bad growth
     * values still exit 2.
     */
    @Test
    void unsupervisedGrowthWithTheNullStateAndStationarityStopping() throws IOException {
        Path config = dir.resolve("growth-null.yaml");
        Files.writeString(config, """
                study: tiny-growth-null
                model: potts
                data: {train: [0, 400], test: [8000, 8200], mode: unsupervised}
                dam: {inverse-temperature: 0.2, null-state: true, latent-classes: 3}
                training: {epochs: 3, batch-size: 50}
                growth: {initial-memories: 5, final-memories: [10], direct-max-epochs: 3, width-stopping: stationarity,
                         stationarity-tolerance: 0.05}
                """);
        Path results = dir.resolve("results");
        CliHarness.Outcome outcome = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(0, outcome.exitCode(), outcome.err());
        java.util.List<String> rows = Files.readAllLines(results.resolve("tiny-growth-null/growth.csv"));
        java.util.List<String> header = java.util.List.of(rows.get(0).split(","));
        assertEquals(1 + 3, rows.size(), String.join("\n", rows));
        String[] methods = {"growth", "direct", "direct-stationary"};
        for (int k = 0; k < 3; k++) {
            String[] f = rows.get(1 + k).split(",", -1);
            assertEquals(methods[k], f[1]);
            double nullWeight = Double.parseDouble(f[header.indexOf("null_state_weight")]);
            assertTrue(nullWeight > 0 && nullWeight < 1, rows.get(1 + k));
            for (String key : new String[] {"cluster_accuracy_dam", "cluster_accuracy_one_nn"}) {
                double a = Double.parseDouble(f[header.indexOf(key)]);
                assertTrue(a > 0.15 && a <= 1, key + " in " + rows.get(1 + k));
            }
            assertEquals("", f[header.indexOf("one_nn_accuracy")], "no supervised accuracy without labels");
            double residual = Double.parseDouble(f[header.indexOf("stationarity_residual")]);
            assertEquals(residual <= 0.05, Boolean.parseBoolean(f[header.indexOf("stationary")]), rows.get(1 + k));
        }
        JsonNode metrics = Json.mapper().readTree(results.resolve("tiny-growth-null/metrics.json").toFile());
        assertEquals(3, metrics.get("latent_classes").asInt());
        String text = Files.readString(config);
        String[][] bad = {
            {"width-stopping: stationarity", "width-stopping: sometimes", "growth.width-stopping"},
            {"width-stopping: stationarity,", "width-stopping: epochs,", "growth.stationarity-tolerance"},
            {"stationarity-tolerance: 0.05", "stationarity-tolerance: 2", "growth.stationarity-tolerance"},
            {"mode: unsupervised", "mode: supervised", "dam.latent-classes"},
            {"width-stopping: stationarity,", "width-stopping: stationarity, trainer: adam,", "growth.trainer"},
            {"width-stopping: stationarity,", "width-stopping: stationarity, direct-start: zeros,", "growth.direct-start"},
        };
        for (String[] c : bad) {
            Files.writeString(config, text.replace(c[0], c[1]).replace("tiny-growth-null", "bad-growth"));
            CliHarness.Outcome o = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
            assertEquals(2, o.exitCode(), c[1] + ": " + o.err());
            assertTrue(o.err().contains(c[2]), o.err());
        }
        assertFalse(Files.exists(results.resolve("bad-growth")));
    }
}
