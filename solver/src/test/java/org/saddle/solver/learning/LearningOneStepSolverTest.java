package org.saddle.solver.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddle.theory.learning.LearningDataset;
import org.saddle.theory.learning.LearningMode;
import org.saddle.theory.learning.LearningOneStepEquations;
import org.saddle.theory.learning.LearningRSEquations;

/** 1RSB of dense Hebbian learning: reduction to RS (no paper needed) and RSB below the AT line. */
class LearningOneStepSolverTest {

    private static final LearningSolver RS = new LearningSolver();
    private static final LearningOneStepSolver ONE_STEP = new LearningOneStepSolver(RS, 40, 8);
    private static final LearningDataset DATA = new LearningDataset(4, LearningMode.SUPERVISED, 0.1, Double.NaN);
    private static final double LOAD = 0.0196; // 0.9 alpha_c(rho = 0.1) at T = 0

    /**
     * On the RS manifold q0 = q1 = q the 1RSB map and free energy are the RS ones, for any x (derived: sd1 = 0,
     * the cluster weight is trivial and the x-terms cancel).
     */
    @Test
    void equalOverlapsReduceToReplicaSymmetry() {
        double t = 0.03;
        var rs = new LearningRSEquations(DATA, LOAD, t, RS.averages());
        double n = 0.9;
        double q = 0.85;
        double[] rsNext = new double[2];
        rs.update(new double[] {n, (1 - q) / t}, rsNext);
        for (double x : new double[] {0.1, 0.5, 1.0}) {
            LearningOneStepEquations eq = ONE_STEP.equations(DATA, LOAD, t, x);
            double[] next = new double[3];
            eq.update(new double[] {n, q, q}, next);
            assertEquals(rsNext[0], next[0], 1e-9, "n");
            assertEquals(1 - rsNext[1] * t, next[2], 1e-9, "q1");
            assertEquals(next[1], next[2], 1e-9, "q0 = q1 stays");
            assertEquals(rs.freeEnergy(n, (1 - q) / t), eq.freeEnergy(n, q, q), 1e-10, "f");
        }
    }

    /**
     * The Parisi-parameter limits of the 1RSB free energy (derived from the class comment of
     * LearningOneStepEquations): at x = 1, E_{z1} 2cosh(beta(a + sd1 z1)) = 2cosh(beta a) e^{beta^2 sd1^2/2} and
     * beta^2 sd1^2 = c P (q1^(P-1) - q0^(P-1)) cancels the q1 terms, so f_1RSB(n, q0, q1) = f_RS(n, q0) for any q1;
     * as x -> 0, (1/x) ln E (2cosh)^x -> E ln 2cosh and the q0 terms drop, so f_1RSB -> f_RS(n, q1) for any q0.
     */
    @Test
    void parisiParameterLimitsAreReplicaSymmetric() {
        double t = 0.01;
        var rs = new LearningRSEquations(DATA, LOAD, t, RS.averages());
        double n = 0.95;
        double q0 = 0.9;
        double q1 = 0.97;
        assertEquals(rs.freeEnergy(n, (1 - q0) / t), ONE_STEP.equations(DATA, LOAD, t, 1.0).freeEnergy(n, q0, q1), 1e-9);
        double small = 1e-5;
        assertEquals(rs.freeEnergy(n, (1 - q1) / t), ONE_STEP.equations(DATA, LOAD, t, small).freeEnergy(n, q0, q1), 1e-6);
    }

    /**
     * Below T_AT the optimized 1RSB state breaks replica symmetry with 0 < x < 1 and a higher free energy
     * (replica limit: f maximal over the order parameters); above T_AT it is RS.
     */
    @Test
    void breaksBelowTheAlmeidaThoulessLine() {
        double tAt = RS.atTemperature(DATA, LOAD).temperature();
        var below = ONE_STEP.solve(DATA, LOAD, 0.8 * tAt);
        assertTrue(below.converged() && below.differsFromRS(), below.message());
        assertTrue(below.order().parisiParameter() > 0.05 && below.order().parisiParameter() < 0.95);
        assertTrue(below.freeEnergy() > below.rsFreeEnergy());
        var above = ONE_STEP.solve(DATA, LOAD, 1.2 * tAt);
        assertFalse(above.differsFromRS(), above.message());
        assertEquals(above.rsFreeEnergy(), above.freeEnergy(), 1e-10);
    }

    /**
     * Across ParisiOptimizer.LOWEST_RESOLVED_TEMPERATURE: the finite-T solve just above (x scanned down to mu T) and the
     * T = 0 state read just below (x = mu T, q1 = 1 - C T) are the same branch: beta x is nearly linear in T near 0
     * (65.12 at 1.01e-4, 64.79 at 2e-4, mu = 65.43 at T = 0), so its linear extrapolation from 2e-4 and 1.01e-4 meets
     * mu(T = 0). Its error is dominated by the golden-section bracket of x (1e-5, i.e. 0.1 in beta x at T = 1e-4), which
     * the extrapolation amplifies about threefold: bound 1e-2 mu = 0.65. n moves by O(T) between the two sides (4.5e-6
     * here; bound 1e-4 relative), f by O(T^2) (bound T^2/4 + 1e-6, as in the dense solver's test).
     */
    @Test
    void belowTheLowestResolvedTemperatureTheStateIsTheZeroTemperatureOneReadAtT() {
        double edge = org.saddle.solver.ParisiOptimizer.LOWEST_RESOLVED_TEMPERATURE;
        var above = ONE_STEP.solve(DATA, LOAD, 1.01 * edge);
        var higher = ONE_STEP.solve(DATA, LOAD, 2.0 * edge);
        var below = ONE_STEP.solve(DATA, LOAD, 0.99 * edge);
        assertTrue(above.converged() && above.differsFromRS(), above.message());
        assertTrue(higher.converged() && higher.differsFromRS(), higher.message());
        assertTrue(below.converged() && below.differsFromRS() && below.message().contains("T = 0 1RSB state"), below.message());
        double bxAbove = above.order().parisiParameter() / above.temperature();
        double bxHigher = higher.order().parisiParameter() / higher.temperature();
        double mu = below.order().parisiParameter() / below.temperature();
        double slope = (bxHigher - bxAbove) / (higher.temperature() - above.temperature());
        assertEquals(mu, bxAbove - slope * above.temperature(), 1e-2 * mu);
        assertEquals(above.order().n(), below.order().n(), 1e-4 * above.order().n());
        assertEquals(above.freeEnergy(), below.freeEnergy(), edge * edge / 4 + 1e-6);
    }

    /**
     * Low load: no glassy noise, so 1RSB cannot break RS (the replicon is 1); the learning threshold at alpha = 0
     * is the RS one, in line with "replica-symmetry breaking does not alter the threshold for learning"
     * (Albanese, Alessandrelli, Annibale, Barra, arXiv 2312.09638, abstract).
     */
    @Test
    void noBreakingAtLowLoad() {
        var s = ONE_STEP.solve(DATA, 0.0, 0.03);
        assertTrue(s.converged(), s.message());
        assertFalse(s.differsFromRS(), s.message());
    }

    /**
     * T = 0 1RSB: on the RS manifold (q0 = 1, sd1 = 0) the map and the energy are the RS T = 0 ones (derived);
     * the 1RSB energy is stationary in (n, q0) at the fixed point (derived free energy and equations agree);
     * with mu optimized the 1RSB energy is at least the RS one (maximization), and alpha_c increases under 1RSB
     * (Albanese, Alessandrelli, Annibale, Barra, arXiv 2312.09638, abstract: RSB "slightly increases the maximal
     * storage capacity"). OPEN DISCREPANCY: our derived model gives +38% at P = 4, rho = 0.1 (0.03003 vs 0.02176),
     * not "slightly"; the value is kept in results/reference/learning.csv as a derived regression number and the
     * discrepancy is reported, not tuned away. Independent support for it: the RS learning region is reentrant above
     * the RS alpha_c and closes at alpha = 0.0306 (T_M found up to there), just above our 1RSB value, as the AGS RS
     * region closes just above the published Hopfield 1RSB alpha_c (see DenseSolverTest).
     */
    @Test
    void zeroTemperatureOneStep() {
        double load = 0.015;
        var rs = RS.retrieval(DATA, load, 0.0);
        var eq = ONE_STEP.zeroTemperatureEquations(DATA, load, 20.0);
        double[] next = new double[2];
        eq.update(new double[] {rs.n(), 1.0}, next);
        assertEquals(rs.n(), next[0], 1e-10);
        assertEquals(1.0, next[1], 0.0);
        assertEquals(rs.freeEnergy(), eq.energy(rs.n(), 1.0), 1e-12);
        var one = ONE_STEP.solveZeroTemperature(DATA, load, null);
        assertTrue(one.converged() && one.differsFromRS(), one.message());
        assertTrue(one.energy() >= rs.freeEnergy() - 1e-12);
        var atMu = ONE_STEP.zeroTemperatureEquations(DATA, load, one.mu());
        double h = 1e-5;
        assertEquals(0.0, (atMu.energy(one.n() + h, one.q0()) - atMu.energy(one.n() - h, one.q0())) / (2 * h), 1e-8);
        assertEquals(0.0, (atMu.energy(one.n(), one.q0() + h) - atMu.energy(one.n(), one.q0() - h)) / (2 * h), 1e-8);
        var c = ONE_STEP.criticalLoadZeroTemperature(DATA);
        assertEquals(org.saddle.solver.SolveStatus.CONVERGED, c.status(), c.message());
        assertTrue(c.load() > c.replicaSymmetricLoad(), c.load() + " vs RS " + c.replicaSymmetricLoad());
        // results/reference/learning.csv: alpha_c_1rsb_T0_P4_rho0.1_supervised (derived). The tolerance guards the
        // method's determinism only: the march's end depends on the mu scan at the ~3% level (a denser scan gave
        // 0.0309), because the optimum in mu and the existence of the branch are located separately (see report).
        assertEquals(0.0300330087, c.load(), 1e-6);
    }

    /** The finite-T 1RSB free energy is stationary in (n, q0, q1) at the fixed point (derived equations and f agree). */
    @Test
    void oneStepFreeEnergyIsStationary() {
        double t = 0.01;
        var rs = RS.retrieval(DATA, LOAD, t);
        var r = ONE_STEP.solveAt(DATA, LOAD, t, 0.4, new double[] {rs.n(), rs.q() - 0.05, rs.q() + 0.02});
        assertTrue(r.converged());
        var eq = ONE_STEP.equations(DATA, LOAD, t, 0.4);
        double[] v = r.solution();
        for (int k = 0; k < 3; k++) {
            double h = 1e-5;
            double[] p = v.clone();
            double[] m = v.clone();
            p[k] += h;
            m[k] -= h;
            assertEquals(0.0, (eq.freeEnergy(p[0], p[1], p[2]) - eq.freeEnergy(m[0], m[1], m[2])) / (2 * h), 1e-8, "component " + k);
        }
        assertTrue(v[2] - v[1] > 1e-3, "a broken solution");
    }
}
