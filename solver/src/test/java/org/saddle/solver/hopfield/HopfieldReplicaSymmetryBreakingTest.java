package org.saddle.solver.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddle.solver.SolveStatus;
import org.saddle.theory.hopfield.HopfieldOneStepRSBEquations;
import org.saddle.theory.hopfield.HopfieldOneStepZeroTemperatureEquations;
import org.saddle.theory.hopfield.HopfieldRSEquations;
import org.saddle.theory.hopfield.HopfieldZeroTemperatureEquations;

class HopfieldReplicaSymmetryBreakingTest {

    private static final HopfieldSolver RS = new HopfieldSolver();
    private static final HopfieldReplicaSymmetryBreaking RSB = new HopfieldReplicaSymmetryBreaking(RS, 40, 8);

    // ------------------------------------------------------------------ published value

    /**
     * Across ParisiOptimizer.LOWEST_RESOLVED_TEMPERATURE (alpha = 0.13): the finite-T solves at 2e-4 and 1.01e-4 and the
     * T = 0 state read at 0.99e-4 (x = mu T, q1 = 1 - C T) are one branch. beta x = 97.97 and 98.94 extrapolate linearly
     * to 99.92 at T = 0 against mu = 99.93 (the T^2 term: 0.013); bound 1e-3 relative. m and f move by O(T) and O(T^2)
     * (7e-8 and 2e-9 here): bounds 1e-6 and T^2/4 + 1e-6, as in the dense solver's test.
     */
    @Test
    void belowTheLowestResolvedTemperatureTheStateIsTheZeroTemperatureOneReadAtT() {
        double edge = org.saddle.solver.ParisiOptimizer.LOWEST_RESOLVED_TEMPERATURE;
        OneStepSolution higher = RSB.solve(0.13, 2.0 * edge);
        OneStepSolution above = RSB.solve(0.13, 1.01 * edge);
        OneStepSolution below = RSB.solve(0.13, 0.99 * edge);
        assertTrue(higher.converged() && higher.differsFromRS() && higher.message().isEmpty(), higher.toString());
        assertTrue(above.converged() && above.differsFromRS() && above.message().isEmpty(), above.toString());
        assertTrue(below.converged() && below.differsFromRS() && below.message().contains("T = 0 1RSB state"), below.toString());
        double slope = (higher.scaledParisiParameter() - above.scaledParisiParameter()) / (higher.temperature() - above.temperature());
        double mu = below.scaledParisiParameter();
        assertEquals(mu, above.scaledParisiParameter() - slope * above.temperature(), 1e-3 * mu);
        assertEquals(above.m(), below.m(), 1e-6);
        assertEquals(above.freeEnergy(), below.freeEnergy(), edge * edge / 4 + 1e-6);
        assertEquals(1.0 - below.susceptibility() * below.temperature(), below.q1(), 1e-15);
    }

    @Test
    void criticalLoadOneStepMatchesSteffanKuehn() {
        OneStepCriticalLoad c = RSB.criticalLoadZeroTemperature1RSB();
        assertEquals(SolveStatus.CONVERGED, c.status(), c.message());
        // Steffan and Kuehn, Z. Phys. B 95, 249 (1994), abstract: alpha_c(1RSB) = 0.138186 (published to 6 digits;
        // tolerance 1e-6 as the last published digit)
        assertEquals(0.138186, c.load(), 1e-6);
        // same abstract: alpha_c(RS) = 0.137905 < alpha_c(1RSB); the RS facade gives 0.1379056 (truncated there)
        assertEquals(0.137905, c.replicaSymmetricLoad(), 1e-6);
        assertTrue(c.load() > c.replicaSymmetricLoad());
        assertTrue(c.differsFromRS(), "1 - q0 = " + (1 - c.q0()));
        assertTrue(c.error() < 1e-8, "error " + c.error());
        // the fold state must satisfy all six equations, Parisi stationarity included
        double[] s = {c.m(), c.q0(), c.susceptibility(), c.r0(), c.r1(), c.scaledParisiParameter()};
        HopfieldOneStepZeroTemperatureEquations eq = RSB.zeroTemperatureEquations(c.load());
        double[] f = new double[6];
        eq.update(s, f);
        for (int i = 0; i < 6; i++) {
            assertEquals(s[i], f[i], 1e-9 * Math.max(1.0, Math.abs(s[i])), "component " + i);
        }
    }

    // ------------------------------------------------------------------ reductions to RS (derived, no paper)

    @Test
    void zeroTemperatureOnRsManifoldIsTheRsTheory() {
        // derived: at q0 = 1, r0 = r1 = r the T = 0 1RSB map and energy are the RS ones for (m, C, r), for any mu;
        // tested at a point that is not a saddle point, so the functions themselves are compared
        double alpha = 0.1;
        double m = 0.8;
        double c = 0.2;
        double r = 1.5;
        HopfieldZeroTemperatureEquations rs = new HopfieldZeroTemperatureEquations(alpha);
        double[] rsNext = new double[3];
        rs.update(new double[] {m, c, r}, rsNext);
        for (double mu : new double[] {0.5, 7.0}) {
            HopfieldOneStepZeroTemperatureEquations eq = RSB.zeroTemperatureEquations(alpha);
            double[] x = HopfieldOneStepZeroTemperatureEquations.replicaSymmetric(m, c, r, mu);
            double[] next = new double[6];
            eq.update(x, next);
            assertEquals(rsNext[0], next[0], 1e-13);
            assertEquals(1.0, next[1], 0.0);
            assertEquals(rsNext[1], next[2], 1e-13);
            assertEquals(rsNext[2], next[3], 1e-13);
            assertEquals(rsNext[2], next[4], 1e-13);
            assertEquals(mu, next[5], 0.0);
            assertEquals(rs.energy(m, c, r), eq.energy(x), 1e-13);
        }
    }

    @Test
    void zeroTemperatureEnergyTendsToRsAsMuVanishes() {
        // derived (class comment of HopfieldOneStepZeroTemperatureEquations): as mu -> 0 at fixed q0 < 1 the energy
        // tends to the RS energy e_RS(m, C, r1), with a correction O(mu); at mu = 1e-7 that is far below 1e-9
        double alpha = 0.12;
        double[] x = {0.95, 0.99, 0.1, 1.2, 1.25, 1e-7};
        double rsEnergy = new HopfieldZeroTemperatureEquations(alpha).energy(0.95, 0.1, 1.25);
        assertEquals(rsEnergy, RSB.zeroTemperatureEquations(alpha).energy(x), 1e-9);
        // and the correction is really there at finite mu (the test could fail)
        x[5] = 5.0;
        assertTrue(Math.abs(RSB.zeroTemperatureEquations(alpha).energy(x) - rsEnergy) > 1e-6);
    }

    @Test
    void finiteTemperatureOnRsManifoldIsTheRsTheory() {
        // derived: at q0 = q1 = q, r0 = r1 = r the 1RSB free energy and map are the RS ones, for any x.
        // Two different quadratures (RS: LocalFieldAverages, 1RSB: windowed Gauss-Legendre): agreement to 1e-11
        double alpha = 0.1;
        double t = 0.5;
        double m = 0.7;
        double q = 0.6;
        double r = 0.9;
        HopfieldRSEquations rs = new HopfieldRSEquations(alpha, t, RS.averages());
        double[] rsNext = new double[3];
        rs.update(rs.state(new org.saddle.theory.hopfield.HopfieldRS(m, q, r)), rsNext);
        HopfieldOneStepRSBEquations eq = RSB.equations(alpha, t);
        for (double x : new double[] {0.3, 0.8}) {
            double[] s = {m, q, q, r, r, x};
            double[] next = new double[6];
            eq.update(s, next);
            assertEquals(rsNext[0], next[0], 1e-11);
            assertEquals(1.0 - rsNext[1] * t, next[2], 1e-11);
            assertEquals(next[2], next[1], 1e-11);
            assertEquals(rsNext[2], next[3], 1e-11);
            assertEquals(rsNext[2], next[4], 1e-11);
            assertEquals(rs.freeEnergy(m, q, r), eq.freeEnergy(s), 1e-11);
        }
    }

    @Test
    void finiteTemperatureAtParisiParameterOneIsRsOfTheOuterOverlap() {
        // derived: at x = 1, lambda2 = 1 - beta(1 - q0) and <ln<2cosh beta h>_{z1}> = <ln 2cosh beta a> + beta^2 alpha
        // (r1-r0)/2, so f_1RSB(m, q0, q1, r0, r1, 1) = f_RS(m, q0, r0) for any q1, r1
        double alpha = 0.1;
        double t = 0.5;
        HopfieldRSEquations rs = new HopfieldRSEquations(alpha, t, RS.averages());
        double[] s = {0.7, 0.55, 0.65, 0.9, 1.1, 1.0};
        assertEquals(rs.freeEnergy(0.7, 0.55, 0.9), RSB.equations(alpha, t).freeEnergy(s), 1e-11);
    }

    @Test
    void parisiStationarityIsTheDerivativeOfTheFreeEnergy() {
        // central differences, truncation error O(h^2): relative tolerance 1e-5
        double alpha = 0.13;
        HopfieldOneStepZeroTemperatureEquations zero = RSB.zeroTemperatureEquations(alpha);
        double[] x = {0.9872512, 0.99884938, 0.05599907, 1.20756727, 1.20890745, 30.0};
        double h = 0.01;
        double[] up = x.clone();
        double[] dn = x.clone();
        up[5] += h;
        dn[5] -= h;
        double fd = (zero.energy(up) - zero.energy(dn)) / (2 * h);
        assertEquals(fd, zero.parisiStationarity(x), 1e-5 * Math.abs(fd));
        HopfieldOneStepRSBEquations finite = RSB.equations(0.1, 0.5);
        double[] s = {0.7, 0.55, 0.65, 0.9, 1.1, 0.4};
        double hx = 1e-4;
        double[] su = s.clone();
        double[] sd = s.clone();
        su[5] += hx;
        sd[5] -= hx;
        double fdx = (finite.freeEnergy(su) - finite.freeEnergy(sd)) / (2 * hx);
        assertEquals(fdx, finite.parisiStationarity(s), 1e-5 * Math.abs(fdx));
    }

    // ------------------------------------------------------------------ solutions

    @Test
    void zeroTemperatureSolutionBreaksReplicaSymmetryAndRaisesTheEnergy() {
        // derived: e(mu) -> e_RS as mu -> 0 and the Parisi parameter maximizes e, so e_1RSB >= e_RS
        OneStepSolution s = RSB.solve(0.13, 0.0);
        assertTrue(s.converged(), s.report().toString());
        assertTrue(s.differsFromRS());
        assertTrue(s.freeEnergy() > s.replicaSymmetricFreeEnergy(),
                s.freeEnergy() + " vs RS " + s.replicaSymmetricFreeEnergy());
        // the RSB correction is small (Steffan and Kuehn 1994: alpha_c moves by 3e-4 only)
        assertEquals(s.replicaSymmetricFreeEnergy(), s.freeEnergy(), 1e-5);
    }

    @Test
    void belowTheAtLineAtFiniteTemperatureTheParisiParameterIsOptimizedAndRsIsBroken() {
        // AGS 1987 / de Almeida-Thouless: below T_AT the RS retrieval state is unstable, so a 1RSB solution with
        // q1 > q0 and 0 < x < 1 exists; the replica free energy is maximized over the breaking (1RSB above RS)
        double alpha = 0.13;
        double tAt = RS.atTemperature(alpha).temperature();
        OneStepSolution s = RSB.solve(alpha, 0.5 * tAt);
        assertTrue(s.converged() && s.differsFromRS(), s.toString());
        assertTrue(s.parisiParameter() > 0 && s.parisiParameter() < 1, s.toString());
        assertTrue(s.freeEnergy() > s.replicaSymmetricFreeEnergy(), s.toString());
        // the solution satisfies the six equations, Parisi stationarity included
        double[] x = {s.m(), s.q0(), s.q1(), s.r0(), s.r1(), s.parisiParameter()};
        HopfieldOneStepRSBEquations eq = RSB.equations(alpha, 0.5 * tAt);
        double[] f = new double[6];
        eq.update(x, f);
        for (int i = 0; i < 5; i++) {
            assertEquals(x[i], f[i], 1e-9, "component " + i);
        }
        assertEquals(0.0, eq.parisiStationarity(x), 1e-9);
    }

    @Test
    void aboveTheAtLineTheOneStepSolutionIsReplicaSymmetric() {
        // derived: above T_AT (RS replicon > 0; T_AT(0.13) ~ 0.0095 from HopfieldSolver) the solve started off the
        // RS manifold returns to it, with the RS free energy
        double alpha = 0.13;
        double t = 0.02;
        assertTrue(RS.atTemperature(alpha).temperature() < t);
        OneStepSolution s = RSB.solve(alpha, t);
        assertTrue(s.converged(), s.report().toString());
        assertFalse(s.differsFromRS());
        assertEquals(s.replicaSymmetricFreeEnergy(), s.freeEnergy(), 1e-11);
    }

    @Test
    void noSolutionAboveTheCriticalLoadIsReportedWithAStatus() {
        OneStepSolution s = RSB.solve(0.2, 0.0);
        assertFalse(s.converged());
        assertTrue(Double.isNaN(s.m()));
    }
}
