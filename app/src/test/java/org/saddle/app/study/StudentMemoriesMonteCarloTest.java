package org.saddle.app.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddle.theory.potts.TeacherStudentSaddlePoints;
import org.saddle.theory.potts.TeacherStudentSaddlePoints.StudentCount;

/**
 * Students with P != P_T memories against {@link TeacherStudentSaddlePoints#studentCount} (derivation in its class
 * comment): a P_T = 3 teacher at beta_T = 1, N = 100, M = 300 (deep in the features phase), students started next to the
 * prototype of the data and solved by EM ({@link PottsTeacherStudentStudyType#oneSample}).
 */
class StudentMemoriesMonteCarloTest {
    private static final int SAMPLES = 4;

    /**
     * P = 2: the only partition of three clusters into two groups is {1, 2}: exactly one teacher memory recovered in every
     * sample, mean best overlap R (1 + 2 / sqrt 2) / 3 = 0.785. Tolerance 0.04: the merged memory's overlap with each of
     * its two teacher memories is sqrt((1 + c) / 2) R with c ~ N(0, 1/N) the overlap of two random teacher memories, so the
     * per-sample mean carries a spread of about (2/3) (0.1 / (2 sqrt 2)) = 0.024; 3 standard errors of the mean of 4
     * samples is 0.036.
     */
    @Test
    void twoMemoriesRecoverOneOfThreeTeacherMemories() {
        StudentCount theory = TeacherStudentSaddlePoints.studentCount(1.0, 1.0, 3, 2, 300, 100);
        double r = TeacherStudentSaddlePoints.separatedOverlap(1.0, 3, 300);
        double threshold = PottsTeacherStudentStudyType.recoveryThreshold(r, 100);
        double best = 0;
        for (int s = 0; s < SAMPLES; s++) {
            double[] result = PottsTeacherStudentStudyType.oneSample(100, 3, 2, 1.0, 1.0, 300, 500 + s, threshold, true);
            assertEquals(theory.recovered(), result[2], 1e-12, "sample " + s);
            best += result[1] / SAMPLES;
        }
        assertEquals(theory.meanBestOverlap(), best, 0.04);
    }

    /**
     * P = 4: every teacher memory recovered; the extra memory duplicates a recovered one. Student beta = 0.1, below
     * beta_split(k = 1) = 1 / (4 R) = 0.256 (and above the prototype's split, 0.026): the duplicates stay together
     * (closest pair overlap above 0.99) and the best overlap is R = 0.976 within 0.02 (as in PottsTeacherStudentStudyTypeTest:
     * O(1/N) corrections and the cluster-size spread). Student beta = 1 &gt; beta_split(k = 1): the singleton prototype is a
     * saddle and the duplicates split along noise (closest pair overlap below 0.99); the split pair's overlaps are not
     * predicted, so only the split is asserted.
     */
    @Test
    void fourMemoriesDuplicateARecoveredMemoryAndSplitAboveTheSingletonSplit() {
        double r = TeacherStudentSaddlePoints.separatedOverlap(1.0, 3, 300);
        double threshold = PottsTeacherStudentStudyType.recoveryThreshold(r, 100);
        StudentCount cold = TeacherStudentSaddlePoints.studentCount(0.1, 1.0, 3, 4, 300, 100);
        assertEquals(1, cold.recovered());
        double best = 0;
        for (int s = 0; s < SAMPLES; s++) {
            double[] result = PottsTeacherStudentStudyType.oneSample(100, 3, 4, 1.0, 0.1, 300, 600 + s, threshold, true);
            assertEquals(1, result[2], 1e-12, "hot student, sample " + s);
            assertTrue(result[3] > 0.99, "duplicates stay together below beta_split(1): closest pair " + result[3]);
            best += result[1] / SAMPLES;
        }
        assertEquals(cold.meanBestOverlap(), best, 0.02);
        assertTrue(Double.isNaN(TeacherStudentSaddlePoints.studentCount(1.0, 1.0, 3, 4, 300, 100).recovered()));
        for (int s = 0; s < SAMPLES; s++) {
            double[] result = PottsTeacherStudentStudyType.oneSample(100, 3, 4, 1.0, 1.0, 300, 700 + s, threshold, true);
            assertTrue(result[3] < 0.99, "duplicates split above beta_split(1): closest pair " + result[3]);
        }
    }

    /**
     * P = 4 with soft posteriors: a hot student (beta = 0.03, beta_T = 1, M = 300) separates with soft posteriors (own
     * posterior 0.64) and its duplicates stay together (beta &lt; beta_split(k = 1)). Copies that share a memory's class weight
     * leave the likelihood unchanged, so the prediction is the soft separated state of P_T = 3 memories (the same numbers
     * as for P = 3). Expected: its R = 0.924 (SoftSeparatedEquations) for the mean best overlap, tolerance as in
     * SoftSeparatedMonteCarloTest: 3 standard errors of the mean of 10 samples plus 2/N for the O(1/N) corrections and 1e-3
     * for the quadrature. The hard-posterior R(beta_T, M / P_T) = 0.992 lies outside it.
     */
    @Test
    void duplicatesTogetherWithSoftPosteriorsFollowTheSoftSeparatedState() {
        double r = TeacherStudentSaddlePoints.separatedOverlap(1.0, 3, 300);
        double threshold = PottsTeacherStudentStudyType.recoveryThreshold(r, 100);
        PottsTeacherStudentStudyType.Prediction four = PottsTeacherStudentStudyType.predict(0.03, 1.0, 3, 4, 300, 100, threshold);
        PottsTeacherStudentStudyType.Prediction three = PottsTeacherStudentStudyType.predict(0.03, 1.0, 3, 3, 300, 100, threshold);
        assertTrue(four.softStatus().contains("duplicates together"), four.softStatus());
        assertEquals(three.softOverlap(), four.softOverlap(), 0.0);
        assertEquals(four.softOverlap(), four.overlap(), 0.0);
        int samples = 10;
        double sum = 0;
        double square = 0;
        for (int s = 0; s < samples; s++) {
            double[] result = PottsTeacherStudentStudyType.oneSample(100, 3, 4, 1.0, 0.03, 300, 900 + s, threshold, true);
            assertTrue(result[3] > 0.99, "duplicates stay together: closest pair " + result[3]);
            sum += result[1];
            square += result[1] * result[1];
        }
        double mean = sum / samples;
        double standardError = Math.sqrt(Math.max(square / samples - mean * mean, 0) / (samples - 1));
        double tolerance = 3 * standardError + 2.0 / 100 + 1e-3;
        assertEquals(four.softOverlap(), mean, tolerance);
        assertTrue(Math.abs(r - mean) > tolerance, "the hard R " + r + " should be excluded, Monte Carlo " + mean);
    }

    /**
     * The soft separated state is solved for P_T &lt;= 4 only ((P_T - 1)-dimensional averages); above, the study keeps the
     * hard-posterior prediction and says so in theory_soft_status instead of failing.
     */
    @Test
    void manyTeacherMemoriesFallBackToTheHardStateAndSaySo() {
        PottsTeacherStudentStudyType.Prediction p = PottsTeacherStudentStudyType.predict(1.0, 1.0, 5, 5, 500, 100, 0.5);
        assertEquals("features", p.phase());
        assertEquals(1, p.recovered());
        assertEquals(TeacherStudentSaddlePoints.separatedOverlap(1.0, 5, 500), p.overlap(), 1e-15);
        assertTrue(p.softStatus().contains("not solved"), p.softStatus());
        PottsTeacherStudentStudyType.Prediction soft = PottsTeacherStudentStudyType.predict(1.0, 1.0, 3, 3, 300, 100, 0.5);
        assertTrue(soft.softStatus().startsWith("converged"), soft.softStatus());
    }
}
