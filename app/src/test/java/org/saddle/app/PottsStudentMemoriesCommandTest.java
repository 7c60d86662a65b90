package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code student-memories} of model: potts-teacher-student (P != P_T; theory in TeacherStudentSaddlePoints.studentCount). */
class PottsStudentMemoriesCommandTest {
    @TempDir
    Path dir;

    /**
     * P = 2 students of a P_T = 3 teacher at beta_T = 1, M = 300, N = 100 (features phase): the forced partition {1, 2}
     * predicts a recovered fraction of exactly 1/3 and the Monte Carlo (3 samples, prototype start) finds it.
     */
    /** Writes {@code yaml} to {@code name} and runs it into dir/results. */
    private CliHarness.Outcome run(String name, String yaml) throws IOException {
        Path config = dir.resolve(name);
        Files.writeString(config, yaml);
        return CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("results").toString(), "--quiet");
    }

    @Test
    void fewerStudentMemoriesRecoverTheForcedFraction() throws IOException {
        CliHarness.Outcome outcome = run("p2.yaml", """
                study: tiny-p2
                model: potts-teacher-student
                seed: 4
                neurons: 100
                teacher-memories: 3
                student-memories: 2
                student-start: prototype
                teacher-inverse-temperatures: [1.0]
                examples: [300]
                samples: 3
                """);
        assertEquals(0, outcome.exitCode(), outcome.err());
        List<String> rows = Files.readAllLines(dir.resolve("results/tiny-p2/teacher-student.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        String[] row = rows.get(1).split(",");
        assertEquals("2", row[header.indexOf("student_memories")]);
        assertEquals(1.0 / 3, Double.parseDouble(row[header.indexOf("theory_recovered_fraction")]), 1e-12);
        assertEquals(1.0 / 3, Double.parseDouble(row[header.indexOf("recovered_fraction")]), 1e-12);
    }

    /** A student-memories value out of range exits 2, naming the file, the key and the allowed range; nothing is written. */
    @Test
    void badStudentMemoriesExitsTwo() throws IOException {
        CliHarness.Outcome outcome = run("bad.yaml", """
                study: tiny-bad
                model: potts-teacher-student
                neurons: 100
                teacher-memories: 3
                student-memories: 0
                teacher-inverse-temperatures: [1.0]
                examples: [30]
                """);
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("student-memories"), outcome.err());
        assertTrue(outcome.err().contains("bad.yaml"), outcome.err());
        assertTrue(outcome.err().contains("1"), outcome.err());
        assertFalse(Files.exists(dir.resolve("results/tiny-bad")));
    }
}
