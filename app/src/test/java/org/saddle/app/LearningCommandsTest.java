package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddle.app.output.Json;

/** {@code saddle solve learning} and {@code model: learning} studies through the CLI. */
class LearningCommandsTest {
    @TempDir
    Path dir;

    private static JsonNode json(CliHarness.Outcome o) throws IOException {
        assertEquals(0, o.exitCode(), o.err());
        return Json.mapper().readTree(o.out());
    }

    @Test
    void criticalLoadAsJson() throws IOException {
        JsonNode doc = json(CliHarness.run("solve", "learning", "--interaction-order", "4", "--mode", "supervised",
                "--dataset-entropy", "0.1", "--temperature", "0", "--critical-load", "--json"));
        // results/reference/learning.csv: alpha_c_rs_T0_P4_rho0.1_supervised (derived)
        assertEquals(0.02176304981, doc.get("alpha_c").asDouble(), 1e-10);
        assertEquals("CONVERGED", doc.get("status").asText());
    }

    @Test
    void examplesAndQualityGiveTheEntropy() throws IOException {
        JsonNode doc = json(CliHarness.run("solve", "learning", "--interaction-order", "4", "--mode", "unsupervised",
                "--examples", "30", "--quality", "0.5", "--temperature", "0.02", "--load", "0.002", "--json"));
        assertEquals(0.1, doc.get("dataset_entropy").asDouble(), 1e-15); // (1 - 0.25)/(30 x 0.25)
        JsonNode sol = doc.get("solutions");
        assertTrue(sol.size() >= 1);
        for (JsonNode s : sol) {
            assertEquals("CONVERGED", s.get("status").asText());
            assertTrue(s.has("residual"));
        }
        assertEquals("retrieval", sol.get(0).get("phase").asText());
    }

    @Test
    void oneStepAndBoundaries() throws IOException {
        JsonNode doc = json(CliHarness.run("solve", "learning", "--interaction-order", "4", "--mode", "supervised",
                "--dataset-entropy", "0.1", "--temperature", "0.01", "--load", "0.0196", "--ansatz", "1rsb", "--boundaries", "--json"));
        JsonNode one = doc.get("one_step");
        assertTrue(one.get("differs_from_rs").asBoolean(), "below T_AT = 0.01457: 1RSB breaks RS");
        assertTrue(one.get("q1").asDouble() > one.get("q0").asDouble());
        assertEquals(10, doc.get("boundaries").size()); // T_M, T_R, T_c, T_c_low, T_AT, T_SG, T_0, T_d, T_s, T_G
    }

    @Test
    void oneStepAtZeroTemperature() throws IOException {
        JsonNode doc = json(CliHarness.run("solve", "learning", "--interaction-order", "4", "--mode", "supervised",
                "--dataset-entropy", "0.1", "--temperature", "0", "--load", "0.015", "--ansatz", "1rsb", "--json"));
        JsonNode one = doc.get("one_step");
        assertTrue(one.get("converged").asBoolean() && one.get("differs_from_rs").asBoolean(), one.toString());
        // the 1RSB energy is maximal over mu, so at least the RS ground-state energy
        assertTrue(one.get("energy").asDouble() >= doc.get("solutions").get(0).get("energy").asDouble() - 1e-12);
    }

    @Test
    void thresholdAtZeroTemperature() throws IOException {
        JsonNode doc = json(CliHarness.run("solve", "learning", "--interaction-order", "4", "--mode", "supervised",
                "--dataset-entropy", "0", "--quality", "0.5", "--temperature", "0", "--load", "0.01", "--threshold", "--json"));
        // results/reference/learning.csv: rho_c_rs_T0_P4_alpha0.01_supervised (derived); M_c = (1 - r^2)/(rho_c r^2)
        assertEquals(0.5735032139, doc.get("rho_c").asDouble(), 1e-8);
        assertEquals(0.75 / (0.5735032139 * 0.25), doc.get("examples_c").asDouble(), 1e-6);
    }

    @Test
    void badFlagsExitTwo() {
        List<String[]> bad = List.of(
                new String[] {"solve", "learning", "--interaction-order", "4", "--mode", "both", "--dataset-entropy", "0.1", "--temperature", "0", "--load", "0.01"},
                new String[] {"solve", "learning", "--interaction-order", "2", "--mode", "supervised", "--dataset-entropy", "0.1", "--temperature", "0", "--load", "0.01"},
                new String[] {"solve", "learning", "--interaction-order", "4", "--mode", "supervised", "--dataset-entropy", "-1", "--temperature", "0", "--load", "0.01"},
                new String[] {"solve", "learning", "--interaction-order", "4", "--mode", "supervised", "--temperature", "0", "--load", "0.01"},
                new String[] {"solve", "learning", "--interaction-order", "4", "--mode", "supervised", "--examples", "10", "--temperature", "0", "--load", "0.01"},
                new String[] {"solve", "learning", "--interaction-order", "4", "--mode", "unsupervised", "--dataset-entropy", "0.1", "--temperature", "0", "--load", "0.01"},
                new String[] {"solve", "learning", "--interaction-order", "4", "--mode", "supervised", "--dataset-entropy", "0.1", "--temperature", "0", "--load", "0.01", "--ansatz", "2rsb"},
                new String[] {"solve", "learning", "--interaction-order", "4", "--mode", "supervised", "--dataset-entropy", "0.1", "--temperature", "0", "--load", "0.01", "--ansatz", "1rsb", "--threshold"},
                new String[] {"solve", "learning", "--interaction-order", "4", "--mode", "supervised", "--dataset-entropy", "0.1", "--temperature", "0.1", "--critical-load"},
                new String[] {"solve", "learning", "--interaction-order", "4", "--mode", "supervised", "--dataset-entropy", "0.1", "--quality", "1.5", "--temperature", "0", "--load", "0.01"},
                new String[] {"solve", "learning", "--interaction-order", "4", "--mode", "supervised", "--dataset-entropy", "0.1", "--temperature", "0"});
        for (String[] args : bad) {
            CliHarness.Outcome o = CliHarness.run(args);
            assertEquals(2, o.exitCode(), String.join(" ", args) + " -> " + o.err());
            assertFalse(o.err().isBlank());
        }
    }

    static final String STUDY = """
            study: tiny-learning
            model: learning
            theory:
              interaction-order: 4
              mode: supervised
              dataset-entropies: [0.5]
              line-loads: [0.0, 0.012]
              critical-load-entropies: {from: 0.0, to: 1.0, steps: 3}
              threshold-loads: [0.01]
              ansatz: 1rsb
              one-step-loads: [0.008]
              one-step-fractions: [0.6]
              quadrature-order: 60
            """;

    @Test
    void studyWritesEverythingAndDoesNotDependOnThreads() throws IOException {
        Path config = dir.resolve("tiny.yaml");
        Files.writeString(config, STUDY);
        Files.writeString(config, STUDY.replace("ansatz: 1rsb", "ansatz: rs").replaceAll("  one-step-.*\n", ""));
        CliHarness.Outcome one = CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("one").toString(), "--quiet", "--threads", "1");
        CliHarness.Outcome two = CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("two").toString(), "--quiet", "--threads", "2");
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(0, two.exitCode(), two.err());
        Path folder = dir.resolve("one/tiny-learning");
        for (String file : List.of("phase-lines.csv", "critical-load.csv", "thresholds.csv", "run.json",
                "phase-diagram.png", "phase-diagram.svg", "critical-load.png", "critical-load.svg")) {
            assertTrue(Files.size(folder.resolve(file)) > 0, file);
        }
        for (String file : List.of("phase-lines.csv", "critical-load.csv", "thresholds.csv")) {
            assertEquals(Files.readString(folder.resolve(file)), Files.readString(dir.resolve("two/tiny-learning/" + file)), file);
        }
        assertEquals(1 + 1 * 2 * 10, Files.readAllLines(folder.resolve("phase-lines.csv")).size()); // 10 lines per (rho, load)
        JsonNode run = Json.mapper().readTree(folder.resolve("run.json").toFile());
        assertEquals("learning", run.get("model").asText());
        assertTrue(run.get("provenance").has("git_commit"));
    }

    /** ansatz 1rsb: the 1RSB state at 0.6 T_AT (rho = 0.5, alpha = 0.008) breaks RS and is written to one-step.csv. */
    @Test
    void oneStepStudy() throws IOException {
        Path config = dir.resolve("tiny.yaml");
        Files.writeString(config, STUDY.replace("line-loads: [0.0, 0.012]", "line-loads: [0.008]"));
        CliHarness.Outcome o = CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("r").toString(), "--quiet", "--threads", "2");
        assertEquals(0, o.exitCode(), o.err());
        List<String> rows = Files.readAllLines(dir.resolve("r/tiny-learning/one-step.csv"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(1).contains(",true,CONVERGED,"), rows.get(1));
        List<String> critical = Files.readAllLines(dir.resolve("r/tiny-learning/critical-load-1rsb.csv"));
        assertEquals(2, critical.size());
        String[] f = critical.get(1).split(",");
        assertTrue(Double.parseDouble(f[1]) > Double.parseDouble(f[3]), "alpha_c(1RSB) > alpha_c(RS): " + critical.get(1));
    }

    @Test
    void badStudyKeysExitTwo() throws IOException {
        for (String broken : List.of(STUDY.replace("mode: supervised", "mode: teacher"),
                STUDY.replace("interaction-order: 4", "interaction-order: 2"),
                STUDY.replace("quadrature-order: 60", "quadrature-order: 60\n  colour: red"),
                STUDY.replace("mode: supervised", "mode: unsupervised"),
                STUDY.replace("ansatz: 1rsb", "ansatz: rs"))) {
            Path config = dir.resolve("broken.yaml");
            Files.writeString(config, broken);
            Path results = dir.resolve("broken-results");
            CliHarness.Outcome o = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
            assertEquals(2, o.exitCode(), broken + " -> " + o.err());
            assertTrue(o.err().contains("broken.yaml"), o.err());
            assertFalse(Files.exists(results.resolve("tiny-learning")));
        }
    }
}
