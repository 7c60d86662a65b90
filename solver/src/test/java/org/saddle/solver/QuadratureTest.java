package org.saddle.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuadratureTest {

    /** Order 40: exact for polynomials of degree <= 79; entire integrands converge super-exponentially. */
    private final GaussHermite gh = new GaussHermite(40);

    @Test
    void gaussianMomentsAreExact() {
        // Gaussian moments <z^(2k)> = (2k-1)!! (standard); the rule is exact up to degree 79
        assertEquals(1.0, gh.average(z -> 1.0), 1e-13);
        assertEquals(0.0, gh.average(z -> z), 1e-13);
        assertEquals(1.0, gh.average(z -> z * z), 1e-12);
        assertEquals(3.0, gh.average(z -> z * z * z * z), 1e-12);
        assertEquals(15.0, gh.average(z -> Math.pow(z, 6)), 1e-12 * 15);
    }

    @Test
    void characteristicAndMomentGeneratingFunctions() {
        // <cos(a z)> = exp(-a^2/2), <exp(b z)> = exp(b^2/2) (Gaussian characteristic / moment generating functions)
        for (double a : new double[] {0.5, 1.0, 2.0}) {
            assertEquals(Math.exp(-a * a / 2), gh.average(z -> Math.cos(a * z)), 1e-12, "a=" + a);
        }
        for (double b : new double[] {0.25, 0.5, 1.0}) {
            assertEquals(Math.exp(b * b / 2), gh.average(z -> Math.exp(b * z)), 1e-12, "b=" + b);
        }
    }

    @Test
    void legendreIntegratesSmoothFunctions() {
        GaussLegendre gl = new GaussLegendre(16, 8);
        // exact integrals: int_0^pi sin = 2; int_0^20 e^{-2u} du = (1 - e^{-40})/2
        assertEquals(2.0, gl.integrate(Math::sin, 0.0, Math.PI), 1e-14);
        assertEquals((1 - Math.exp(-40)) / 2, gl.integrate(u -> Math.exp(-2 * u), 0.0, 20.0), 1e-14);
    }
}
