package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddle.app.output.Json;
import org.saddle.solver.learning.LearningSolver;
import org.saddle.theory.learning.LearningDataset;
import org.saddle.theory.learning.LearningMode;

/**
 * The Monte Carlo overlay of {@code model: learning} (the dense overlay's grid, crossing and extrapolation on the
 * network that learned from examples): thread independence, the archetype overlap against the RS theory at low load
 * and T = 0, and bad keys (exit 2, nothing written).
 */
class LearningMonteCarloTest {
    @TempDir
    Path dir;

    static final String SUPERVISED = """
            study: tiny-learning-mc
            model: learning
            seed: 4
            theory:
              interaction-order: 3
              mode: supervised
              dataset-entropies: [0.0, 0.2]
              line-loads: [0.01, 0.05]
              critical-load-entropies: [0.2]
              quadrature-order: 40
            simulation:
              examples: 5
              dataset-entropy: 0.2
              neurons: [16, 24]
              loads: [0.01, 0.1, 0.3]
              temperatures: [0.05, 0.5]
              samples: 3
              equilibration-sweeps: 10
              measurement-sweeps: 10
            """;

    /** r = 0.6, M = 8: rho = (1 - 0.36)/(8 0.36) = 0.2222222222 (LearningDataset.datasetEntropy). */
    static final String UNSUPERVISED = """
            study: tiny-learning-mc-u
            model: learning
            seed: 4
            theory:
              interaction-order: 3
              mode: unsupervised
              quality: 0.6
              dataset-entropies: [0.2222222222222222]
              line-loads: [0.01, 0.05]
              critical-load-entropies: [0.2]
            simulation:
              examples: 8
              dataset-entropy: 0.2222222222222222
              neurons: [16, 20]
              loads: [0.01, 0.1]
              temperatures: [0.1]
              samples: 3
              equilibration-sweeps: 10
              measurement-sweeps: 10
            """;

    @Test
    void overlayIsThreadIndependentInBothProtocols() throws IOException {
        Path folder = DenseStudyTest.runOnOneAndTwoThreads(dir, SUPERVISED, "tiny-learning-mc",
                List.of("simulation.csv", "transition.csv"), List.of("phase-lines.csv", "phase-diagram.png", "run.json"));
        assertEquals(1 + 2 * 3 * 2, Files.readAllLines(folder.resolve("simulation.csv")).size());
        assertEquals(1 + 2 * 2 + 2, Files.readAllLines(folder.resolve("transition.csv")).size());
        JsonNode run = Json.mapper().readTree(folder.resolve("run.json").toFile());
        assertEquals(5, run.get("simulation").get("examples").asInt());
        assertEquals(1 / Math.sqrt(2), run.get("simulation").get("quality").asDouble(), 1e-15); // r = 1/sqrt(1 + M rho)
        Path u = DenseStudyTest.runOnOneAndTwoThreads(Files.createDirectories(dir.resolve("u")), UNSUPERVISED, "tiny-learning-mc-u",
                List.of("simulation.csv", "transition.csv"), List.of("phase-diagram.png"));
        assertEquals(1 + 2 * 2, Files.readAllLines(u.resolve("simulation.csv")).size());
    }

    /**
     * Low load (one archetype, K = 1, alpha = K/N^3 -&gt; 0) and T = 0, supervised P = 4, M = 40 examples at rho = 0.15:
     * the measured archetype overlap against the RS retrieval state of {@link LearningSolver} at alpha = 0, T = 0,
     * m = erf(1/sqrt(2 rho)) (the signal 1 + sqrt(rho) w of LearningDataset). Tolerance: 4 standard errors of the
     * Monte Carlo plus the finite-M correction the RS theory leaves out (its Gaussian 1 + sqrt(rho) w is the central
     * limit of the binomial example sum), computed here exactly: |[1 - 2 P(Bin(M, (1 + r)/2) &lt; M/2)] - erf(...)|.
     */
    @Test
    void archetypeOverlapAtLowLoadAndZeroTemperatureMatchesReplicaSymmetricTheory() throws IOException {
        int m = 40;
        double rho = 0.15;
        String text = """
                study: tiny-learning-rs
                model: learning
                seed: 8
                theory:
                  interaction-order: 4
                  mode: supervised
                  dataset-entropies: [0.15]
                  line-loads: [0.01]
                  critical-load-entropies: [0.15]
                  quadrature-order: 40
                simulation:
                  examples: 40
                  dataset-entropy: 0.15
                  neurons: [300]
                  loads: [0.0]
                  temperatures: [0.0]
                  samples: 24
                  equilibration-sweeps: 5
                  measurement-sweeps: 6
                """;
        Path config = dir.resolve("rs.yaml");
        Files.writeString(config, text);
        CliHarness.Outcome o = CliHarness.run("run", config.toString(), "--results-dir", dir.toString(), "--quiet");
        assertEquals(0, o.exitCode(), o.err());
        List<String> rows = Files.readAllLines(dir.resolve("tiny-learning-rs/simulation.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        String[] row = rows.get(1).split(",");
        double measured = Double.parseDouble(row[header.indexOf("overlap")]);
        double error = Double.parseDouble(row[header.indexOf("overlap_error")]);
        var rs = new LearningSolver(80).retrieval(new LearningDataset(4, LearningMode.SUPERVISED, rho, Double.NaN), 0.0, 0.0);
        assertNotNull(rs);
        double r = 1 / Math.sqrt(1 + m * rho);
        double plus = (1 + r) / 2;
        double below = 0;
        double c = 1;
        for (int j = 0; 2 * j < m; j++) {
            below += c * Math.pow(plus, j) * Math.pow(1 - plus, m - j);
            c = c * (m - j) / (j + 1);
        }
        double finiteM = Math.abs(1 - 2 * below - rs.m());
        assertTrue(error < 0.01, "the check resolves the overlap: s.e. " + error);
        assertEquals(rs.m(), measured, 4 * error + finiteM, "RS m = " + rs.m() + ", finite-M correction " + finiteM);
    }

    @Test
    void badSimulationKeysExitTwoAndWriteNothing() throws IOException {
        String[][] cases = {
            {"  examples: 5", "  examples: 0", "simulation.examples"},
            {"  examples: 5", "  examples: 200", "simulation.examples"},
            {"  dataset-entropy: 0.2", "  dataset-entropy: 0.3", "simulation.dataset-entropy"},
            {"  samples: 3", "  samples: 3\n  quality: 0.5", "quality"},
            {"  neurons: [16, 24]", "  neurons: [4, 24]", "simulation.neurons"},
            {"  loads: [0.01, 0.1, 0.3]", "  loads: [0.01, 0.0101]", "simulation.loads"},
            {"  temperatures: [0.05, 0.5]", "  temperatures: [-1]", "simulation.temperatures"},
            {"seed: 4", "seed: -4", "seed"},
            {"  interaction-order: 3", "  interaction-order: 9", "theory.interaction-order"},
        };
        for (String[] c : cases) {
            String text = SUPERVISED.replace(c[0], c[1]);
            assertTrue(!text.equals(SUPERVISED), c[0]);
            expectExitTwo(text, c[1], c[2], "tiny-learning-mc");
        }
        // unsupervised: rho must be (1 - r^2)/(M r^2) for theory.quality
        expectExitTwo(UNSUPERVISED.replace("  examples: 8", "  examples: 9"), "examples: 9", "simulation.dataset-entropy",
                "tiny-learning-mc-u");
    }

    private void expectExitTwo(String text, String what, String key, String study) throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, text);
        Path results = dir.resolve("bad-results");
        CliHarness.Outcome o = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(2, o.exitCode(), what + " -> " + o.err());
        assertTrue(o.err().contains(key) && o.err().contains("bad.yaml"), what + " -> " + o.err());
        assertFalse(Files.exists(results.resolve(study)));
    }
}
