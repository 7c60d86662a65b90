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

/** solve dense, solve hopfield --ansatz 1rsb and the dense study, through the CLI. */
class DenseTheoryCommandsTest {
    @TempDir
    Path dir;

    private static JsonNode json(CliHarness.Outcome outcome) throws IOException {
        assertEquals(0, outcome.exitCode(), outcome.err());
        return Json.mapper().readTree(outcome.out());
    }

    @Test
    void hopfieldOneStepCriticalLoad() throws IOException {
        JsonNode doc = json(CliHarness.run("solve", "hopfield", "--ansatz", "1rsb", "--temperature", "0", "--critical-load",
                "--json"));
        // Steffan and Kuehn, Z. Phys. B 95, 249 (1994), abstract: alpha_c(1RSB) = 0.138186 (6 digits published)
        assertEquals(0.138186, doc.get("alpha_c").asDouble(), 1e-6);
        assertTrue(doc.get("alpha_c").asDouble() > doc.get("alpha_c_rs").asDouble());
        assertTrue(doc.get("differs_from_rs").asBoolean());
        for (String key : new String[] {"m", "q0", "q1", "parisi_parameter", "scaled_parisi_parameter", "error"}) {
            assertTrue(doc.has(key), key);
        }
    }

    @Test
    void denseCriticalLoads() throws IOException {
        // alpha_c(RS, P = 3) = max_y erf(y)^4/(4 y^2) = 0.1260952153853357 (derived, scipy; results/reference/dense.csv)
        JsonNode rs = json(CliHarness.run("solve", "dense", "--interaction-order", "3", "--temperature", "0",
                "--critical-load", "--ansatz", "rs", "--json"));
        assertEquals(0.1260952153853357, rs.get("alpha_c").asDouble(), 1e-12);
        JsonNode rsb = json(CliHarness.run("solve", "dense", "--interaction-order", "3", "--temperature", "0",
                "--critical-load", "--ansatz", "1rsb", "--json"));
        assertTrue(rsb.get("alpha_c").asDouble() > rs.get("alpha_c").asDouble());
        assertEquals(rs.get("alpha_c").asDouble(), rsb.get("alpha_c_rs").asDouble(), 0.0);
        assertTrue(rsb.get("scaled_parisi_parameter").asDouble() > 0 && rsb.get("q0").asDouble() < 1);
    }

    @Test
    void denseSolveAtAPointWithBoundaries() throws IOException {
        JsonNode doc = json(CliHarness.run("solve", "dense", "--interaction-order", "3", "--load", "0.05", "--temperature",
                "0.1", "--boundaries", "--json"));
        assertEquals("retrieval", doc.get("global_minimum").asText());
        assertEquals(8, doc.get("boundaries").size()); // T_M, T_c, T_AT, T_R, T_c_low, T_d, T_s, T_G
        for (JsonNode b : doc.get("boundaries")) {
            if (b.get("line").asText().equals("T_R") || b.get("line").asText().equals("T_c_low")) {
                // alpha = 0.05 < alpha_c(T = 0) = 0.1261: the retrieval branch reaches T = 0, no lower end, and
                // retrieval stays the global minimum down to T = 0 (no lower first-order line)
                assertFalse(b.get("exists").asBoolean(), b.toString());
                continue;
            }
            assertTrue(b.get("exists").asBoolean(), b.toString());
            assertTrue(b.get("error").asDouble() < 1e-6, b.toString());
        }
        CliHarness.Outcome text = CliHarness.run("solve", "dense", "--interaction-order", "3", "--load", "0.05", "--temperature",
                "0.1", "--boundaries");
        assertEquals(0, text.exitCode(), text.err());
        for (String line : List.of("T_M", "T_c", "T_AT", "T_R", "T_c_low", "T_d", "T_s", "T_G")) {
            assertTrue(text.out().lines().anyMatch(l -> l.startsWith(line + " ")), line + " missing from:\n" + text.out());
        }
        CliHarness.Outcome help = CliHarness.run("solve", "dense", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--interaction-order") && help.out().contains("1rsb"), help.out());
    }

    @Test
    void badDenseFlagsExitWithTwoNamingTheAllowedValues() {
        CliHarness.Outcome ansatz = CliHarness.run("solve", "dense", "--interaction-order", "3", "--temperature", "0",
                "--critical-load", "--ansatz", "frsb");
        assertEquals(2, ansatz.exitCode());
        assertTrue(ansatz.err().contains("rs, 1rsb"), ansatz.err());
        CliHarness.Outcome two = CliHarness.run("solve", "dense", "--interaction-order", "2", "--temperature", "0",
                "--critical-load");
        assertEquals(2, two.exitCode());
        assertTrue(two.err().contains("solve hopfield"), two.err());
        CliHarness.Outcome hop = CliHarness.run("solve", "hopfield", "--ansatz", "2rsb", "--temperature", "0", "--critical-load");
        assertEquals(2, hop.exitCode());
        assertTrue(hop.err().contains("rs, 1rsb"), hop.err());
        CliHarness.Outcome warm = CliHarness.run("solve", "dense", "--interaction-order", "3", "--temperature", "0.1",
                "--critical-load");
        assertEquals(2, warm.exitCode());
    }

    @Test
    void denseStudyWritesTablesFiguresAndProvenance() throws IOException {
        Path config = dir.resolve("d.yaml");
        Files.writeString(config, """
                study: dense-tiny
                model: dense
                theory:
                  quadrature-order: 40
                  phase-diagram:
                    interaction-order: 3
                    loads: [0.02, 0.08]
                    tolerance: 0.05
                    max-points: 4
                  critical-loads:
                    interaction-orders: [3, 4]
                    ansatz: rs
                """);
        Path results = dir.resolve("results");
        CliHarness.Outcome outcome = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(0, outcome.exitCode(), outcome.err());
        Path folder = results.resolve("dense-tiny");
        for (String file : List.of("phase-lines.csv", "critical-loads.csv", "phase-diagram.png", "phase-diagram.svg",
                "critical-loads.png", "critical-loads.svg", "run.json")) {
            assertTrue(Files.size(folder.resolve(file)) > 0, file);
        }
        List<String> critical = Files.readAllLines(folder.resolve("critical-loads.csv"));
        assertEquals(3, critical.size());
        assertTrue(critical.get(1).startsWith("3,rs,0.126095215385"), critical.get(1));
        JsonNode run = Json.mapper().readTree(folder.resolve("run.json").toFile());
        assertEquals("dense", run.get("model").asText());
        assertTrue(run.has("provenance") && run.has("config") && run.has("solver"));
    }

    @Test
    void badDenseConfigIsRejectedAndNothingIsWritten() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, """
                study: dense-bad
                model: dense
                theory:
                  critical-loads:
                    interaction-orders: [3]
                    ansatz: full
                """);
        Path results = dir.resolve("results");
        CliHarness.Outcome outcome = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("theory.critical-loads.ansatz") && outcome.err().contains("1rsb"), outcome.err());
        assertFalse(Files.exists(results.resolve("dense-bad")));
    }
}
