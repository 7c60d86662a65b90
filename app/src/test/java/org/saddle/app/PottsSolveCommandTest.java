package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.saddle.app.output.Json;
import org.saddle.theory.potts.PottsFreeEnergy;

/** {@code saddle solve potts-teacher-student}: output, the derived limits it must respect, and bad flags. */
class PottsSolveCommandTest {

    /**
     * P_T = 2, N = 400, M = 800 at beta = beta_T = 0.0625 (b = 1.25), inside the window between the existence line and the
     * fold of the branch from the hard side (SoftSeparatedStateTest: 0.0588 and 0.0649). Checked: the hard-posterior state
     * is the closed form R = m / sqrt(m^2 + (1 - m^2) / n), n = M / P_T (derived, SoftSeparatedEquations' hard limit); the
     * soft state lies between R' and that hard R (soft posteriors lose overlap); the lines come in the order existence
     * line, branch end, and the existence line is within 5% of the detectability line (the statement of
     * SoftSeparatedStateTest); the branch end is a fold.
     */
    @Test
    void jsonWithLinesAtPtTwo() throws IOException {
        CliHarness.Outcome o = CliHarness.run("solve", "potts-teacher-student", "--teacher-memories", "2", "--neurons", "400", "--examples",
                "800", "--teacher-inverse-temperature", "0.0625", "--lines", "--json");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode doc = Json.mapper().readTree(o.out());
        double m = PottsFreeEnergy.overlap(0.0625);
        assertEquals(m, doc.get("teacher_overlap_m").asDouble(), 1e-15);
        assertEquals(m / Math.sqrt(m * m + (1 - m * m) / 400), doc.get("hard_separated_overlap").asDouble(), 1e-12);
        JsonNode soft = doc.get("soft_separated_state");
        assertEquals("CONVERGED", soft.get("status").asText());
        assertTrue(soft.get("exists").asBoolean(), soft.toString());
        double r = soft.get("teacher_overlap").asDouble();
        assertTrue(soft.get("other_overlap").asDouble() < r && r < doc.get("hard_separated_overlap").asDouble(), soft.toString());
        double existence = doc.get("existence_line").get("value").asDouble();
        double detect = doc.get("detectability_line").get("value").asDouble();
        JsonNode end = doc.get("branch_end");
        assertEquals("fold", end.get("kind").asText(), end.toString());
        assertTrue(existence < 0.0625 && 0.0625 < end.get("value").asDouble(), existence + " " + end);
        assertEquals(detect, existence, 0.05 * detect);
    }

    @Test
    void humanTableNamesTheStateAndTheLines() {
        CliHarness.Outcome o = CliHarness.run("solve", "potts-teacher-student", "--neurons", "100", "--examples", "300",
                "--teacher-inverse-temperature", "0.5", "--teacher-memories", "3");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("soft separated state: separated"), o.out());
        assertTrue(o.out().contains("detectability"), o.out());
    }

    @Test
    void badFlagsExit2() {
        for (String[] args : new String[][] {
            {"--teacher-memories", "5", "--neurons", "100", "--examples", "100", "--teacher-inverse-temperature", "0.1"},
            {"--teacher-memories", "2", "--neurons", "1", "--examples", "100", "--teacher-inverse-temperature", "0.1"},
            {"--teacher-memories", "3", "--neurons", "100", "--examples", "2", "--teacher-inverse-temperature", "0.1"},
            {"--neurons", "100", "--examples", "100", "--teacher-inverse-temperature", "-0.1"},
            {"--neurons", "100", "--examples", "100", "--teacher-inverse-temperature", "0.1", "--inverse-temperature", "0"},
            {"--teacher-memories", "1", "--neurons", "100", "--examples", "100", "--teacher-inverse-temperature", "0.1", "--lines"}}) {
            String[] full = new String[args.length + 2];
            full[0] = "solve";
            full[1] = "potts-teacher-student";
            System.arraycopy(args, 0, full, 2, args.length);
            CliHarness.Outcome o = CliHarness.run(full);
            assertEquals(2, o.exitCode(), String.join(" ", args) + ": " + o.err());
            assertTrue(o.err().contains("--"), o.err());
        }
    }
}
