package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.saddle.app.output.Json;

/** The one-off commands print what the README promises, as tables and as JSON. */
class CommandsTest {
    private static JsonNode json(CliHarness.Outcome outcome) throws IOException {
        assertEquals(0, outcome.exitCode(), outcome.err());
        return Json.mapper().readTree(outcome.out());
    }

    /** alpha_c(T=0, RS) = 0.13790557 and m(alpha_c) = 0.967417 (PHYSICS.md sec. 1; AGS 1987 quote 0.138, 0.967). */
    @Test
    void criticalLoadJson() throws IOException {
        JsonNode doc = json(CliHarness.run("solve", "hopfield", "--temperature", "0", "--critical-load", "--json"));
        assertEquals(0.13790557, doc.get("alpha_c").asDouble(), 1e-6);
        assertEquals(0.967417, doc.get("m").asDouble(), 1e-5);
        assertEquals("CONVERGED", doc.get("status").asText());
    }

    @Test
    void solveListsTheBranchesWithFreeEnergies() throws IOException {
        JsonNode doc = json(CliHarness.run("solve", "hopfield", "--load", "0.05", "--temperature", "0.2", "--json"));
        // AGS 1987, Fig. 1: at alpha = 0.05, T = 0.2 both the retrieval and the spin-glass states exist (T < T_M, T < T_g);
        // the paramagnet m = q = 0 has no RS free energy below T = 1 (ln(1 - beta) in f).
        assertEquals(2, doc.get("solutions").size(), doc.toString());
        for (JsonNode s : doc.get("solutions")) {
            assertTrue(s.has("free_energy") && s.has("replicon") && s.has("residual"));
        }
        // AGS 1987, Fig. 1: far below the T_c line (alpha = 0.01, T = 0.1) retrieval states are the global minima.
        JsonNode deep = json(CliHarness.run("solve", "hopfield", "--load", "0.01", "--temperature", "0.1", "--json"));
        assertEquals("retrieval", deep.get("global_minimum").asText());
        CliHarness.Outcome table = CliHarness.run("solve", "hopfield", "--load", "0.05", "--temperature", "0.2", "--boundaries");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("retrieval") && table.out().contains("spin glass"), table.out());
    }

    @Test
    void simulateJsonHasObservablesWithErrors() throws IOException {
        JsonNode doc = json(CliHarness.run("simulate", "hopfield", "--neurons", "300", "--load", "0.05", "--temperature", "0.1",
                "--samples", "3", "--equilibration-sweeps", "5", "--measurement-sweeps", "5", "--json"));
        for (String key : new String[] {"overlap", "energy", "replica_overlap"}) {
            assertTrue(doc.get(key).has("mean") && doc.get(key).has("standard_error"), key);
        }
        assertEquals(15, doc.get("patterns").asInt());
    }

    @Test
    void benchJsonHasThroughputKeys() throws IOException {
        JsonNode doc = json(CliHarness.run("bench", "--neurons", "500", "--patterns", "50", "--seconds", "0.2", "--json"));
        assertTrue(doc.get("flips_per_second").asDouble() > 0);
        assertEquals(doc.get("flips_per_second").asDouble() * 50, doc.get("pattern_site_ops_per_second").asDouble(),
                1e-9 * doc.get("pattern_site_ops_per_second").asDouble(), "pattern-site ops = attempts x K");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"solve", "hopfield", "--help"},
            {"simulate", "hopfield", "--help"}, {"bench", "--help"}}) {
            CliHarness.Outcome outcome = CliHarness.run(args);
            assertEquals(0, outcome.exitCode(), String.join(" ", args));
            assertTrue(outcome.out().contains("Usage:"), String.join(" ", args));
        }
    }
}
