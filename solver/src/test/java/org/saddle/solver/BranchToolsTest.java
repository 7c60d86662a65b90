package org.saddle.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.saddle.theory.SaddlePointEquations;

/**
 * Continuation, fold location and root bracketing on x = x^2 + p, whose stable branch
 * x(p) = (1 - sqrt(1 - 4p))/2 ends in a saddle-node at p = 1/4, x = 1/2 (derived: discriminant 0).
 */
class BranchToolsTest {

    private static final DoubleFunction<SaddlePointEquations> FAMILY = p -> new SaddlePointEquations() {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public List<String> componentNames() {
            return List.of("x");
        }

        @Override
        public void update(double[] c, double[] n) {
            n[0] = c[0] * c[0] + p;
        }
    };

    @Test
    void continuationReportsWhereTheBranchIsLost() {
        Continuation.Branch b = new Continuation(new FixedPointSolver(), 1e-4, 0.5)
                .follow(FAMILY, new double[] {0.0}, 0.0, 0.5, 0.05);
        assertFalse(b.complete());
        // lost within one minimal step below the fold at p = 1/4
        assertTrue(b.lastParameter() <= 0.25 && b.lastParameter() > 0.25 - 2e-4, "last " + b.lastParameter());
        assertTrue(b.failedParameter() > 0.25);
        for (Continuation.BranchPoint pt : b.points()) {
            double exact = (1 - Math.sqrt(1 - 4 * pt.parameter())) / 2;
            // G(x) = x^2 - x + p = (x - x1)(x - x2) with |x - x2| >= |x - x1| near the stable root, so
            // |x - x1| <= sqrt(|G|) (the bound that matters at the fold, where the roots merge);
            // 1e-15 allows for rounding in the evaluation of G (terms of size ~0.25)
            double bound = Math.sqrt(pt.result().residual() + 1e-15);
            assertEquals(exact, pt.result().component(0), bound, "p=" + pt.parameter());
        }
    }

    @Test
    void completeBranch() {
        Continuation.Branch b = new Continuation(new FixedPointSolver(), 1e-4, 0.5)
                .follow(FAMILY, new double[] {0.0}, 0.0, 0.2, 0.05);
        assertTrue(b.complete());
        assertEquals(0.2, b.lastParameter());
    }

    @Test
    void foldIsLocatedToSolveTolerance() {
        double p0 = 0.24;
        double[] x0 = {(1 - Math.sqrt(1 - 4 * p0)) / 2};
        FoldLocator.Fold f = new FoldLocator(1e-13, 200, 1e-7).locate(FAMILY, x0, p0, 0, 0.01, true);
        assertEquals(SolveStatus.CONVERGED, f.status());
        // p(x) = x - x^2 has curvature 2: an x bracket of 1e-7 gives p to ~1e-14; allow 1e-11
        assertEquals(0.25, f.parameter(), 1e-11);
        assertEquals(0.5, f.state()[0], 1e-6);
        assertTrue(f.error() < 1e-11);
    }

    @Test
    void bracketingRootFinder() {
        BracketingRootFinder rf = new BracketingRootFinder(1e-13, 100);
        BracketingRootFinder.Root r = rf.find(Math::cos, 0.0, 3.0, 10, false);
        assertTrue(r.found());
        assertEquals(Math.PI / 2, r.value(), 1e-12);
        assertFalse(rf.find(x -> 1 + x * x, -1, 1, 10, true).found());
    }
}
