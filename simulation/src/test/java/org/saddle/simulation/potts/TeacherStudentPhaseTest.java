package org.saddle.simulation.potts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddle.theory.potts.TeacherStudentSaddlePoints;
import org.saddle.theory.potts.TeacherStudentSaddlePoints.Phase;
import org.saddle.theory.potts.TeacherStudentSaddlePoints.Prototype;

/**
 * Monte Carlo checks of the teacher-student saddle points and phases of {@link TeacherStudentSaddlePoints}
 * (derived in its Javadoc): the prototype's overlaps and the largest eigenvalue of its tangent covariance on
 * both sides of the detectability threshold, and where a student started on the prototype ends.
 */
class TeacherStudentPhaseTest {
    private static final int N = 200;
    private static final int M = 400;
    private static final int SAMPLES = 4;

    /** Teacher data (random Gaussian memories, uniform weights, exact ancestral samples); returns the data, teacher in {@code teacher[0]}. */
    private static SphereData teacherData(double betaT, int teacherMemories, int examples, long seed, PottsDam[] teacher) {
        teacher[0] = SmallData.randomDam(N, teacherMemories, 1, seed);
        java.util.Arrays.fill(teacher[0].logits(), 0); // uniform class weights, as in the theory
        return new TeacherSampler(teacher[0], betaT, seed + 1000).ancestral(examples, new int[examples]);
    }

    /** {teacher overlap averaged over teacher memories, mean overlap mbar, lambda_max(C)} of the data's prototype. */
    private static double[] prototypeMeasurements(SphereData data, PottsDam teacher) {
        PottsDam proto = PottsDam.onPrototype(data, 1, 0, 1);
        double[] w = proto.memoryWeights();
        int m = data.count();
        double[] c = new double[N * N];
        double[] perp = new double[N];
        double mbar = 0;
        for (int a = 0; a < m; a++) {
            double overlap = 0;
            for (int i = 0; i < N; i++) {
                overlap += w[i] * data.x()[a * N + i];
            }
            overlap /= N;
            mbar += overlap / m;
            for (int i = 0; i < N; i++) {
                perp[i] = data.x()[a * N + i] - overlap * w[i];
            }
            for (int j = 0; j < N; j++) {
                for (int i = 0; i < N; i++) {
                    c[j * N + i] += perp[i] * perp[j] / m;
                }
            }
        }
        double r = 0;
        int pt = teacher.memories();
        for (int nu = 0; nu < pt; nu++) {
            for (int i = 0; i < N; i++) {
                r += w[i] * teacher.memoryWeights()[nu * N + i] / N / pt;
            }
        }
        double[] values = SymmetricEigen.of(c, N).values();
        double top = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            top = Math.max(top, v);
        }
        return new double[] {r, mbar, top};
    }

    /**
     * Above (beta_T = 0.15: s = 2.20 > sqrt(gamma) = 0.71) and below (beta_T = 0.05: s = 0.25) the BBP threshold of
     * the P_T = 2 prototype at N = 200, M = 400. Tolerances: lambda_max above the threshold fluctuates with relative
     * standard deviation sqrt(2 (1 - gamma/s^2) / M) ~ 0.067 per sample (Paul 2007), 0.034 for the mean of 4 samples,
     * so 3 standard errors = 0.10 relative; the population value sigma^2 (1 + s) (no BBP shift) is 0.81 of the
     * prediction and would fail. Below the threshold (the Marchenko-Pastur edge) fluctuations are O(N^-2/3) and the
     * finite-N bias a few percent: 0.05 relative. Overlaps: O(N^-1/2) noise of the overlaps averaged over samples, 0.02.
     */
    @Test
    void prototypeOverlapsAndTopEigenvalueFollowTheSpikedCovarianceTheory() {
        for (double betaT : new double[] {0.15, 0.05}) {
            Prototype theory = TeacherStudentSaddlePoints.prototype(betaT, 2, M, N);
            double r = 0;
            double mbar = 0;
            double lambda = 0;
            for (int s = 0; s < SAMPLES; s++) {
                PottsDam[] teacher = new PottsDam[1];
                SphereData data = teacherData(betaT, 2, M, 100 + s, teacher);
                double[] measured = prototypeMeasurements(data, teacher[0]);
                r += measured[0] / SAMPLES;
                mbar += measured[1] / SAMPLES;
                lambda += measured[2] / SAMPLES;
            }
            assertEquals(theory.teacherOverlap(), r, 0.02, "R_2 at beta_T = " + betaT);
            assertEquals(theory.meanOverlap(), mbar, 0.02 * theory.meanOverlap() + 0.002, "mbar at beta_T = " + betaT);
            double tolerance = theory.signalDetectable() ? 0.10 : 0.05;
            assertEquals(theory.largestEigenvalue(), lambda, tolerance * theory.largestEigenvalue(), "lambda_max at beta_T = " + betaT);
        }
        assertTrue(TeacherStudentSaddlePoints.prototype(0.15, 2, M, N).signalDetectable());
        assertTrue(!TeacherStudentSaddlePoints.prototype(0.05, 2, M, N).signalDetectable());
    }

    /** Best overlap of each teacher memory with the student's memories, and the student memories' mutual overlap. */
    private static double[] trainFromPrototype(double studentBeta, double betaT, long seed) {
        PottsDam[] teacher = new PottsDam[1];
        SphereData data = teacherData(betaT, 2, M, seed, teacher);
        PottsDam start = PottsDam.onPrototype(data, 2, 0.05, seed + 7);
        StationaryPoint student = StationaryPoint.solve(start, new PottsLoss(data, studentBeta, M), true, 1e-9, 3000);
        double[] w = student.dam().memoryWeights();
        double[] t = teacher[0].memoryWeights();
        double[] best = new double[3];
        for (int nu = 0; nu < 2; nu++) {
            best[nu] = -1;
            for (int mu = 0; mu < 2; mu++) {
                double r = 0;
                for (int i = 0; i < N; i++) {
                    r += w[mu * N + i] * t[nu * N + i] / N;
                }
                best[nu] = Math.max(best[nu], r);
            }
        }
        for (int i = 0; i < N; i++) {
            best[2] += w[i] * w[N + i] / N;
        }
        assertTrue(student.converged(), "EM did not converge: residual " + student.gradientNorm());
        return best;
    }

    /**
     * P = 2 students started next to the P_T = 2 prototype (memories moved by 0.05 sqrt(N) apart), solved to a
     * stationary point by EM at N = 200, M = 400, in each predicted phase. FEATURES (beta = beta_T = 0.3, s = 8.3):
     * each teacher memory is recovered with the separated-state overlap R(beta_T, M/2) = 0.971, tolerance 0.02
     * (O(1/N) corrections to m, cluster sizes 200 +- 10). PROTOTYPE (beta = beta_split / 2): the memories merge
     * again (mutual overlap > 0.999) with teacher overlaps R_2 = R/sqrt 2, tolerance 0.1 for the mean of the two
     * (each carries the O(N^-1/2) = 0.07 noise of the teacher memories' overlaps). NOISE (beta_T = 0.05, s = 0.25 <
     * sqrt(gamma) = 0.71, beta = 3 beta_split): the memories do split (mutual overlap below 0.9) but recover no teacher
     * memory (best overlap below 0.9 R(beta_T, M/2) = 0.52; the prototype itself has R_2 = 0.41).
     */
    @Test
    void studentStartedOnThePrototypeEndsInThePredictedPhase() {
        assertEquals(Phase.FEATURES, TeacherStudentSaddlePoints.phase(0.3, 0.3, 2, M, N));
        double separated = TeacherStudentSaddlePoints.separatedOverlap(0.3, 2, M);
        for (long seed = 1; seed <= 2; seed++) {
            double[] f = trainFromPrototype(0.3, 0.3, 10 * seed);
            assertEquals(separated, f[0], 0.02, "FEATURES, teacher memory 1, seed " + seed);
            assertEquals(separated, f[1], 0.02, "FEATURES, teacher memory 2, seed " + seed);
        }
        Prototype weak = TeacherStudentSaddlePoints.prototype(0.15, 2, M, N);
        double below = 0.5 * weak.splitInverseTemperature();
        assertEquals(Phase.PROTOTYPE, TeacherStudentSaddlePoints.phase(below, 0.15, 2, M, N));
        double[] p = trainFromPrototype(below, 0.15, 30);
        assertTrue(p[2] > 0.999, "PROTOTYPE: memories merge again, mutual overlap " + p[2]);
        assertEquals(weak.teacherOverlap(), (p[0] + p[1]) / 2, 0.1, "PROTOTYPE: teacher overlap R_2");
        Prototype noise = TeacherStudentSaddlePoints.prototype(0.05, 2, M, N);
        double above = 3 * noise.splitInverseTemperature();
        assertEquals(Phase.NOISE, TeacherStudentSaddlePoints.phase(above, 0.05, 2, M, N));
        double threshold = 0.9 * TeacherStudentSaddlePoints.separatedOverlap(0.05, 2, M);
        for (long seed = 4; seed <= 5; seed++) {
            double[] q = trainFromPrototype(above, 0.05, 10 * seed);
            assertTrue(q[2] < 0.9, "NOISE: the prototype splits, mutual overlap " + q[2]);
            assertTrue(q[0] < threshold && q[1] < threshold, "NOISE: no teacher memory recovered: " + q[0] + ", " + q[1]);
        }
    }
}
