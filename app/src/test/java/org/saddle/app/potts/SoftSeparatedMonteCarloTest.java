package org.saddle.app.potts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddle.simulation.potts.PottsDam;
import org.saddle.simulation.potts.PottsHessian;
import org.saddle.simulation.potts.PottsLoss;
import org.saddle.simulation.potts.SphereData;
import org.saddle.simulation.potts.StationaryPoint;
import org.saddle.simulation.potts.SymmetricEigen;
import org.saddle.simulation.potts.TeacherSampler;
import org.saddle.solver.potts.SoftSeparatedState;
import org.saddle.theory.potts.TeacherStudentSaddlePoints;

/**
 * Monte Carlo check of the soft-posterior separated state ({@link org.saddle.theory.potts.SoftSeparatedEquations},
 * derivation there; solved by {@link SoftSeparatedState}): a P_T = 2 teacher (random +-1 memories, uniform class weights)
 * generates M = 2N exact ancestral samples at beta_T, a 2-memory student at beta = beta_T is started on the teacher memories
 * (inside the separated basin) and solved to its stationary point by EM ({@link StationaryPoint}).
 */
class SoftSeparatedMonteCarloTest {
    private static final int N = 400;
    private static final int M = 800;
    private static final int SAMPLES = 6;

    /**
     * {R (own teacher memory, averaged over the two), mean posterior of an example on its own memory, converged 0/1, and
     * with {@code curvature}: the smallest tangent eigenvalue of the Riemannian Hessian of the loss in the memories (class
     * weights fixed; PottsHessian, LAPACK dsyev) relative to the largest, else NaN}.
     */
    static double[] separatedSample(double betaT, long seed, boolean curvature) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] w = new double[N * 2];
        for (int k = 0; k < w.length; k++) {
            w[k] = random.nextDouble() < 0.5 ? -1 : 1;
        }
        PottsDam teacher = new PottsDam(N, 2, 1, w, new double[2]);
        int[] hidden = new int[M];
        SphereData data = new TeacherSampler(teacher, betaT, random.nextLong()).ancestral(M, hidden);
        PottsLoss loss = new PottsLoss(data, betaT, 512);
        StationaryPoint student = StationaryPoint.solve(new PottsDam(N, 2, 1, w.clone(), new double[2]), loss, true, 1e-9, 5000);
        double[] ws = student.dam().memoryWeights();
        double own = 0;
        for (int mu = 0; mu < 2; mu++) {
            for (int i = 0; i < N; i++) {
                own += ws[mu * N + i] * w[mu * N + i] / N / 2;
            }
        }
        double posterior = 0;
        double[] s = new double[2];
        for (int a = 0; a < M; a++) {
            for (int mu = 0; mu < 2; mu++) {
                double f = 0;
                for (int i = 0; i < N; i++) {
                    f += ws[mu * N + i] * data.x()[a * N + i];
                }
                s[mu] = betaT * f + student.dam().logits()[mu];
            }
            double max = Math.max(s[0], s[1]);
            posterior += Math.exp(s[hidden[a]] - max) / (Math.exp(s[0] - max) + Math.exp(s[1] - max)) / M;
        }
        double softest = Double.NaN;
        if (curvature) {
            // the 2 radial directions are exact null vectors (eigenvalue 0 to round-off); the softest tangent mode is the
            // smallest of the others, negative if the state is a saddle
            double[] values = SymmetricEigen.of(PottsHessian.riemannian(student.dam(), loss), 2 * N).values();
            double largest = java.util.Arrays.stream(values).max().orElseThrow();
            assertEquals(2, java.util.Arrays.stream(values).filter(v -> Math.abs(v) < 1e-12 * largest).count(), "radial null modes");
            softest = java.util.Arrays.stream(values).filter(v -> Math.abs(v) >= 1e-12 * largest).min().orElseThrow() / largest;
        }
        return new double[] {own, posterior, student.converged() ? 1 : 0, softest};
    }

    /**
     * Two points of the soft regime, beta = beta_T = b / sqrt(N) with b = 1.7 and 2.12 (beta N m R ~ 2.3 and 3.9; the
     * detectability line is at b = 1.19). Expected: R and the own posterior of the soft state. Tolerance: 3 standard errors
     * of the mean over the 6 samples (measured) plus 2/N for the O(1/N) corrections to the means (the O(N^-1/2) overlap
     * of the two random teacher memories averages out over samples), and 1e-3 for the quadrature of the theory (its
     * step-halving change). The hard-posterior overlap R(beta_T, M / 2) (0.861 and 0.904) lies outside these bounds:
     * the test tells the soft state from the hard one.
     *
     * <p>Stability, measured (the theory checks it only inside the symmetric subspace): in the first sample at each point the
     * Riemannian Hessian of the loss at the state reached has no negative or null tangent direction, so the state that
     * matches the soft theory is a local minimum, stable also against perturbations that break the symmetry between the
     * two memories. Its softest tangent curvature is 0.07 (b = 1.7) and 0.17 (b = 2.12) of the largest (measured, seed
     * 1000) and falls towards 0 at the fold where the separated branch followed from the hard side ends (b = 1.298,
     * SoftSeparatedState#branchEnd: 0.004 at b = 1.3, measured once), not at the lower existence line b = 1.18; the bound
     * 1e-3 only asks that the mode be positive beyond round-off.
     */
    @Test
    void softSeparatedStateMatchesMonteCarlo() {
        for (double b : new double[] {1.7, 2.12}) {
            double betaT = b / Math.sqrt(N);
            SoftSeparatedState.State theory = SoftSeparatedState.solve(betaT, betaT, 2, M, N);
            assertTrue(theory.exists(), theory.toString());
            double[] sum = new double[2];
            double[] square = new double[2];
            for (int s = 0; s < SAMPLES; s++) {
                double[] r = separatedSample(betaT, 1000 + 17 * s, s == 0);
                assertEquals(1, r[2], "EM converged, sample " + s);
                if (s == 0) { // the state that matches the soft theory is a local minimum: no direction, symmetric or not, lowers the loss
                    assertTrue(r[3] > 1e-3, "softest tangent curvature / largest = " + r[3] + " at b = " + b);
                }
                for (int k = 0; k < 2; k++) {
                    sum[k] += r[k] / SAMPLES;
                    square[k] += r[k] * r[k] / SAMPLES;
                }
            }
            double[] tolerance = new double[2];
            for (int k = 0; k < 2; k++) {
                double standardError = Math.sqrt(Math.max(square[k] - sum[k] * sum[k], 0) * SAMPLES / (SAMPLES - 1) / SAMPLES);
                tolerance[k] = 3 * standardError + 2.0 / N + 1e-3;
            }
            assertEquals(theory.teacherOverlap(), sum[0], tolerance[0], "R at b = " + b);
            assertEquals(theory.ownPosterior(), sum[1], tolerance[1], "own posterior at b = " + b);
            double hard = TeacherStudentSaddlePoints.separatedOverlap(betaT, 2, M);
            assertTrue(Math.abs(hard - sum[0]) > tolerance[0], "the hard R " + hard + " should be excluded, Monte Carlo " + sum[0]);
        }
    }
}
