package org.saddle.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static void assertSameExceptTime(HopfieldSimulationResult a, HopfieldSimulationResult b) {
        assertEquals(a.spec(), b.spec());
        assertEquals(a.overlap(), b.overlap());           // record equals: Double.compare, i.e. bitwise
        assertEquals(a.energy(), b.energy());
        assertEquals(a.replicaOverlap(), b.replicaOverlap());
        assertArrayEquals(a.sampleOverlaps(), b.sampleOverlaps());
        assertEquals(a.attemptedFlips(), b.attemptedFlips());
    }

    @Test
    void oneAndTwoThreadsGiveBitwiseIdenticalResults() {
        for (Dynamics d : Dynamics.values()) {
            double t = d == Dynamics.ZERO_TEMPERATURE ? 0 : 0.6;
            HopfieldSimulationSpec spec = new HopfieldSimulationSpec(400, 40, t, d, 10, 10, 6, 2024, 3, 0.15);
            List<Long> progress = new ArrayList<>();
            HopfieldSimulationResult one = HopfieldSimulation.run(spec, 1, (done, total) -> progress.add(done));
            HopfieldSimulationResult two = HopfieldSimulation.run(spec, 2, ProgressListener.NONE);
            assertSameExceptTime(one, two);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), progress);
            assertEquals(2L * 6 * 20 * 400, one.attemptedFlips()); // 2 replicas x samples x sweeps x N
        }
    }

    @Test
    void seedAndGridPointChangeTheResult() {
        HopfieldSimulationSpec spec = new HopfieldSimulationSpec(200, 20, 0.6, Dynamics.GLAUBER, 5, 5, 3, 1, 0, 0.2);
        double[] base = HopfieldSimulation.run(spec, 2, null).sampleOverlaps();
        HopfieldSimulationSpec otherSeed = new HopfieldSimulationSpec(200, 20, 0.6, Dynamics.GLAUBER, 5, 5, 3, 2, 0, 0.2);
        HopfieldSimulationSpec otherPoint = new HopfieldSimulationSpec(200, 20, 0.6, Dynamics.GLAUBER, 5, 5, 3, 1, 1, 0.2);
        assertFalse(java.util.Arrays.equals(base, HopfieldSimulation.run(otherSeed, 1, null).sampleOverlaps()));
        assertFalse(java.util.Arrays.equals(base, HopfieldSimulation.run(otherPoint, 1, null).sampleOverlaps()));
    }
}
