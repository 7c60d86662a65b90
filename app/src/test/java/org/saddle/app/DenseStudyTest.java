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

/**
 * model: dense-capacity end to end, thread independence, and bad config keys (exit 2, nothing written); model: dense
 * with its Monte Carlo overlay the same way.
 */
class DenseStudyTest {
    @TempDir
    Path dir;

    static final String STUDY = """
            study: tiny-dense
            model: dense-capacity
            seed: 5
            energy: gardner
            interaction-orders: [2]
            neurons: [60, 120]
            retrieval:
              trials: 12
              resolution: 0.1
            """;

    @Test
    void writesCsvFigureAndRunJsonIndependentOfThreads() throws IOException {
        Path folder = runOnOneAndTwoThreads(STUDY, "tiny-dense", List.of("capacity.csv", "steps.csv", "extrapolation.csv"),
                List.of("capacity.png", "capacity.svg", "run.json"));
        assertEquals(3, Files.readAllLines(folder.resolve("capacity.csv")).size());
        JsonNode run = Json.mapper().readTree(folder.resolve("run.json").toFile());
        assertEquals(5, run.get("seed").asLong());
        assertTrue(run.get("config").asText().contains("dense-capacity"));
    }

    /**
     * Runs the study on one and on two threads; asserts exit 0, that every file is written and that the tables are
     * the same byte for byte. Returns the one-thread folder.
     */
    private Path runOnOneAndTwoThreads(String text, String study, List<String> tables, List<String> others) throws IOException {
        return runOnOneAndTwoThreads(dir, text, study, tables, others);
    }

    /** As above, in the folder {@code dir} (shared with LearningMonteCarloTest). */
    static Path runOnOneAndTwoThreads(Path dir, String text, String study, List<String> tables, List<String> others)
            throws IOException {
        Path config = dir.resolve(study + ".yaml");
        Files.writeString(config, text);
        for (String threads : List.of("1", "2")) {
            CliHarness.Outcome o = CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("t" + threads).toString(),
                    "--quiet", "--threads", threads);
            assertEquals(0, o.exitCode(), o.err());
        }
        Path folder = dir.resolve("t1/" + study);
        for (String file : others) {
            assertTrue(Files.size(folder.resolve(file)) > 0, file);
        }
        for (String file : tables) {
            assertEquals(Files.readString(folder.resolve(file)), Files.readString(dir.resolve("t2/" + study + "/" + file)), file);
        }
        return folder;
    }

    @Test
    void badKeysExitTwoAndWriteNothing() throws IOException {
        String[][] cases = {
            {"energy: gardner", "energy: cubic", "energy"},
            {"interaction-orders: [2]", "interaction-orders: [9]", "interaction-orders"},
            {"  trials: 12", "  trials: 0", "retrieval.trials"},
            {"  trials: 12", "  trials: 12\n  dynamics: parallel", "retrieval.dynamics"},
            {"  trials: 12", "  trials: 12\n  basin-radius: maybe", "retrieval.basin-radius"},
            {"  trials: 12", "  trials: 12\n  success-overlap: high", "retrieval.success-overlap"},
            {"seed: 5", "seed: 5\ncolour: red", "colour"},
            {"neurons: [60, 120]", "neurons: [60, 120]\npatterns:\n  from: mnist", "neurons"},
            {"neurons: [60, 120]", "neurons: [60, 120]\npatterns:\n  separations: [10]", "patterns.separations"},
            {"seed: 5", "seed: 5\npatterns:\n  separation-method: gray", "patterns.separation-method"},
            {"neurons: [60, 120]", "neurons: {3: [20]}", "neurons"},
            {"interaction-orders: [2]\nneurons: [60, 120]", "interaction-orders: [2, 3]\nneurons: {2: [60]}", "neurons.3"},
            {"interaction-orders: [2]", "interaction-orders: [2, 2]", "interaction-orders"},
            {"energy: gardner", "energy: polynomial\ntheory: {critical-loads: rs}", "theory"},
            {"seed: 5", "seed: 5\ntheory: {critical-loads: 2rsb}", "theory.critical-loads"},
            {"seed: 5", "seed: 5\nreference: nowhere.csv", "reference"},
            {"seed: 5", "seed: 5\ntheory: {critical-loads: rs}\nreference: nowhere.csv", "reference"},
        };
        for (String[] c : cases) {
            Path config = dir.resolve("bad.yaml");
            Files.writeString(config, STUDY.replace(c[0], c[1]));
            Path results = dir.resolve("bad-results");
            CliHarness.Outcome o = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
            assertEquals(2, o.exitCode(), c[1] + " -> " + o.err());
            assertTrue(o.err().contains(c[2]) && o.err().contains("bad.yaml"), c[1] + " -> " + o.err());
            assertFalse(Files.exists(results.resolve("tiny-dense")));
        }
    }

    /**
     * A small P = 3 phase diagram with the Monte Carlo overlay. Expectations from the RS lines of the same study
     * (configs/dense-phase-diagram.yaml, phase-lines.csv): T_M(alpha = 0.023) = 0.28, so at alpha = 0.02 and
     * T = 0.05 the chain stays in the retrieval state (m > 0.9, RS m = 1 - O(e^(-1/T))), while T = 0.8, far above
     * T_M at every load, is paramagnetic: m = O(N^(-1/2)), below 1/2 at N = 24 (three standard errors included).
     */
    static final String DENSE = """
            study: tiny-dense-mc
            model: dense
            seed: 11
            theory:
              quadrature-order: 40
              phase-diagram:
                interaction-order: 3
                loads: [0.0, 0.1]
                max-points: 3
            simulation:
              neurons: [16, 24]
              loads: [0.02, 0.1, 0.3]
              temperatures: [0.05, 0.8]
              samples: 4
              equilibration-sweeps: 20
              measurement-sweeps: 20
            """;

    @Test
    void denseMonteCarloOverlayIsThreadIndependentAndRetrievesAtLowLoad() throws IOException {
        Path folder = runOnOneAndTwoThreads(DENSE, "tiny-dense-mc", List.of("simulation.csv", "transition.csv"),
                List.of("phase-lines.csv", "phase-diagram.png", "phase-diagram.svg", "run.json"));
        List<String> rows = Files.readAllLines(folder.resolve("simulation.csv"));
        assertEquals(1 + 2 * 3 * 2, rows.size());
        List<String> header = List.of(rows.get(0).split(","));
        int n = header.indexOf("neurons");
        int load = header.indexOf("load");
        int t = header.indexOf("temperature");
        int m = header.indexOf("overlap");
        int err = header.indexOf("overlap_error");
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            double overlap = Double.parseDouble(c[m]);
            if (Double.parseDouble(c[t]) == 0.05 && Double.parseDouble(c[load]) == 0.02) {
                assertTrue(overlap > 0.9, "retrieval at alpha = 0.02, T = 0.05, N = " + c[n] + ": m = " + overlap);
            }
            if (Double.parseDouble(c[t]) == 0.8) {
                assertTrue(overlap + 3 * Double.parseDouble(c[err]) < 0.5, "paramagnet at T = 0.8: " + row);
            }
        }
        // transition.csv: a row per (T, N) and one extrapolated row per T.
        List<String> transition = Files.readAllLines(folder.resolve("transition.csv"));
        assertEquals(1 + 2 * 2 + 2, transition.size());
        assertTrue(transition.stream().anyMatch(r -> r.startsWith("3,0.8,inf,") && r.endsWith("fewer than two N cross m = 1/2")),
                String.join("\n", transition));
        JsonNode run = Json.mapper().readTree(folder.resolve("run.json").toFile());
        assertEquals(List.of(16, 24), List.of(run.get("simulation").get("neurons").get(0).asInt(),
                run.get("simulation").get("neurons").get(1).asInt()));
    }

    @Test
    void badDenseSimulationKeysExitTwoAndWriteNothing() throws IOException {
        String[][] cases = {
            {"  neurons: [16, 24]", "  neurons: [4, 24]", "simulation.neurons"},
            {"  neurons: [16, 24]", "  neurons: [16, 16]", "simulation.neurons"},
            {"  loads: [0.02, 0.1, 0.3]", "  loads: [0.02, 0.021]", "simulation.loads"},
            {"  loads: [0.02, 0.1, 0.3]", "  loads: [0.02, 1.5]", "simulation.loads"},
            {"  temperatures: [0.05, 0.8]", "  temperatures: [-0.1]", "simulation.temperatures"},
            {"  samples: 4", "  samples: 1", "simulation.samples"},
            {"  measurement-sweeps: 20", "  measurement-sweeps: 2", "simulation.measurement-sweeps"},
            {"  samples: 4", "  samples: 4\n  dynamics: metropolis", "dynamics"},
            {"  phase-diagram:\n    interaction-order: 3\n    loads: [0.0, 0.1]\n    max-points: 3",
                "  critical-loads: {interaction-orders: [3], ansatz: rs}", "simulation"},
        };
        for (String[] c : cases) {
            String text = DENSE.replace(c[0], c[1]);
            assertTrue(!text.equals(DENSE), c[0]);
            Path config = dir.resolve("bad.yaml");
            Files.writeString(config, text);
            Path results = dir.resolve("bad-results");
            CliHarness.Outcome o = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
            assertEquals(2, o.exitCode(), c[1] + " -> " + o.err());
            assertTrue(o.err().contains(c[2]) && o.err().contains("bad.yaml"), c[1] + " -> " + o.err());
            assertFalse(Files.exists(results.resolve("tiny-dense-mc")));
        }
    }
}
