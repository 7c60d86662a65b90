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
            {"--teacher-memories", "1", "--neurons", "100", "--examples", "100", "--teacher-inverse-temperature", "0.1", "--lines"},
            {"--teacher-memories", "1", "--neurons", "100", "--examples", "100", "--teacher-inverse-temperature", "0.1", "--symmetry-breaking"},
            {"--teacher-memories", "3", "--neurons", "100", "--examples", "300", "--teacher-inverse-temperature", "0.1",
                "--student-arrangement", "1+4,3"},
            {"--teacher-memories", "3", "--neurons", "100", "--examples", "300", "--teacher-inverse-temperature", "0.1",
                "--student-arrangement", "1,,3"},
            {"--teacher-memories", "3", "--neurons", "100", "--examples", "300", "--teacher-inverse-temperature", "0.1",
                "--student-arrangement", "1,2,3,1,2"}}) {
            String[] full = new String[args.length + 2];
            full[0] = "solve";
            full[1] = "potts-teacher-student";
            System.arraycopy(args, 0, full, 2, args.length);
            CliHarness.Outcome o = CliHarness.run(full);
            assertEquals(2, o.exitCode(), String.join(" ", args) + ": " + o.err());
            assertTrue(o.err().contains("--"), o.err());
        }
    }

    /**
     * --student-arrangement 1+2,3 at P_T = 3, N = 400, M = 1200, b = 2.5 (SoftStudentStateTest's soft point): the two held
     * clusters of the merged memory are equivalent (equal R, derived from the symmetry of the arrangement), the state keeps
     * its arrangement, the shares sum to 1 and the merged share lies between 1/2 and the hard 2/3; --symmetry-breaking
     * reports both eigenvalues, positive away from any bifurcation. A shared cluster (1,1) reports no numbers.
     */
    @Test
    void studentArrangementAndSymmetryBreaking() throws IOException {
        CliHarness.Outcome o = CliHarness.run("solve", "potts-teacher-student", "--teacher-memories", "3", "--neurons", "400", "--examples",
                "1200", "--teacher-inverse-temperature", "0.125", "--student-arrangement", "1+2,3", "--symmetry-breaking", "--json");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode doc = Json.mapper().readTree(o.out());
        JsonNode state = doc.get("student_state");
        assertEquals("CONVERGED", state.get("status").asText(), state.toString());
        assertTrue(state.get("keeps_arrangement").asBoolean(), state.toString());
        JsonNode r = state.get("teacher_overlaps");
        assertEquals(r.get(0).get(0).asDouble(), r.get(0).get(1).asDouble(), 1e-7);
        double share = state.get("shares").get(0).asDouble();
        assertEquals(1, share + state.get("shares").get(1).asDouble(), 1e-9);
        assertTrue(share > 0.5 && share < 2.0 / 3, state.toString());
        JsonNode gap = doc.get("symmetry_breaking");
        assertTrue(gap.get("breaking_eigenvalue").asDouble() > 0 && gap.get("symmetric_eigenvalue").asDouble() > 0, gap.toString());
        // b = 2.5 is deep in the separated phase (fold at b = 1.44): no real eigenvalue has crossed zero in either block
        assertEquals(0, gap.get("breaking_positive_real_eigenvalues").asInt(), gap.toString());
        assertEquals(0, gap.get("symmetric_positive_real_eigenvalues").asInt(), gap.toString());
        CliHarness.Outcome shared = CliHarness.run("solve", "potts-teacher-student", "--teacher-memories", "1", "--neurons", "400",
                "--examples", "400", "--teacher-inverse-temperature", "0.15", "--student-arrangement", "1,1");
        assertEquals(0, shared.exitCode(), shared.err());
        assertTrue(shared.out().contains("no state reported") && shared.out().contains("noise direction"), shared.out());
    }
}
