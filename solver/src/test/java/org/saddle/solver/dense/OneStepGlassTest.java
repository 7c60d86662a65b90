package org.saddle.solver.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saddle.solver.Boundary;

/** The 1RSB glass of the dense network (m = 0), which is the Ising P-spin glass at J^2 = 2 alpha / P!. */
class OneStepGlassTest {

    private static double factorial(int p) {
        double f = 1.0;
        for (int k = 2; k <= p; k++) {
            f *= k;
        }
        return f;
    }

    /**
     * Ising 3-spin glass, 1RSB: dynamical T_d = 0.682 J, static T_s = 0.651 J and the Gardner temperature (1RSB
     * replicon = 0) T_G = 0.24 J (Montanari and Ricci-Tersenghi, Eur. Phys. J. B 33, 339 (2003), quoted to 3 and 2
     * digits: tolerances 1e-3 and 1e-2, the rounding of the published figures; T_G first by Gardner, Nucl. Phys. B
     * 257, 747 (1985)).
     */
    @Test
    void threeSpinGlassTransitionsArePublishedOnes() {
        OneStepGlass glass = OneStepGlass.of(3);
        assertNull(glass.failure());
        assertEquals(0.682, glass.dynamicalTemperature(), 1e-3);
        assertEquals(0.651, glass.staticTemperature(), 1e-3);
        assertEquals(0.24, glass.gardnerTemperature(), 1e-2);
        assertNull(glass.gardnerFailure());
    }

    /**
     * Derived checks that need no paper: T_0 &lt; T_s &lt; T_d (the 1RSB glass takes over before the paramagnet's entropy
     * crisis); T_G &lt; T_s falls with P; T_s decreases toward the random-energy-model value T_0 = 1/(2 sqrt(ln 2)) as P grows (Gross and Mezard
     * 1984: the P-spin glass tends to the REM); the T = 0 energy tends to the REM's -sqrt(ln 2) from above.
     */
    @Test
    void staticTemperatureTendsToTheRandomEnergyModel() {
        double t0 = OneStepGlass.entropyCrisis();
        double previous = Double.POSITIVE_INFINITY;
        double previousEnergy = Double.POSITIVE_INFINITY;
        double previousGardner = Double.POSITIVE_INFINITY;
        for (int p = 3; p <= 8; p++) {
            OneStepGlass glass = OneStepGlass.of(p);
            assertNull(glass.failure(), "P = " + p);
            double ts = glass.staticTemperature();
            assertTrue(t0 < ts && ts < glass.dynamicalTemperature(), "P = " + p + ": T_s = " + ts);
            assertTrue(ts < previous, "P = " + p);
            // the Gardner temperature falls toward 0 with P (the REM, where 1RSB is exact, has no Gardner transition)
            double tg = glass.gardnerTemperature();
            assertTrue(tg > 0.0 && tg < ts && tg < previousGardner, "P = " + p + ": T_G = " + tg);
            previousGardner = tg;
            double e0 = glass.groundStateEnergy();
            assertTrue(e0 > -Math.sqrt(Math.log(2.0)) && e0 < previousEnergy, "P = " + p + ": e0 = " + e0);
            previous = ts;
            previousEnergy = e0;
        }
        // the excess T_s - T_0 roughly halves with each P (0.0012 J at P = 7): at P = 8 it is below 0.2% of T_0
        assertEquals(t0, OneStepGlass.of(8).staticTemperature(), 2e-3 * t0);
    }

    /**
     * The finite-T glass, tabulated on (0, T_s) and interpolated to T = 0, meets the separate T = 0 equations (mu = beta
     * x), which share no quadrature with it: the T = 0 limit of the finite-T 1RSB equations. Tolerance 1e-9 (solve
     * tolerances 1e-13, Brent in x 1e-13, Chebyshev interpolation of an analytic function with 40 nodes).
     */
    @Test
    void zeroTemperatureLimitMatchesTheZeroTemperatureEquations() {
        for (int p : new int[] {3, 5}) {
            OneStepGlass glass = OneStepGlass.of(p);
            assertTrue(glass.tableError() < 1e-9, "P = " + p + ": " + glass.tableError());
        }
    }

    /**
     * Below T_s the 1RSB glass lies above the RS paramagnet -T ln 2 - J^2/(4T) (the replica free energy is maximal in
     * the breaking for n -&gt; 0), joins it at T_s, and scales as f(T; alpha) = J f(T/J; P!/2).
     */
    @Test
    void glassLiesAboveTheParamagnetAndScalesWithTheCoupling() {
        OneStepGlass glass = OneStepGlass.of(3);
        double load = 0.2;
        double j = Math.sqrt(2.0 * load / factorial(3));
        assertEquals(j, glass.couplingScale(load), 1e-15);
        double ts = glass.staticTemperature() * j;
        for (double t : new double[] {0.2 * ts, 0.6 * ts, 0.99 * ts}) {
            double para = -t * Math.log(2.0) - j * j / (4.0 * t);
            OneStepGlass.Glass g = glass.at(load, t);
            assertTrue(g.converged(), g.message());
            assertTrue(g.freeEnergy() > para, "T = " + t);
            assertTrue(g.parisiParameter() > 0.0 && g.parisiParameter() < 1.0);
            assertEquals(j * glass.at(factorial(3) / 2.0, t / j).freeEnergy(), g.freeEnergy(), 1e-14);
        }
        double below = glass.at(load, ts * (1.0 - 1e-6)).freeEnergy();
        double above = glass.at(load, ts * (1.0 + 1e-6)).freeEnergy();
        assertEquals(above, below, 1e-6 * j); // continuous at T_s (a static transition with no latent heat)
    }

    /** The dense solver reports the lines at every load: T proportional to sqrt(alpha). */
    @Test
    void denseSolverReportsTheGlassLines() {
        DenseSolver solver = new DenseSolver(3);
        List<Boundary> lines = solver.glassLines(0.12);
        double j = Math.sqrt(2.0 * 0.12 / 6.0);
        assertEquals("T_d", lines.get(0).line());
        assertEquals(OneStepGlass.of(3).dynamicalTemperature() * j, lines.get(0).temperature(), 1e-14);
        assertEquals(OneStepGlass.of(3).staticTemperature() * j, lines.get(1).temperature(), 1e-14);
        assertTrue(!solver.glassLines(0.0).get(0).exists());
    }
}
