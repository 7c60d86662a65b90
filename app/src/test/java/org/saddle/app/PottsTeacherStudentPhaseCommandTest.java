package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code saddle run} with model: potts-teacher-student, P_T > 1 and the derived phase diagram. */
class PottsTeacherStudentPhaseCommandTest {
    @TempDir
    Path dir;

    /**
     * P_T = 3 students started on the prototype at N = 100, at two grid points deep inside the derived phases
     * (TeacherStudentSaddlePoints): beta_T = 1, M = 300 (FEATURES, s = 20.6 against sqrt(N/M) = 0.58) and
     * beta_T = 0.1, M = 100 (NOISE, s = 0.33 against 1). The Monte Carlo recovered fraction (5 samples) must be at
     * least 0.8 at the first and at most 0.2 at the second (a point recovered or missed whole, with an allowance of
     * one in five for a student stuck at a split saddle); the phase diagram figure is written.
     */
    @Test
    void teacherStudentPhaseStudyAgreesWithTheTheoryDeepInsideThePhases() throws IOException {
        Path config = dir.resolve("phase.yaml");
        Files.writeString(config, """
                study: tiny-phase
                model: potts-teacher-student
                seed: 5
                neurons: 100
                teacher-memories: 3
                student-start: prototype
                teacher-inverse-temperatures: [0.1, 1.0]
                examples: [100, 300]
                samples: 5
                """);
        Path results = dir.resolve("results");
        CliHarness.Outcome outcome = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(0, outcome.exitCode(), outcome.err());
        java.util.List<String> rows = Files.readAllLines(results.resolve("tiny-phase/teacher-student.csv"));
        java.util.List<String> header = java.util.List.of(rows.get(0).split(","));
        int phase = header.indexOf("theory_phase");
        int recovered = header.indexOf("recovered_fraction");
        int predicted = header.indexOf("theory_recovered_fraction");
        boolean sawFeatures = false;
        boolean sawNoise = false;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            if (f[0].equals("1.0") && f[1].equals("300")) {
                assertEquals("features", f[phase]);
                assertEquals(1.0, Double.parseDouble(f[predicted]));
                assertTrue(Double.parseDouble(f[recovered]) >= 0.8, row);
                sawFeatures = true;
            }
            if (f[0].equals("0.1") && f[1].equals("100")) {
                assertEquals("noise", f[phase]);
                assertEquals(0.0, Double.parseDouble(f[predicted]));
                assertTrue(Double.parseDouble(f[recovered]) <= 0.2, row);
                sawNoise = true;
            }
        }
        assertTrue(sawFeatures && sawNoise, String.join("\n", rows));
        assertTrue(Files.exists(results.resolve("tiny-phase/teacher-student-phase.png")));
        Files.writeString(config, Files.readString(config).replace("student-start: prototype", "student-start: middle"));
        CliHarness.Outcome bad = CliHarness.run("run", config.toString(), "--results-dir", results.toString(), "--quiet");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("student-start"), bad.err());
    }

}
