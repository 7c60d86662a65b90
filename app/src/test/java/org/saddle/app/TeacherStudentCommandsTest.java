package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddle.app.output.Json;

class TeacherStudentCommandsTest {
    @TempDir
    Path dir;

    @Test
    void solveJsonOnTheNishimoriLine() throws IOException {
        CliHarness.Outcome o = CliHarness.run("solve", "teacher-student", "--temperature", "2", "--load", "6", "--paper-units",
                "--boundaries", "--json");
        assertEquals(0, o.exitCode(), o.err());
        JsonNode doc = Json.mapper().readTree(o.out());
        // Saddle units: T = T_paper / 3! and alpha = alpha_paper / 3!
        assertEquals(2.0 / 6.0, doc.get("temperature").asDouble(), 1e-15);
        assertEquals(1.0, doc.get("load").asDouble(), 1e-15);
        // the teacher's transition, T*_paper = 1.49 (the paper's Fig. 4 script, see TeacherStudentSolverTest)
        assertEquals(1.49, doc.get("teacher").get("critical_temperature_paper").asDouble(), 0.005);
        JsonNode retrieval = doc.get("branches").get(0);
        assertEquals("retrieval", retrieval.get("phase").asText());
        // Nishimori identity t = q
        assertEquals(retrieval.get("overlap").asDouble(), retrieval.get("teacher_overlap").asDouble(), 1e-10);
        assertTrue(retrieval.get("global_minimum").asBoolean(), "alpha_paper = 6 is above alpha_gR at T_paper = 2");
        JsonNode lines = doc.get("boundaries");
        assertEquals("alpha_lR", lines.get(0).get("line").asText());
        double lr = lines.get(0).get("load").asDouble();
        double gr = lines.get(1).get("load").asDouble();
        assertTrue(lr < gr && gr < 1.0, lr + " " + gr);
    }

    @Test
    void badFlagsExit2() {
        for (String[] args : new String[][] {
            {"solve", "teacher-student", "--temperature", "0.3", "--load", "1", "--interaction-order", "2"},
            {"solve", "teacher-student", "--temperature", "0.3", "--load", "1", "--teacher-temperature", "warm"},
            {"solve", "teacher-student", "--temperature", "0.3"},
            {"solve", "teacher-student", "--temperature", "-1", "--load", "1"}}) {
            CliHarness.Outcome o = CliHarness.run(args);
            assertEquals(2, o.exitCode(), String.join(" ", args) + ": " + o.err());
            assertTrue(o.err().contains("--"), o.err());
        }
    }

    @Test
    void simulateIsThreadIndependentAndComparesWithTheory() throws IOException {
        String[] base = {"simulate", "teacher-student", "--neurons", "30", "--load", "1.5", "--temperature", "0.3",
            "--samples", "3", "--equilibration-sweeps", "20", "--measurement-sweeps", "20", "--json", "--threads"};
        String[] one = java.util.Arrays.copyOf(base, base.length + 1);
        one[base.length] = "1";
        String[] two = java.util.Arrays.copyOf(base, base.length + 1);
        two[base.length] = "2";
        CliHarness.Outcome a = CliHarness.run(one);
        CliHarness.Outcome b = CliHarness.run(two);
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(a.out(), b.out());
        JsonNode doc = Json.mapper().readTree(a.out());
        assertEquals(1350, doc.get("examples").asInt()); // 1.5 x 30^2
        assertTrue(doc.get("rs_retrieval_teacher_overlap").asDouble() > 0.9, a.out());
        CliHarness.Outcome bad = CliHarness.run("simulate", "teacher-student", "--neurons", "30", "--load", "1",
                "--temperature", "0.3", "--student-start", "2");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--student-start"), bad.err());
    }

    private Path config(String name, String extra) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                study: %s
                model: teacher-student
                seed: 3
                theory:
                  interaction-order: 3
                  teacher-temperature: nishimori
                  temperatures: [0.3, 0.4]
                  overlap-loads: [1.0]
                  overlap-temperature-max: 0.4
                simulation:
                  neurons: 30
                  loads: [1.0]
                  temperatures: [0.2, 0.35]
                  samples: 2
                  teacher-sweeps: 5
                  equilibration-sweeps: 10
                  measurement-sweeps: 10
                %s""".formatted(name, extra));
        return file;
    }

    @Test
    void studyWritesItsFilesAndShardsMergeToTheSameBytes() throws IOException {
        Path cfg = config("ts", "");
        CliHarness.Outcome single = CliHarness.run("run", cfg.toString(), "--results-dir", dir.resolve("a").toString(),
                "--quiet", "--threads", "2");
        assertEquals(0, single.exitCode(), single.err());
        Path a = dir.resolve("a/ts");
        for (String f : new String[] {"phase-lines.csv", "overlap-curves.csv", "simulation.csv", "phase-diagram.png",
            "phase-diagram.svg", "overlap.png", "overlap.svg", "run.json"}) {
            assertTrue(Files.exists(a.resolve(f)), f);
        }
        String lines = Files.readString(a.resolve("phase-lines.csv"));
        // alpha_lR(T = 1/3) = 0.7175002864 (solveJsonOnTheNishimoriLine) times (0.3 / (1/3))^2 = 0.81 (T^2 scaling) = 0.58117523
        assertTrue(lines.contains("alpha_lR,0.3,0.3,0.58117523"), lines);
        for (String shard : new String[] {"1/2", "2/2"}) {
            CliHarness.Outcome o = CliHarness.run("run", cfg.toString(), "--results-dir", dir.resolve("b").toString(),
                    "--quiet", "--threads", "1", "--shard", shard);
            assertEquals(0, o.exitCode(), o.err());
        }
        CliHarness.Outcome merge = CliHarness.run("merge", dir.resolve("b/ts").toString());
        assertEquals(0, merge.exitCode(), merge.err());
        for (String f : new String[] {"phase-lines.csv", "overlap-curves.csv", "simulation.csv", "run.json"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(dir.resolve("b/ts").resolve(f)), f);
        }
    }

    @Test
    void badConfigExits2AndWritesNothing() throws IOException {
        Path cfg = config("bad", "  cue: 0.1\n");
        CliHarness.Outcome o = CliHarness.run("run", cfg.toString(), "--results-dir", dir.resolve("r").toString(), "--quiet");
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains("simulation.cue") || o.err().contains("cue"), o.err());
        assertFalse(Files.exists(dir.resolve("r/bad")));
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, Files.readString(config("t", "")).replace("teacher-temperature: nishimori", "teacher-temperature: hot"));
        CliHarness.Outcome o2 = CliHarness.run("run", t.toString(), "--results-dir", dir.resolve("r").toString(), "--quiet");
        assertEquals(2, o2.exitCode(), o2.err());
        assertTrue(o2.err().contains("teacher-temperature") && o2.err().contains("nishimori"), o2.err());
        // a reference file that does not exist: exit 2 naming the key, nothing written
        Path missing = dir.resolve("ref.yaml");
        Files.writeString(missing, Files.readString(config("ref", "")).replace("seed: 3", "seed: 3\nreference: no-such-points.csv"));
        CliHarness.Outcome o3 = CliHarness.run("run", missing.toString(), "--results-dir", dir.resolve("r").toString(), "--quiet");
        assertEquals(2, o3.exitCode(), o3.err());
        assertTrue(o3.err().contains("reference"), o3.err());
        assertFalse(Files.exists(dir.resolve("r/ref")));
    }
}
