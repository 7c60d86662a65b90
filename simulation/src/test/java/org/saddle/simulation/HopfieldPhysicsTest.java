package org.saddle.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Checks of the simulated physics against derivations and published values (PHYSICS.md sec. 1).
 */
class HopfieldPhysicsTest {

    /** Largest solution of the Curie-Weiss equation m = tanh(m / T), T &lt; 1, by fixed-point iteration from 1. */
    private static double curieWeiss(double temperature) {
        double m = 1;
        for (int it = 0; it < 10_000; it++) {
            m = Math.tanh(m / temperature);
        }
        return m;
    }

    /**
     * One pattern (K = 1): the gauge transform tau_i = xi_i sigma_i turns H = -(N/2) m^2 + 1/2 into the
     * Curie-Weiss model with J = 1, whose N -> infinity magnetization solves m = tanh(m/T); at T = 0.5,
     * m* = 0.95750. The energy per neuron is e = -m^2/2 + 1/(2N).
     * Tolerance: 3 standard errors plus a finite-size allowance 1/sqrt(N): in the ordered phase the mean of
     * m differs from m* by O(1/N) and a single configuration by O(sqrt(chi/N)) with chi = beta(1-m^2)/(1-beta(1-m^2))
     * = 0.20, i.e. 0.01 at N = 2000; 1/sqrt(N) = 0.022 bounds both. A factor-2 error in the field
     * (m = tanh(2m/T) = 0.9993) or in beta (m = tanh(m/(2T)), i.e. T_eff = 1, m = 0) falls outside.
     */
    @Test
    void onePatternFollowsCurieWeiss() {
        double temperature = 0.5;
        double mStar = curieWeiss(temperature);
        assertEquals(0.9575, mStar, 1e-4); // tanh(2 * 0.9575) = 0.9575
        int n = 2000;
        for (Dynamics d : new Dynamics[] {Dynamics.GLAUBER, Dynamics.METROPOLIS}) {
            HopfieldSimulationSpec spec = new HopfieldSimulationSpec(n, 1, temperature, d, 200, 400, 8, 17, 0, 0);
            HopfieldSimulationResult r = HopfieldSimulation.run(spec, 2, ProgressListener.NONE);
            double allowance = 1 / Math.sqrt(n);
            assertEquals(mStar, r.overlap().mean(), 3 * r.overlap().standardError() + allowance, d + ": " + r.overlap());
            // de/dm = -m, so the allowance on e is m* times the allowance on m
            double eStar = -mStar * mStar / 2 + 1.0 / (2 * n);
            assertEquals(eStar, r.energy().mean(), 3 * r.energy().standardError() + mStar * allowance, d + ": " + r.energy());
            // two replicas in the same ordered state: q = m^2 to the same accuracy
            assertEquals(mStar * mStar, r.replicaOverlap().mean(),
                    3 * r.replicaOverlap().standardError() + 2 * mStar * allowance, d + ": " + r.replicaOverlap());
        }
    }

    /**
     * One pattern above the Curie point (T = 2 &gt; T_c = 1): paramagnet. By the symmetry sigma -&gt; -sigma the
     * equilibrium mean of m is exactly 0; the start in the pattern (m = 1) relaxes in about 1/(1-beta) = 2 sweeps,
     * far below the 100 equilibration sweeps. Bound: 4 standard errors.
     */
    @Test
    void onePatternAboveTheCuriePointIsParamagnetic() {
        HopfieldSimulationSpec spec = new HopfieldSimulationSpec(2000, 1, 2.0, Dynamics.GLAUBER, 100, 200, 8, 3, 0, 0);
        HopfieldSimulationResult r = HopfieldSimulation.run(spec, 2, ProgressListener.NONE);
        assertEquals(0.0, r.overlap().mean(), 4 * r.overlap().standardError(), r.overlap().toString());
        assertTrue(r.overlap().standardError() < 0.02, "paramagnetic m fluctuates by O(1/sqrt(N)), not O(1)");
    }

    /**
     * T = 0, one pattern, start in it: d_i = sigma_i S_i - K = N - 1 &gt; 0 for every site, so nothing flips and
     * m = q = 1, e = -1/2 + 1/(2N) exactly.
     */
    @Test
    void zeroTemperatureSinglePatternIsAFixedPoint() {
        int n = 500;
        HopfieldSimulationSpec spec = new HopfieldSimulationSpec(n, 1, 0, Dynamics.ZERO_TEMPERATURE, 3, 3, 2, 1, 0, 0);
        HopfieldSimulationResult r = HopfieldSimulation.run(spec, 1, ProgressListener.NONE);
        assertEquals(1.0, r.overlap().mean(), 0.0);
        assertEquals(1.0, r.replicaOverlap().mean(), 0.0);
        assertEquals(-0.5 + 1.0 / (2 * n), r.energy().mean(), 1e-15);
    }

    /**
     * T = 0, load 0.05 &lt; alpha_c = 0.138 (AGS 1987): the retrieval state is stable, RS theory gives
     * m = erf(y) with y ~ 3, m = 0.9999... (PHYSICS.md T = 0 equations; AGS 1987). At N = 2000 a start in
     * the pattern keeps nearly all bits; bound 0.95 leaves room for finite-N fluctuations (sample m values
     * are ~0.99). The start is cued with 10% flipped bits, so the test exercises actual retrieval.
     */
    @Test
    void lowLoadRetrievesThePattern() {
        HopfieldSimulationSpec spec = new HopfieldSimulationSpec(2000, 100, 0, Dynamics.ZERO_TEMPERATURE, 20, 5, 4, 5, 0, 0.1);
        HopfieldSimulationResult r = HopfieldSimulation.run(spec, 2, ProgressListener.NONE);
        for (double m : r.sampleOverlaps()) {
            assertTrue(m > 0.95, "retrieval at alpha = 0.05: m = " + m);
        }
    }

    /**
     * T = 0, load 0.3, more than twice alpha_c = 0.138 (AGS 1987): no retrieval state exists, and the
     * dynamics started in the pattern drifts to a spin-glass state keeping only a residual overlap
     * (~0.3-0.4 in finite-N zero-temperature simulations above alpha_c, Amit's book "Modeling brain
     * function" ch. 6; Kohring 1990). Bound: m &lt; 0.6, far below the retrieval value ~0.97 at alpha_c.
     * A start cued with 10% noise ensures we do not sit on the exact pattern.
     */
    @Test
    void highLoadLosesThePattern() {
        HopfieldSimulationSpec spec = new HopfieldSimulationSpec(2000, 600, 0, Dynamics.ZERO_TEMPERATURE, 30, 5, 4, 5, 0, 0.1);
        HopfieldSimulationResult r = HopfieldSimulation.run(spec, 2, ProgressListener.NONE);
        assertTrue(r.overlap().mean() < 0.6, "no retrieval at alpha = 0.3: " + r.overlap());
    }
}
