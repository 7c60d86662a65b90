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
 * {@code model: dense} as a sharded, journaled study (units: the adaptive phase lines, one per critical load, one per
 * Monte Carlo grid point): two shards merged, and a run killed with SIGKILL and started again, write the same bytes
 * as one uninterrupted unsharded run (timing.json aside); {@code saddle status} reports what is done.
 */
class DenseShardedTest {
    /** 1 phase-lines unit + 2 critical loads (P = 2, 3, RS) + 2 x 3 x 2 Monte Carlo grid points = 15 units. */
    static final String STUDY = """
            study: ds
            model: dense
            seed: 5
            theory:
              quadrature-order: 40
              phase-diagram:
                interaction-order: 3
                loads: [0.0, 0.1]
                max-points: 3
              critical-loads: {interaction-orders: [2, 3], ansatz: rs}
            simulation:
              neurons: [24, 40]
              loads: [0.02, 0.1, 0.3]
              temperatures: [0.05, 0.8]
              samples: 4
              equilibration-sweeps: 100
              measurement-sweeps: 100
            """;
    static final int UNITS = 15;
    static final List<String> FILES = List.of("critical-loads.csv", "critical-loads.png", "critical-loads.svg",
            "phase-diagram.png", "phase-diagram.svg", "phase-lines.csv", "run.json", "simulation.csv", "transition.csv");

    @TempDir
    static Path reference;

    @TempDir
    Path dir;

    static Path config;

    @BeforeAll
    static void singleRun() throws IOException {
        config = TinyStudy.runSingle(reference, "ds", STUDY, UNITS);
        assertEquals(FILES, TinyStudy.resultFiles(reference.resolve("single/ds")));
    }

    @Test
    void twoShardsMergedAreByteIdenticalToASingleRun() throws Exception {
        Path folder = dir.resolve("s/ds");
        CliHarness.Outcome first = CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("s").toString(),
                "--quiet", "--threads", "1", "--shard", "2/2");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("shard 2/2: 7 of 7 units computed now"), first.out());
        String partial = CliHarness.run("status", folder.toString()).out();
        assertTrue(partial.contains("units: 7 of 15 done"), partial);
        assertTrue(partial.contains("lines      0 of 1 done"), partial);
        assertFalse(Files.exists(folder.resolve("run.json")), "a shard alone writes no study files");

        CliHarness.Outcome second = CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("s").toString(),
                "--quiet", "--threads", "1", "--shard", "1/2");
        assertEquals(0, second.exitCode(), second.err());
        String status = CliHarness.run("status", folder.toString()).out();
        assertTrue(status.contains("units: 15 of 15 done"), status);
        assertTrue(status.contains("lines      1 of 1 done") && status.contains("critical   2 of 2 done")
                && status.contains("mc         12 of 12 done"), status);
        // The merge runs in another JVM than the single run: the bytes must not depend on the process (hash orders).
        assertEquals(0, ChildRun.run(dir.resolve("merge.log"), "merge", folder.toString()),
                () -> "merge in a child JVM failed: " + read(dir.resolve("merge.log")));
        assertEquals(List.of(), TinyStudy.differences(reference.resolve("single/ds"), folder), "merged shards vs one run");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void aRunKilledMidwayResumesToTheSameBytes() throws Exception {
        Path journal = dir.resolve("killed/ds/journal/run.journal");
        // One thread: the phase lines and the two critical loads come first, then 12 Monte Carlo grid points.
        int survived = ChildRun.killAfterUnits(journal, 3, dir.resolve("child.log"), "run", config.toString(),
                "--results-dir", dir.resolve("killed").toString(), "--threads", "1", "--quiet");
        assertFalse(Files.exists(dir.resolve("killed/ds/run.json")), "a killed run writes no study files");
        assertTrue(survived >= 3 && survived < UNITS, "units journaled before the kill: " + survived);
        CliHarness.Outcome resumed = CliHarness.run("run", config.toString(), "--results-dir",
                dir.resolve("killed").toString(), "--threads", "2", "--quiet");
        assertEquals(0, resumed.exitCode(), resumed.err());
        ChildRun.assertResumed(resumed.out(), "run", UNITS, survived);
        assertEquals(List.of(), TinyStudy.differences(reference.resolve("single/ds"), dir.resolve("killed/ds")));
    }
}
