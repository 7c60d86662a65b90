package org.saddle.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.saddle.theory.LocalFieldAverages;
import org.saddle.theory.SaddlePointEquations;
import org.saddle.theory.hopfield.HopfieldRSEquations;

class FixedPointSolverTest {

    /** One-dimensional map x -> g(x). */
    static SaddlePointEquations scalar(DoubleUnaryOperator g) {
        return new SaddlePointEquations() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public List<String> componentNames() {
                return List.of("x");
            }

            @Override
            public void update(double[] current, double[] next) {
                next[0] = g.applyAsDouble(current[0]);
            }
        };
    }

    @Test
    void solvesCosineFixedPoint() {
        // x = cos x: the Dottie number 0.7390851332151607 (known constant)
        SolveResult r = new FixedPointSolver().solve(scalar(Math::cos), new double[] {0.0});
        assertEquals(SolveStatus.CONVERGED, r.status());
        assertEquals(0.7390851332151607, r.component(0), 1e-13);
        assertTrue(r.residual() <= 1e-12);
    }

    @Test
    void tooFewIterationsIsNotConverged() {
        // Hopfield RS at alpha = 0.05, T = 0.5 from (1, 0, 1): two damped steps and no Newton cannot converge
        var eq = new HopfieldRSEquations(0.05, 0.5,
                new LocalFieldAverages(new GaussHermite(80), new GaussLegendre(16, 8)));
        SolveResult r = new FixedPointSolver(0.5, 2, 1e-4, 1e-12, 0).solve(eq, new double[] {1.0, 0.0, 1.0});
        assertEquals(SolveStatus.NOT_CONVERGED, r.status());
        assertTrue(r.residual() > 1e-6, "residual is reported: " + r.residual());
        assertEquals(2, r.iterations());
    }

    @Test
    void mapWithoutFixedPointIsNotConverged() {
        // x -> x + 1 has no fixed point; Newton's Jacobian of G = F - x is singular
        SolveResult r = new FixedPointSolver().solve(scalar(x -> x + 1.0), new double[] {0.0});
        assertEquals(SolveStatus.NOT_CONVERGED, r.status());
        assertEquals(1.0, r.residual(), 1e-12);
    }

    @Test
    void blowUpIsDiverged() {
        // x -> x^2 + 1 from x = 2 with undamped iteration overflows to infinity
        SolveResult r = new FixedPointSolver(1.0, 100, 1e-4, 1e-12, 20).solve(scalar(x -> x * x + 1.0),
                new double[] {2.0});
        assertEquals(SolveStatus.DIVERGED, r.status());
    }

    @Test
    void unphysicalStartIsDiverged() {
        // C = beta(1-q) > beta means q < 0: outside the domain of the RS equations
        var eq = new HopfieldRSEquations(0.05, 0.5,
                new LocalFieldAverages(new GaussHermite(80), new GaussLegendre(16, 8)));
        SolveResult r = new FixedPointSolver().solve(eq, new double[] {0.5, 3.0, 1.0});
        assertEquals(SolveStatus.DIVERGED, r.status());
    }

    @Test
    void resultIsDefensivelyCopied() {
        double[] x = {1.0};
        SolveResult r = new SolveResult(x, 0.0, 0, SolveStatus.CONVERGED);
        x[0] = 2.0;
        r.solution()[0] = 3.0;
        assertEquals(1.0, r.component(0));
    }
}
