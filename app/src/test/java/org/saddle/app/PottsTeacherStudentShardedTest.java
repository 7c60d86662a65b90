package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model: potts-teacher-student} as a sharded, journaled study: three shards on different thread counts merge to
 * the bytes of one unsharded run (timing.json aside), and {@code saddle status} counts the samples. (The kill and
 * resume mechanism is the same Sweeps code as for the other study types: DenseShardedTest and LearningShardedTest.)
 */
class PottsTeacherStudentShardedTest {
    /** 2 beta_T x 2 M grid points x 2 samples: 8 units sample/g/s; P_T = 2 so the phase columns and figure are written. */
    static final String STUDY = """
            study: pts
            model: potts-teacher-student
            seed: 7
            neurons: 40
            teacher-memories: 2
            student-start: prototype
            teacher-inverse-temperatures: [0.3, 1.0]
            examples: [20, 60]
            samples: 2
            """;

    @TempDir
    Path dir;

    @Test
    void threeShardsMergeToTheBytesOfOneRun() throws Exception {
        Path config = TinyStudy.runSingle(dir, "pts", STUDY, 8);
        assertEquals(List.of("run.json", "teacher-student-phase.png", "teacher-student-phase.svg", "teacher-student.csv",
                "teacher-student.png", "teacher-student.svg"), TinyStudy.resultFiles(dir.resolve("single/pts")));
        Path shards = dir.resolve("s");
        for (int i = 1; i <= 3; i++) {
            CliHarness.Outcome shard = CliHarness.run("run", config.toString(), "--results-dir", shards.toString(), "--quiet",
                    "--threads", String.valueOf(i), "--shard", i + "/3");
            assertEquals(0, shard.exitCode(), shard.err());
        }
        String status = CliHarness.run("status", shards.resolve("pts").toString()).out();
        assertTrue(status.contains("units: 8 of 8 done") && status.contains("sample     8 of 8 done"), status);
        CliHarness.Outcome merge = CliHarness.run("merge", shards.resolve("pts").toString());
        assertEquals(0, merge.exitCode(), merge.err());
        assertEquals(List.of(), TinyStudy.differences(dir.resolve("single/pts"), shards.resolve("pts")), "merged shards vs one run");
    }
}
