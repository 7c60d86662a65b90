package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddle.app.output.Json;
import org.saddle.simulation.data.LabelledImages;
import org.saddle.simulation.data.ShippedMnist;
import org.saddle.simulation.potts.MemoryFile;
import org.saddle.simulation.potts.PottsClassifier;
import org.saddle.simulation.potts.SphereData;

/** {@code saddle run} with model: potts and {@code saddle train}: files, reload, determinism, bad input. */
class PottsCommandsTest {
    @TempDir
    Path dir;

    static Path quickConfig() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("configs/potts-mnist-quick.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("configs/potts-mnist-quick.yaml not found");
    }

    @Test
    void quickStudyWritesMetricsAndReloadableMemoriesIndependentOfThreads() throws IOException {
        Path results1 = dir.resolve("r1");
        Path results2 = dir.resolve("r2");
        CliHarness.Outcome one = CliHarness.run("run", quickConfig().toString(), "--results-dir", results1.toString(), "--quiet", "--threads", "1");
        assertEquals(0, one.exitCode(), one.err());
        CliHarness.Outcome two = CliHarness.run("run", quickConfig().toString(), "--results-dir", results2.toString(), "--quiet", "--threads", "2");
        assertEquals(0, two.exitCode(), two.err());
        Path folder = results1.resolve("potts-mnist-quick");
        for (String file : new String[] {"metrics.json", "training.csv", "memories.pdam", "memories.png", "run.json"}) {
            assertTrue(Files.size(folder.resolve(file)) > 0, file);
        }
        assertArrayEquals(Files.readAllBytes(folder.resolve("memories.pdam")),
                Files.readAllBytes(results2.resolve("potts-mnist-quick/memories.pdam")), "same seed, any thread count: same memories");
        JsonNode metrics = Json.mapper().readTree(folder.resolve("metrics.json").toFile());
        double oneNn = metrics.get("one_nn_accuracy").asDouble();
        assertTrue(metrics.has("dam_accuracy"));
        assertEquals(50, metrics.get("memories").asInt());
        // the saved memories reproduce the reported 1-NN accuracy on the same 2,000 test digits
        MemoryFile reloaded = MemoryFile.read(folder.resolve("memories.pdam"));
        LabelledImages all = ShippedMnist.load();
        SphereData test = SphereData.of(all.range(8000, 10000), true).withClasses(reloaded.dam().classes());
        assertEquals(oneNn, PottsClassifier.nearestMemoryAccuracy(reloaded.dam(), test));
        JsonNode run = Json.mapper().readTree(folder.resolve("run.json").toFile());
        assertEquals("potts", run.get("model").asText());
        assertEquals(1, run.get("seed").asInt());
    }

    /**
     * One-memory teacher-student Monte Carlo against the large-N saddle points (OneMemoryTeacherStudent):
     * every z-score of R within 4 (20 samples a point; O(1/N) bias small against the errors at N = 300).
     */
    @Test
    void teacherStudentMonteCarloAgreesWithTheSaddlePoint() throws IOException {
        Path config = dir.resolve("ts.yaml");
        Files.writeString(config, """
                study: tiny-ts
                model: potts-teacher-student
                seed: 3
                neurons: 300
                teacher-inverse-temperatures: [0.3, 1.0]
                examples: [1, 10]
                samples: 20
                """);
        Path results = dir.resolve("results");
        CliHarness.Outcome outcome = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(0, outcome.exitCode(), outcome.err());
        java.util.List<String> rows = Files.readAllLines(results.resolve("tiny-ts/teacher-student.csv"));
        assertEquals(1 + 4, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertTrue(Math.abs(Double.parseDouble(f[8])) < 4, row);
            // m: same check with its own error
            assertTrue(Math.abs(Double.parseDouble(f[3]) - Double.parseDouble(f[2])) < 4 * Double.parseDouble(f[4]), row);
        }
    }

    @Test
    void unsupervisedStudyReportsNoAccuracies() throws IOException {
        Path config = dir.resolve("unsup.yaml");
        Files.writeString(config, """
                study: tiny-unsupervised
                model: potts
                data: {train: [0, 300], test: [8000, 8100], mode: unsupervised}
                dam: {memories: 5, inverse-temperature: 0.2}
                training: {epochs: 1}
                """);
        Path results = dir.resolve("results");
        CliHarness.Outcome outcome = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(0, outcome.exitCode(), outcome.err());
        JsonNode metrics = Json.mapper().readTree(results.resolve("tiny-unsupervised/metrics.json").toFile());
        assertEquals(1, metrics.get("classes").asInt());
        assertFalse(metrics.has("one_nn_accuracy"), "labels were not read: no accuracy to report");
        assertFalse(metrics.has("dam_accuracy"));
    }

    /**
     * Unsupervised training with C = 3 latent classes on 600 digits: the labels are read only to evaluate, the saved DAM
     * has C = 3 classes with one class per memory, and every cluster accuracy is a fraction above chance for the
     * 3 mapped labels of 10 digits (a mapped latent class gets its digit right far more often than 1/10 of the time;
     * the bound 0.15 only excludes a broken read-out). latent-classes without unsupervised mode is bad input.
     */
    @Test
    void unsupervisedStudyWithLatentClassesReportsClusterAccuracies() throws IOException {
        Path config = dir.resolve("latent.yaml");
        Files.writeString(config, """
                study: tiny-latent
                model: potts
                data: {train: [0, 600], test: [8000, 8300], mode: unsupervised}
                dam: {memories: 12, inverse-temperature: 0.2, latent-classes: 3}
                training: {epochs: 2}
                evaluation: {baseline: none}
                """);
        Path results = dir.resolve("results");
        CliHarness.Outcome outcome = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(0, outcome.exitCode(), outcome.err());
        JsonNode metrics = Json.mapper().readTree(results.resolve("tiny-latent/metrics.json").toFile());
        assertEquals(3, metrics.get("latent_class_labels").size());
        for (String key : new String[] {"cluster_accuracy_dam", "cluster_accuracy_one_nn", "coarse_cluster_accuracy"}) {
            double a = metrics.get(key).asDouble();
            assertTrue(a > 0.15 && a <= 1, key + " = " + a);
        }
        MemoryFile saved = MemoryFile.read(results.resolve("tiny-latent/memories.pdam"));
        assertEquals(3, saved.dam().classes());
        Files.writeString(config, Files.readString(config).replace("mode: unsupervised", "mode: supervised").replace("tiny-latent", "bad"));
        CliHarness.Outcome bad = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("dam.latent-classes"), bad.err());
    }

    /**
     * The stability section: one row per (varsigma, epoch) with the learning rate eta = s beta_eff / P of the common
     * memory step s, and a summary per varsigma; stability with growth is bad input.
     */
    @Test
    void stabilityStudyTrainsEveryVarsigmaWithTheSameMemoryStep() throws IOException {
        Path config = dir.resolve("stab.yaml");
        Files.writeString(config, """
                study: tiny-stability
                model: potts
                data: {train: [0, 400], test: [8000, 8200]}
                dam: {memories: 10, inverse-temperature: 5}
                training: {epochs: 2}
                stability: {varsigmas: [1, 0.04], memory-step: 25}
                """);
        Path results = dir.resolve("results");
        CliHarness.Outcome outcome = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(0, outcome.exitCode(), outcome.err());
        java.util.List<String> rows = Files.readAllLines(results.resolve("tiny-stability/stability.csv"));
        assertEquals(1 + 2 * 2, rows.size());
        assertEquals(25 * 5.0 / 10, Double.parseDouble(rows.get(1).split(",")[2]), 1e-12, "eta = s beta_eff / P at varsigma = 1");
        assertEquals(25 * 0.2 / 10, Double.parseDouble(rows.get(3).split(",")[2]), 1e-12, "eta = s beta_eff / P at varsigma = 0.04");
        JsonNode metrics = Json.mapper().readTree(results.resolve("tiny-stability/metrics.json").toFile());
        assertEquals(2, metrics.get("runs").size());
        Files.writeString(config, Files.readString(config) + "growth: {initial-memories: 2, final-memories: [4]}\n");
        CliHarness.Outcome bad = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("stability") || bad.err().contains("dam.memories"), bad.err());
    }

    @Test
    void trainCommandSavesAndResumes() throws IOException {
        Path dirMnist = ShippedMnist.directory();
        String images = dirMnist.resolve(ShippedMnist.IMAGES).toString();
        String labels = dirMnist.resolve(ShippedMnist.LABELS).toString();
        Path out = dir.resolve("first");
        CliHarness.Outcome first = CliHarness.run("train", "--images", images, "--labels", labels, "-P", "20", "--epochs", "1",
                "--train", "0:1000", "--test", "9000:9500", "--output", out.toString(), "--quiet");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("one_nn_accuracy"));
        Path second = dir.resolve("second");
        CliHarness.Outcome resumed = CliHarness.run("train", "--images", images, "--labels", labels, "--epochs", "1",
                "--train", "0:1000", "--init", out.resolve("memories.pdam").toString(), "--output", second.toString(), "--quiet");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(20, MemoryFile.read(second.resolve("memories.pdam")).dam().memories());
    }

    /** --null-state: the memory file (version 2) keeps the null hidden state, metrics report its learned weight. */
    @Test
    void trainCommandWithTheNullState() throws IOException {
        Path dirMnist = ShippedMnist.directory();
        Path out = dir.resolve("null");
        CliHarness.Outcome outcome = CliHarness.run("train", "--images", dirMnist.resolve(ShippedMnist.IMAGES).toString(), "--labels",
                dirMnist.resolve(ShippedMnist.LABELS).toString(), "-P", "10", "--epochs", "1", "--train", "0:500", "--null-state",
                "--output", out.toString(), "--quiet");
        assertEquals(0, outcome.exitCode(), outcome.err());
        MemoryFile file = MemoryFile.read(out.resolve("memories.pdam"));
        assertTrue(file.dam().hasNullState());
        JsonNode metrics = Json.mapper().readTree(out.resolve("metrics.json").toFile());
        assertTrue(metrics.get("null_state").asBoolean());
        double weight = metrics.get("null_state_weight").asDouble();
        assertTrue(weight > 0 && weight < 1, "P(h = 0) = " + weight);
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing() throws IOException {
        Path dirMnist = ShippedMnist.directory();
        String images = dirMnist.resolve(ShippedMnist.IMAGES).toString();
        Path out = dir.resolve("never");
        Path notIdx = dir.resolve("junk.idx");
        Files.writeString(notIdx, "this is not an IDX file");
        Path notPdam = dir.resolve("junk.pdam");
        Files.writeString(notPdam, "nope");
        String[][] cases = {
            {"train", "--images", dir.resolve("missing.idx").toString(), "--output", out.toString()},
            {"train", "--images", notIdx.toString(), "--output", out.toString()},
            {"train", "--images", images, "--varsigma", "2", "--output", out.toString()},
            {"train", "--images", images, "--train", "5:3", "--output", out.toString()},
            {"train", "--images", images, "--train", "0:20000", "--output", out.toString()},
            {"train", "--images", images, "--init", notPdam.toString(), "--output", out.toString()},
            {"train", "--images", images, "--test", "0:10", "--output", out.toString()},
        };
        for (String[] args : cases) {
            CliHarness.Outcome outcome = CliHarness.run(args);
            assertEquals(2, outcome.exitCode(), String.join(" ", args) + ": " + outcome.err());
            assertTrue(outcome.err().startsWith("saddle: "), outcome.err());
        }
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "study: bad\nmodel: potts\ndam: {memories: 10, inverse-temperature: 0.2, temperature: 3}\n");
        CliHarness.Outcome outcome = CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("results").toString());
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("dam.temperature"), outcome.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> entries = Files.list(dir)) {
            assertTrue(entries.noneMatch(p -> p.getFileName().toString().contains("partial")), "no staging leftovers");
        }
    }
}
