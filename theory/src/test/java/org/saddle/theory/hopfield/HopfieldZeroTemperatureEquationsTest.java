package org.saddle.theory.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HopfieldZeroTemperatureEquationsTest {

    @Test
    void closedFormSpinGlassIsAFixedPoint() {
        // derived in HopfieldZeroTemperatureEquations.spinGlass: s = sqrt(alpha) + sqrt(2/pi)
        for (double alpha : new double[] {0.01, 0.05, 0.138, 1.0}) {
            var eq = new HopfieldZeroTemperatureEquations(alpha);
            HopfieldZeroTemperature sg = HopfieldZeroTemperatureEquations.spinGlass(alpha);
            double[] x = {sg.m(), sg.susceptibility(), sg.r()};
            double[] fx = new double[3];
            eq.update(x, fx);
            for (int i = 0; i < 3; i++) {
                assertEquals(x[i], fx[i], 1e-13 * Math.max(1, Math.abs(x[i])), "alpha=" + alpha + " i=" + i);
            }
        }
    }

    @Test
    void spinGlassGroundStateEnergyClosedForm() {
        // derived: at the saddle e = -m^2/2 - alpha(r-1)/2; with m = 0 and r = (1 + sqrt(2/(pi alpha)))^2,
        // e_SG = -sqrt(2 alpha/pi) - 1/pi. The general energy functional must give the same number.
        for (double alpha : new double[] {0.01, 0.05, 0.138}) {
            var eq = new HopfieldZeroTemperatureEquations(alpha);
            double e = eq.energy(HopfieldZeroTemperatureEquations.spinGlass(alpha));
            assertEquals(-Math.sqrt(2 * alpha / Math.PI) - 1 / Math.PI, e, 1e-14, "alpha=" + alpha);
        }
    }

    @Test
    void criticalLoadConditionIsTheStationarityOfAlphaOfY() {
        // derived: criticalLoadCondition(y) = 0 iff d alpha/dy = 0; sign of the condition = sign of
        // -d alpha/dy (alpha(y) = g^2/(2y^2), d alpha/dy = (g/y^3)(y g' - g), g > 0). Check by central differences.
        for (double y : new double[] {0.8, 1.2, 1.9, 2.5}) {
            double h = 1e-5;
            double slope = (HopfieldZeroTemperatureEquations.loadAtY(y + h)
                    - HopfieldZeroTemperatureEquations.loadAtY(y - h)) / (2 * h);
            double cond = HopfieldZeroTemperatureEquations.criticalLoadCondition(y);
            assertTrue(Math.signum(slope) == -Math.signum(cond), "y=" + y);
        }
    }
}
