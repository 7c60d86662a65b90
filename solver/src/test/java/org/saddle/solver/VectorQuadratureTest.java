package org.saddle.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.saddle.theory.LineQuadrature;

class VectorQuadratureTest {

    @Test
    void vectorIntegrationEqualsTheDefaultPerComponentOne() {
        // the override must give the same sums as the interface default (one pass per component); exact integrals
        // (derived): int_0^2 x^3 = 4, int_0^2 cos x = sin 2
        GaussLegendre gl = new GaussLegendre(16, 4);
        LineQuadrature scalarOnly = gl::integrate;
        LineQuadrature.VectorIntegrand f = (u, out) -> {
            out[0] = u * u * u;
            out[1] = Math.cos(u);
        };
        double[] fast = new double[2];
        double[] slow = new double[2];
        gl.integrate(f, 0.0, 2.0, fast);
        scalarOnly.integrate(f, 0.0, 2.0, slow);
        assertEquals(4.0, fast[0], 1e-13);
        assertEquals(Math.sin(2.0), fast[1], 1e-14);
        assertEquals(slow[0], fast[0], 1e-14);
        assertEquals(slow[1], fast[1], 1e-14);
    }
}
