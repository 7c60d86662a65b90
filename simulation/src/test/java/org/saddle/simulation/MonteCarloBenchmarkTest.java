package org.saddle.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class MonteCarloBenchmarkTest {

    @Test
    void reportsConsistentThroughputForTwoChains() {
        BenchmarkResult r = MonteCarloBenchmark.run(200, 50, 0.5, 2, 0.2, 1);
        assertEquals(2, r.threads());
        assertTrue(r.attemptedFlips() >= 2 * 200, "at least one sweep per chain");
        assertEquals(0, r.attemptedFlips() % 200, "whole sweeps only");
        assertTrue(r.seconds() >= 0.2);
        assertEquals(r.attemptedFlips() / r.seconds(), r.flipsPerSecond(), 1e-9 * r.flipsPerSecond());
        assertEquals(r.flipsPerSecond() * 50, r.patternSiteOpsPerSecond(), 1e-9 * r.patternSiteOpsPerSecond());
        // N = 200 <= 16383: the chain reads bit-packed rows
        assertEquals(OverlapKernels.best().packed().name(), r.kernel());
    }

    /** Without --add-modules=jdk.incubator.vector the scalar (packed) kernel is chosen at class initialization. */
    @Test
    void fallsBackToScalarWithoutTheVectorModule() throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Path classes = Paths.get(MonteCarloBenchmark.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Process p = new ProcessBuilder(java.toString(), "-cp", classes.toString(),
                "org.saddle.simulation.MonteCarloBenchmark", "100", "10", "0.5", "1", "0.05")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("kernel=packed-scalar"), out);
    }
}
