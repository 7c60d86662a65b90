package org.saddle.solver.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;
import org.saddle.solver.Boundary;
import org.saddle.solver.Continuation;
import org.saddle.solver.FixedPointSolver;
import org.saddle.solver.ParisiOptimizer;
import org.saddle.solver.SolveStatus;
import org.saddle.theory.SaddlePointEquations;
import org.saddle.theory.dense.DenseHebbianModel;
import org.saddle.theory.dense.DenseZeroTemperatureEquations;
import org.saddle.theory.learning.LearningDataset;
import org.saddle.theory.learning.LearningMode;
import org.saddle.solver.learning.LearningSolver;

class DenseSolverTest {

    private static final DenseSolver P3 = new DenseSolver(3);

    @Test
    void criticalLoadRsClosedFormAndContinuationAgree() {
        // alpha_c(RS) = max_y erf(y)^(2P-2) / (2 (P-1)! y^2) (DenseZeroTemperatureEquations, derived); the maximum
        // evaluated independently (scipy bounded minimization, xatol 1e-12) is 0.1260952153853357 for P = 3 and
        // 0.032976686532563575 for P = 4, with m = erf(y*) = 0.83848228 and 0.91792194. The pseudo-arclength fold of the
        // T = 0 branch in the load is a second, independent route.
        DenseCriticalLoad c3 = P3.criticalLoadZeroTemperature();
        assertEquals(SolveStatus.CONVERGED, c3.status());
        assertEquals(0.1260952153853357, c3.load(), 1e-12);
        assertEquals(0.83848228, c3.m(), 1e-7);
        DenseCriticalLoad fold = P3.criticalLoadByContinuation();
        assertEquals(SolveStatus.CONVERGED, fold.status(), fold.message());
        assertEquals(c3.load(), fold.load(), 1e-10);
        assertTrue(fold.error() < 1e-9);
        assertEquals(c3.m(), fold.m(), 1e-6); // m moves like sqrt(alpha_c - alpha) near the fold
        DenseCriticalLoad c4 = new DenseSolver(4).criticalLoadZeroTemperature();
        assertEquals(0.032976686532563575, c4.load(), 1e-13);
        assertEquals(0.91792194, c4.m(), 1e-7);
    }

    @Test
    void largeOrderAsymptotics() {
        // DenseZeroTemperatureEquations: alpha_c ~ 1/(2 (P-1)! ln P) (leading; Gardner 1987's large-P law in our load),
        // approached from below with corrections O(ln ln P / ln P); the next-order law e^{-1/y0^2}/(2(P-1)! y0^2) has a
        // relative error that falls monotonically with P (12.7% at P = 4, 5.0% at P = 8, 1.9% at P = 40, independently
        // evaluated with scipy)
        double previousRatio = 0.0;
        double previousError = Double.POSITIVE_INFINITY;
        for (int p = 4; p <= 40; p++) {
            DenseHebbianModel model = new DenseHebbianModel(p);
            double ac = new DenseSolver(p, 8).criticalLoadZeroTemperature().load();
            double ratio = ac / DenseZeroTemperatureEquations.largeOrderCriticalLoad(model);
            double err = Math.abs(ac / DenseZeroTemperatureEquations.asymptoticCriticalLoad(model) - 1.0);
            assertTrue(ratio > previousRatio && ratio < 1.0, "P = " + p + ": ratio " + ratio);
            assertTrue(err < previousError, "P = " + p + ": relative error " + err);
            previousRatio = ratio;
            previousError = err;
        }
        assertEquals(0.664028, previousRatio, 1e-5);
        assertEquals(0.018767, previousError, 1e-5);
    }

    @Test
    void zeroLoadLinesAreThoseOfThePSpinCurieWeissModel() {
        // derived: at alpha = 0, P = 3 the retrieval branch solves m = tanh(m^2/(2T)); it ends where T(m) = m^2/(2 atanh m)
        // is maximal, T_M = 0.2912914541825743 (m = 0.79639), and meets the paramagnet (f = -T ln 2) where
        // m^3/3 - T ln 2cosh(m^2/(2T)) = -T ln 2, T_c = 0.24798458487699396 (both scipy, tolerance 1e-13)
        List<Boundary> lines = P3.phaseLines(0.0);
        assertEquals(0.2912914541825743, lines.get(0).temperature(), 1e-9);
        assertTrue(lines.get(0).error() < 1e-9);
        assertEquals(0.24798458487699396, lines.get(1).temperature(), 1e-9);
        assertFalse(lines.get(2).exists());
    }

    @Test
    void almeidaThoulessLineSeparatesStableFromUnstableRetrieval() {
        double alpha = 0.1;
        Boundary at = P3.atTemperature(alpha);
        assertTrue(at.exists(), at.status());
        DenseSolution below = retrieval(alpha, 0.5 * at.temperature());
        DenseSolution above = retrieval(alpha, 2.0 * at.temperature());
        assertTrue(below.replicon() < 0 && above.replicon() > 0, below + " / " + above);
        assertEquals(Double.NEGATIVE_INFINITY, retrieval(alpha, 0.0).replicon()); // T = 0: -infinity for alpha > 0
        assertEquals(0.0, retrieval(alpha, at.temperature()).replicon(), 1e-6);
    }

    private static DenseSolution retrieval(double alpha, double t) {
        return P3.solve(alpha, t).stream().filter(s -> s.phase() == DensePhase.RETRIEVAL).findFirst().orElseThrow();
    }

    @Test
    void oneStepCriticalLoadIsAboveRsAndItsFoldIsConfirmedByNaturalContinuation() {
        DenseCriticalLoad c = P3.criticalLoadZeroTemperature1RSB();
        assertEquals(SolveStatus.CONVERGED, c.status(), c.message());
        assertTrue(c.differsFromRS() && c.load() > c.replicaSymmetricLoad(), c.toString());
        assertTrue(c.error() < 1e-9, "error " + c.error());
        // the fold state solves the augmented system (m, q0, mu): map, and Parisi stationarity
        DoubleFunction<SaddlePointEquations> family = a -> ParisiOptimizer.augmented(
                mu -> P3.oneStepZeroTemperatureEquations(a, mu), 2, List.of("m", "q0", "mu")); // unscaled mu
        double[] s = {c.m(), c.q0(), c.scaledParisiParameter()};
        double[] f = new double[3];
        family.apply(c.load()).update(s, f);
        for (int i = 0; i < 3; i++) {
            assertEquals(s[i], f[i], 1e-9 * Math.max(1.0, Math.abs(s[i])), "component " + i);
        }
        // independent check: natural-parameter continuation (no arclength) of the same branch is lost just at alpha_c
        DenseOneStepSolution start = P3.oneStep(0.9 * c.replicaSymmetricLoad(), 0.0);
        Continuation natural = new Continuation(new FixedPointSolver(), 1e-6, 0.5);
        Continuation.Branch br = natural.follow(family, new double[] {start.m(), start.q0(), start.scaledParisiParameter()},
                0.9 * c.replicaSymmetricLoad(), 1.2 * c.load(), 0.005);
        assertFalse(br.complete());
        assertTrue(br.lastParameter() <= c.load() + 1e-9 && br.failedParameter() > c.load(),
                br.lastParameter() + " .. " + br.failedParameter() + " vs " + c.load());
        assertTrue(c.load() - br.lastParameter() < 1e-4, br.message());
    }

    /**
     * Cross-check of the T = 0 1RSB capacity by an independent computation (the finite-T RS branch): the RS retrieval
     * region is reentrant above alpha_c(RS, T = 0) (a sign of the negative RS entropy that 1RSB repairs), and the 1RSB
     * T = 0 capacity sits just below the load where that region closes. For P = 2 this follows from published values:
     * the AGS RS retrieval state still exists at alpha = 0.1380 (T = 0.01-0.03) but not at 0.1382 (our RS solver), and
     * the 1RSB alpha_c is 0.138186 (Steffan and Kuehn 1994). For P = 3, 4 our values follow the same pattern: tips
     * 0.1549 and 0.03835 (bisection of T_M's existence), 1RSB alpha_c 0.15374 and 0.03820, i.e. 0.75% and 0.4% below.
     * Checked here: RS retrieval exists at 1.002 alpha_c(1RSB) and none at 1.02 alpha_c(1RSB) (a factor or sign
     * error in the P >= 3 terms of the 1RSB equations would move alpha_c(1RSB) far from the tip).
     */
    @Test
    void oneStepCapacityMeetsTheTipOfTheReentrantReplicaSymmetricRegion() {
        for (int p : new int[] {3, 4}) {
            DenseSolver solver = p == 3 ? P3 : new DenseSolver(4);
            DenseCriticalLoad c = solver.criticalLoadZeroTemperature1RSB();
            assertEquals(SolveStatus.CONVERGED, c.status(), c.message());
            Boundary inside = solver.retrievalSpinodal(1.002 * c.load());
            Boundary outside = solver.retrievalSpinodal(1.02 * c.load());
            assertTrue(inside.exists(), "P = " + p + ": no RS retrieval at 1.002 alpha_c(1RSB) = " + 1.002 * c.load() + ": " + inside);
            assertFalse(outside.exists(), "P = " + p + ": RS retrieval at 1.02 alpha_c(1RSB) = " + 1.02 * c.load() + ": " + outside);
        }
    }

    @Test
    void oneStepAtZeroTemperatureBreaksAndAboveTheAtLineReducesToRs() {
        double alpha = 0.1;
        DenseOneStepSolution zero = P3.oneStep(alpha, 0.0);
        assertTrue(zero.converged() && zero.differsFromRS(), zero.toString());
        // the replica free energy is maximized over the breaking: the 1RSB energy lies above the RS one
        assertTrue(zero.freeEnergy() > zero.replicaSymmetricFreeEnergy(), zero.toString());
        Boundary at = P3.atTemperature(alpha);
        DenseOneStepSolution warm = P3.oneStep(alpha, 3.0 * at.temperature());
        assertTrue(warm.converged() && !warm.differsFromRS(), warm.toString());
        assertEquals(warm.replicaSymmetricFreeEnergy(), warm.freeEnergy(), 1e-10);
    }

    @Test
    void finiteTemperatureOneStepBelowTheAtLineTendsToTheZeroTemperatureSolution() {
        // below T_AT the finite-T 1RSB solve (x optimized inside it) breaks the symmetry with 0 < x < 1, and as T -> 0
        // its order parameters approach those of the T = 0 equations (beta x -> mu, q0 -> q0(0), m -> m(0), f -> e),
        // monotonically (DenseOneStepZeroTemperatureEquations is the limit of DenseOneStepRSBEquations)
        double alpha = 0.1;
        DenseOneStepSolution zero = P3.oneStep(alpha, 0.0);
        assertTrue(zero.converged() && zero.differsFromRS(), zero.toString());
        double previousMu = Double.POSITIVE_INFINITY;
        double previousQ = Double.POSITIVE_INFINITY;
        for (double t : new double[] {0.02, 0.01, 0.005}) { // T_AT(alpha = 0.1) = 0.0267 (solve dense --boundaries)
            DenseOneStepSolution s = P3.oneStep(alpha, t);
            assertTrue(s.converged() && s.differsFromRS() && s.parisiParameter() > 0 && s.parisiParameter() < 1, s.toString());
            assertTrue(s.q1() > s.q0() && s.freeEnergy() > s.replicaSymmetricFreeEnergy(), s.toString());
            double dMu = Math.abs(s.scaledParisiParameter() - zero.scaledParisiParameter());
            double dQ = Math.abs(s.q0() - zero.q0());
            assertTrue(dMu < previousMu && dQ < previousQ, "T = " + t + ": |beta x - mu| " + dMu + ", |dq0| " + dQ);
            previousMu = dMu;
            previousQ = dQ;
            assertEquals(zero.m(), s.m(), 2 * t);
            assertEquals(zero.freeEnergy(), s.freeEnergy(), t * t / 4 + 1e-6);
        }
    }

    @Test
    void belowTheLowestResolvedTemperatureTheOneStepStateIsTheZeroTemperatureOneReadAtT() {
        // Just above ParisiOptimizer.LOWEST_RESOLVED_TEMPERATURE the finite-T solve runs (beta sd1 >> 1: the kink-split
        // inner average of OneStepAverages, x scanned down to mu T); just below, the T = 0 state is read at T (x = mu T,
        // q1 = 1 - C T). Same branch: beta x(T) is linear in T near 0 (slope ~ -1050 here: beta x = 35.02, 35.85, 35.95
        // at T = 1e-3, 2e-4, 1.01e-4, mu = 36.06), so its linear extrapolation from the two lowest finite-T solves meets
        // mu(T = 0) up to the T^2 term (slope change ~2e4 per unit T: ~2e-4 here; bound 1e-3). m and f move by
        // O(T) (6e-7) and O(T^2) (2e-9) between the two sides: bounds 1e-5 and T^2/4 + 1e-6 (the T -> 0 test above).
        double alpha = 0.1;
        double edge = ParisiOptimizer.LOWEST_RESOLVED_TEMPERATURE;
        DenseOneStepSolution above = P3.oneStep(alpha, 1.01 * edge);
        DenseOneStepSolution higher = P3.oneStep(alpha, 2.0 * edge);
        DenseOneStepSolution below = P3.oneStep(alpha, 0.99 * edge);
        assertTrue(above.converged() && above.differsFromRS(), above.toString());
        assertTrue(higher.converged() && higher.differsFromRS(), higher.toString());
        assertTrue(below.converged() && below.differsFromRS() && below.message().contains("T = 0 1RSB state"), below.toString());
        double slope = (higher.scaledParisiParameter() - above.scaledParisiParameter()) / (higher.temperature() - above.temperature());
        assertEquals(below.scaledParisiParameter(), above.scaledParisiParameter() - slope * above.temperature(), 1e-3);
        assertEquals(below.parisiParameter(), below.scaledParisiParameter() * below.temperature(), 1e-15);
        assertEquals(above.m(), below.m(), 1e-5);
        assertEquals(above.freeEnergy(), below.freeEnergy(), edge * edge / 4 + 1e-6);
        assertTrue(below.q1() < 1.0 && below.q1() > below.q0(), below.toString());
    }

    /**
     * Above alpha_c(RS, T = 0) = 0.1261 the P = 3 retrieval region is reentrant: the noise variance alpha P q^(P-1)/P!
     * falls with q, so retrieval exists on T_R < T < T_M (no T = 0 state). Checked against an independent
     * implementation of the same RS equations: the dense Hebbian learning solver at dataset entropy rho = 0, which is
     * storage of the archetypes themselves (LearningDataset Javadoc), with its own continuation and fold locator.
     * Both fold temperatures are located to ~1e-12; 1e-8 allows for the two quadratures and Newton tolerances.
     */
    @Test
    void reentrantRetrievalRegionAgreesWithTheLearningSolverAtZeroDatasetEntropy() {
        LearningSolver learning = new LearningSolver();
        LearningDataset storage = new LearningDataset(3, LearningMode.SUPERVISED, 0.0, Double.NaN);
        for (double alpha : new double[] {0.13, 0.15}) {
            List<Boundary> lines = P3.phaseLines(alpha);
            Boundary spinodal = lines.get(0);
            Boundary lower = lines.get(3);
            assertTrue(spinodal.exists() && lower.exists(), spinodal.status() + " / " + lower.status());
            assertTrue(lower.temperature() > 0.0 && lower.temperature() < spinodal.temperature());
            assertEquals(learning.retrievalSpinodal(storage, alpha).temperature(), spinodal.temperature(), 1e-8);
            assertEquals(learning.reentrantTemperature(storage, alpha).temperature(), lower.temperature(), 1e-8);
            double between = 0.5 * (lower.temperature() + spinodal.temperature());
            assertTrue(P3.solve(alpha, between).stream().anyMatch(x -> x.phase() == DensePhase.RETRIEVAL));
            assertFalse(P3.solve(alpha, 0.5 * lower.temperature()).stream().anyMatch(x -> x.phase() == DensePhase.RETRIEVAL));
        }
        // The reentrant retrieval state is metastable at alpha = 0.15: its free energy (-0.1819 at T = 0.12, -0.1837 at
        // 0.14) stays above the 1RSB glass's (J = sqrt(2 alpha/3!) = 0.2236: -0.1846 at T = 0.12, -0.1862 at 0.14, from
        // OneStepGlass, itself tested against the published 3-spin glass) and above the paramagnet above T_s = 0.1457
        // (-0.1862 vs -0.1890 at T = 0.16). So no T_c, in both solvers.
        assertFalse(P3.firstOrderTemperature(0.15).exists(), P3.firstOrderTemperature(0.15).status());
        assertFalse(learning.firstOrderTemperature(storage, 0.15).exists());
        // below alpha_c(T = 0) the branch reaches T = 0; far above the cusp (alpha ~ 0.155) there is none at all
        assertFalse(P3.phaseLines(0.1).get(3).exists());
        assertFalse(P3.phaseLines(0.2).get(0).exists());
    }

    /**
     * Where retrieval is the global minimum inside the reentrant region: at alpha = 0.1414 (above alpha_c(T = 0) =
     * 0.1261) the retrieval free energy crosses the 1RSB glass's twice, at T_c and at T_c_low &lt; T_c, with T_R &lt; T_c_low
     * (f_R - f_glass: +2e-5 at T_R = 0.058, -1e-5 at T = 0.135, 0 at T_c = 0.143); at alpha = 0.14 retrieval stays the
     * global minimum down to T_R (f_R - f_glass = -5e-4 there), so there is no T_c_low. The learning solver at rho = 0
     * (its own retrieval branch and continuation, the same crossing code) must agree: tolerance 1e-8 as above.
     */
    @Test
    void lowerFirstOrderLineClosesTheRetrievalWindow() {
        LearningSolver learning = new LearningSolver();
        LearningDataset storage = new LearningDataset(3, LearningMode.SUPERVISED, 0.0, Double.NaN);
        List<Boundary> lines = P3.phaseLines(0.1414);
        Boundary tc = lines.get(1);
        Boundary low = lines.get(4);
        Boundary tr = lines.get(3);
        assertTrue(tc.exists() && low.exists() && tr.exists(), tc.status() + " / " + low.status());
        assertEquals("T_c_low", low.line());
        assertTrue(tr.temperature() < low.temperature() && low.temperature() < tc.temperature());
        var ll = learning.phaseLines(storage, new double[] {0.1414});
        assertEquals(ll.firstOrder().get(0).temperature(), tc.temperature(), 1e-8);
        assertEquals(ll.lowerFirstOrder().get(0).temperature(), low.temperature(), 1e-8);
        assertEquals(ll.staticGlass().get(0).temperature(), lines.get(6).temperature(), 1e-15);
        List<Boundary> at014 = P3.phaseLines(0.14);
        assertTrue(at014.get(1).exists());
        assertFalse(at014.get(4).exists(), at014.get(4).status());
    }
}
