package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model: learning} as a sharded, journaled study with every kind of unit (phase lines, RS critical load,
 * learning threshold, 1RSB state, 1RSB critical load, Monte Carlo grid points): two shards, one of them killed with
 * SIGKILL mid-way and started again, merge to the same bytes as one uninterrupted unsharded run (timing.json aside);
 * {@code saddle status} reports what is done. (DenseShardedTest kills an unsharded run.)
 */
class LearningShardedTest {
    /** lines/0, critical/0, threshold/0, onestep/0, onestep-critical/0 and mc/0..3 (2 N x 2 loads x 1 T): 9 units. */
    static final String STUDY = """
            study: ls
            model: learning
            seed: 4
            theory:
              interaction-order: 3
              mode: supervised
              dataset-entropies: [0.2]
              line-loads: [0.012]
              critical-load-entropies: [0.2]
              threshold-loads: [0.01]
              ansatz: 1rsb
              one-step-loads: [0.008]
              one-step-fractions: [0.6]
              quadrature-order: 40
            simulation:
              examples: 8
              dataset-entropy: 0.2
              neurons: [12, 16]
              loads: [0.01, 0.05]
              temperatures: [0.1]
              samples: 3
              equilibration-sweeps: 20
              measurement-sweeps: 20
            """;
    static final int UNITS = 9;
    static final List<String> FILES = List.of("critical-load-1rsb.csv", "critical-load.csv", "critical-load.png",
            "critical-load.svg", "one-step.csv", "phase-diagram.png", "phase-diagram.svg", "phase-lines.csv", "run.json",
            "simulation.csv", "thresholds.csv", "transition.csv");

    @TempDir
    static Path reference;

    @TempDir
    Path dir;

    static Path config;

    @BeforeAll
    static void singleRun() throws IOException {
        config = TinyStudy.runSingle(reference, "ls", STUDY, UNITS);
        assertEquals(FILES, TinyStudy.resultFiles(reference.resolve("single/ls")));
    }

    /**
     * Shard 2/2 runs to the end; shard 1/2 is killed with SIGKILL mid-way and started again; the merge equals the
     * single run. (One flow keeps the class fast: the 1RSB critical load alone takes seconds.)
     */
    @Test
    void shardsOneKilledMidwayThenResumedMergeToTheBytesOfASingleRun() throws Exception {
        Path folder = dir.resolve("s/ls");
        // Shard 2/2 holds the units at odd positions: critical/0, onestep/0, mc/0, mc/2.
        CliHarness.Outcome first = CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("s").toString(),
                "--quiet", "--threads", "1", "--shard", "2/2");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("shard 2/2: 4 of 4 units computed now"), first.out());
        String partial = CliHarness.run("status", folder.toString()).out();
        assertTrue(partial.contains("units: 4 of 9 done"), partial);
        assertTrue(partial.contains("onestep    1 of 1 done") && partial.contains("mc         2 of 4 done")
                && partial.contains("lines      0 of 1 done"), partial);
        CliHarness.Outcome early = CliHarness.run("merge", folder.toString());
        assertEquals(2, early.exitCode(), "merge before every shard is done: " + early.err());
        assertFalse(Files.exists(folder.resolve("run.json")), "no study files before every unit is done");

        // Shard 1/2 (lines/0, threshold/0, onestep-critical/0, mc/1, mc/3) on one thread, killed once the phase
        // lines and the threshold are journaled, while the 1RSB critical load (seconds) is being computed.
        Path journal = folder.resolve("journal/shard-1-of-2.journal");
        int survived = ChildRun.killAfterUnits(journal, 2, dir.resolve("child.log"), "run", config.toString(),
                "--results-dir", dir.resolve("s").toString(), "--threads", "1", "--quiet", "--shard", "1/2");
        assertTrue(survived >= 2 && survived < 5, "units journaled before the kill: " + survived);
        CliHarness.Outcome resumed = CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("s").toString(),
                "--quiet", "--threads", "2", "--shard", "1/2");
        assertEquals(0, resumed.exitCode(), resumed.err());
        ChildRun.assertResumed(resumed.out(), "shard 1/2", 5, survived);

        String status = CliHarness.run("status", folder.toString()).out();
        assertTrue(status.contains("units: 9 of 9 done"), status);
        assertTrue(status.contains("onestep-critical 1 of 1 done") && status.contains("threshold  1 of 1 done"), status);
        CliHarness.Outcome merge = CliHarness.run("merge", folder.toString());
        assertEquals(0, merge.exitCode(), merge.err());
        assertEquals(List.of(), TinyStudy.differences(reference.resolve("single/ls"), folder), "merged shards vs one run");
    }
}
