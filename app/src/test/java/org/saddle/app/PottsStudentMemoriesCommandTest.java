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

    /** Writes {@code yaml} to {@code name} and runs it into dir/results. */
    private CliHarness.Outcome run(String name, String yaml) throws IOException {
        Path config = dir.resolve(name);
        Files.writeString(config, yaml);
        return CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("results").toString(), "--quiet");
    }

    /**
     * P = 2 students of a P_T = 3 teacher at beta_T = 1, M = 300, N = 100 (features phase): the forced partition {1, 2}
     * predicts a recovered fraction of exactly 1/3 and the Monte Carlo (3 samples, prototype start) finds it.
     */
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

    /**
     * A list of P is the outermost grid axis: one row per (P, beta_T, M) in that order, the theory's recovered fraction per P
     * (hot student beta = 0.1 at beta_T = 1: 0 for P = 1, the forced 1/3 for P = 2, 1 for P = 4 with the duplicates together),
     * and the two figures against P.
     */
    @Test
    void listOfStudentMemoriesIsTheOuterGridAxis() throws IOException {
        CliHarness.Outcome outcome = run("sweep.yaml", """
                study: tiny-sweep
                model: potts-teacher-student
                seed: 2
                neurons: 100
                teacher-memories: 3
                student-memories: [1, 2, 4]
                student-inverse-temperature: 0.1
                student-start: prototype
                teacher-inverse-temperatures: [1.0]
                examples: [100, 300]
                samples: 2
                """);
        assertEquals(0, outcome.exitCode(), outcome.err());
        Path folder = dir.resolve("results/tiny-sweep");
        List<String> rows = Files.readAllLines(folder.resolve("teacher-student.csv"));
        assertEquals(7, rows.size());
        List<String> header = List.of(rows.get(0).split(","));
        double[] expected = {0, 0, 1.0 / 3, 1.0 / 3, 1, 1};
        String[] memories = {"1", "1", "2", "2", "4", "4"};
        String[] examples = {"100", "300", "100", "300", "100", "300"};
        for (int k = 0; k < 6; k++) {
            String[] row = rows.get(k + 1).split(",");
            assertEquals(memories[k], row[header.indexOf("student_memories")], "row " + k);
            assertEquals(examples[k], row[header.indexOf("examples")], "row " + k);
            assertEquals(expected[k], Double.parseDouble(row[header.indexOf("theory_recovered_fraction")]), 1e-12, "row " + k);
        }
        for (String file : List.of("teacher-student-memories.png", "teacher-student-memories.svg", "teacher-student-memories-overlap.png",
                "teacher-student-memories-overlap.svg")) {
            assertTrue(Files.size(folder.resolve(file)) > 0, file);
        }
    }

    /** A one-element list numbers the grid, and so the random streams, as the default: the same table, byte for byte. */
    @Test
    void oneStudentMemoryCountKeepsTheRandomStreams() throws IOException {
        String common = """
                model: potts-teacher-student
                seed: 3
                neurons: 60
                teacher-memories: 2
                teacher-inverse-temperatures: [0.5, 1.0]
                examples: [20, 40]
                samples: 2
                """;
        assertEquals(0, run("default.yaml", "study: tiny-default\n" + common).exitCode());
        assertEquals(0, run("listed.yaml", "study: tiny-listed\nstudent-memories: [2]\n" + common).exitCode());
        assertEquals(Files.readString(dir.resolve("results/tiny-default/teacher-student.csv")),
                Files.readString(dir.resolve("results/tiny-listed/teacher-student.csv")));
        assertFalse(Files.exists(dir.resolve("results/tiny-listed/teacher-student-memories.png")));
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
