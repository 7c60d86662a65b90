package org.saddle.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpecValidationTest {

    private static void rejects(String field, Runnable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
        assertTrue(e.getMessage().contains(field), () -> "message should name " + field + ": " + e.getMessage());
    }

    @Test
    void acceptsValidSpecsAndComputesLoad() {
        HopfieldSimulationSpec s = new HopfieldSimulationSpec(1000, 50, 0.0, Dynamics.ZERO_TEMPERATURE, 0, 1, 1, 7, 0, 0);
        assertEquals(0.05, s.load(), 0.0); // 50 / 1000
        new HopfieldSimulationSpec(2, 1, 0.3, Dynamics.METROPOLIS, 0, 1, 1, 7, 3, 1.0);
    }

    @Test
    void rejectsEachInvalidFieldByName() {
        rejects("neurons", () -> new HopfieldSimulationSpec(1, 1, 0.5, Dynamics.GLAUBER, 0, 1, 1, 0, 0, 0));
        rejects("patterns", () -> new HopfieldSimulationSpec(10, 0, 0.5, Dynamics.GLAUBER, 0, 1, 1, 0, 0, 0));
        rejects("neurons * patterns", () -> new HopfieldSimulationSpec(100_000, 100_000, 0.5, Dynamics.GLAUBER, 0, 1, 1, 0, 0, 0));
        rejects("temperature", () -> new HopfieldSimulationSpec(10, 1, -0.1, Dynamics.GLAUBER, 0, 1, 1, 0, 0, 0));
        rejects("temperature", () -> new HopfieldSimulationSpec(10, 1, Double.NaN, Dynamics.GLAUBER, 0, 1, 1, 0, 0, 0));
        rejects("temperature", () -> new HopfieldSimulationSpec(10, 1, Double.POSITIVE_INFINITY, Dynamics.GLAUBER, 0, 1, 1, 0, 0, 0));
        rejects("dynamics", () -> new HopfieldSimulationSpec(10, 1, 0.5, null, 0, 1, 1, 0, 0, 0));
        rejects("ZERO_TEMPERATURE", () -> new HopfieldSimulationSpec(10, 1, 0.0, Dynamics.GLAUBER, 0, 1, 1, 0, 0, 0));
        rejects("ZERO_TEMPERATURE", () -> new HopfieldSimulationSpec(10, 1, 0.0, Dynamics.METROPOLIS, 0, 1, 1, 0, 0, 0));
        rejects("temperature", () -> new HopfieldSimulationSpec(10, 1, 0.5, Dynamics.ZERO_TEMPERATURE, 0, 1, 1, 0, 0, 0));
        rejects("equilibrationSweeps", () -> new HopfieldSimulationSpec(10, 1, 0.5, Dynamics.GLAUBER, -1, 1, 1, 0, 0, 0));
        rejects("measurementSweeps", () -> new HopfieldSimulationSpec(10, 1, 0.5, Dynamics.GLAUBER, 0, 0, 1, 0, 0, 0));
        rejects("samples", () -> new HopfieldSimulationSpec(10, 1, 0.5, Dynamics.GLAUBER, 0, 1, 0, 0, 0, 0));
        rejects("gridPoint", () -> new HopfieldSimulationSpec(10, 1, 0.5, Dynamics.GLAUBER, 0, 1, 1, 0, -1, 0));
        rejects("cueNoise", () -> new HopfieldSimulationSpec(10, 1, 0.5, Dynamics.GLAUBER, 0, 1, 1, 0, 0, 1.5));
        rejects("cueNoise", () -> new HopfieldSimulationSpec(10, 1, 0.5, Dynamics.GLAUBER, 0, 1, 1, 0, 0, Double.NaN));
    }

    @Test
    void rejectsBadThreadCounts() {
        HopfieldSimulationSpec s = new HopfieldSimulationSpec(10, 1, 0.5, Dynamics.GLAUBER, 0, 1, 1, 0, 0, 0);
        rejects("threads", () -> HopfieldSimulation.run(s, 0, ProgressListener.NONE));
        rejects("threads", () -> MonteCarloBenchmark.run(10, 1, 0.5, 0, 0.1, 1));
        rejects("seconds", () -> MonteCarloBenchmark.run(10, 1, 0.5, 1, 0, 1));
    }

    @Test
    void estimateIsMeanAndStandardError() {
        // values 1,2,3,4: mean 2.5, sample variance 5/3, standard error sqrt(5/3/4)
        Estimate e = Estimate.of(new double[] {1, 2, 3, 4});
        assertEquals(2.5, e.mean(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 12.0), e.standardError(), 1e-15);
        assertEquals(4, e.samples());
        assertTrue(Double.isNaN(Estimate.of(new double[] {1}).standardError()));
    }
}
