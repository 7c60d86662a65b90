package org.saddle.theory.potts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddle.theory.potts.TeacherStudentSaddlePoints.Phase;
import org.saddle.theory.potts.TeacherStudentSaddlePoints.Prototype;

/** Consistency of the derived teacher-student saddle points (derivation in {@link TeacherStudentSaddlePoints}). */
class TeacherStudentSaddlePointsTest {

    @Test
    void oneTeacherMemoryReducesToTheOneMemorySaddlePoint() {
        for (double beta : new double[] {0.1, 0.5, 2}) {
            for (long m : new long[] {1, 10, 1000}) {
                Prototype p = TeacherStudentSaddlePoints.prototype(beta, 1, m, 100);
                double r = OneMemoryTeacherStudent.studentOverlap(beta, m);
                assertEquals(r, p.teacherOverlap(), 1e-14);
                assertEquals(r, TeacherStudentSaddlePoints.separatedOverlap(beta, 1, m), 1e-14);
                // mbar R = m: the mean overlap with the examples times the teacher overlap is the sample overlap
                assertEquals(OneMemoryTeacherStudent.sampleOverlap(beta), p.meanOverlap() * p.teacherOverlap(), 1e-14);
                // no signal direction: the Marchenko-Pastur edge sigma^2 (1 + sqrt(N/M))^2
                double sigma2 = 1 - Math.pow(OneMemoryTeacherStudent.sampleOverlap(beta), 2);
                assertEquals(sigma2 * Math.pow(1 + Math.sqrt(100.0 / m), 2), p.largestEigenvalue(), 1e-12);
                assertFalse(p.signalDetectable());
                assertEquals(1.0, TeacherStudentSaddlePoints.recoveredFraction(beta, beta, 1, m, 100));
            }
        }
    }

    /** Hand evaluation at beta_T = 1 (m = (sqrt 5 - 1)/2, sigma^2 = m), k = 3, M = 300, N = 100. */
    @Test
    void prototypeAtAHandComputedPoint() {
        double m = (Math.sqrt(5) - 1) / 2;
        Prototype p = TeacherStudentSaddlePoints.prototype(1.0, 3, 300, 100);
        double r = m / Math.sqrt(m * m + m / 100); // R(1, 100), sigma^2 = 1 - m^2 = m at beta_T = 1
        assertEquals(r / Math.sqrt(3), p.teacherOverlap(), 1e-14);
        assertEquals(Math.sqrt(m * m / 3 + m / 300), p.meanOverlap(), 1e-14);
        double s = m * 100 / 3; // beta_T m N / k = 20.6
        assertEquals(s, p.spike(), 1e-12);
        assertEquals(m * (1 + s) * (1 + (1.0 / 3) / s), p.largestEigenvalue(), 1e-12);
        assertEquals(p.meanOverlap() / p.largestEigenvalue(), p.splitInverseTemperature(), 1e-15);
    }

    /** At s = sqrt(gamma) the spike eigenvalue meets the edge and the eigenvector decouples (continuity of the BBP transition). */
    @Test
    void transitionIsContinuous() {
        // s = beta_T m N / 2 with N = 200, M = 400 (gamma = 1/2): find beta_T with s = sqrt(1/2) by bisection
        double lo = 1e-3;
        double hi = 1;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (TeacherStudentSaddlePoints.prototype(mid, 2, 400, 200).spike() > Math.sqrt(0.5)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Prototype below = TeacherStudentSaddlePoints.prototype(lo, 2, 400, 200);
        Prototype above = TeacherStudentSaddlePoints.prototype(hi, 2, 400, 200);
        assertFalse(below.signalDetectable());
        assertTrue(above.signalDetectable());
        assertEquals(below.largestEigenvalue(), above.largestEigenvalue(), 1e-9);
        assertEquals(0, above.signalAlignment(), 1e-6);
    }

    @Test
    void phasesOrderWithTheStudentInverseTemperatureAndTheDataSetSize() {
        Prototype p = TeacherStudentSaddlePoints.prototype(0.3, 3, 300, 100);
        assertEquals(Phase.PROTOTYPE, TeacherStudentSaddlePoints.phase(0.9 * p.splitInverseTemperature(), 0.3, 3, 300, 100));
        assertEquals(Phase.FEATURES, TeacherStudentSaddlePoints.phase(0.3, 0.3, 3, 300, 100));
        // beta_T = 0.1 at N = 100: s = 0.33 < sqrt(N/M) for every M below P_T^2 / (beta_T^2 m^2 N) ~ 9000
        assertEquals(Phase.NOISE, TeacherStudentSaddlePoints.phase(0.1, 0.1, 3, 300, 100));
        assertEquals(1.0, TeacherStudentSaddlePoints.recoveredFraction(0.3, 0.3, 3, 300, 100));
        assertEquals(0.0, TeacherStudentSaddlePoints.recoveredFraction(0.1, 0.1, 3, 300, 100));
    }

    /**
     * Students with P != P_T memories (class comment of TeacherStudentSaddlePoints): singleton bounds
     * max(0, 2P - P_T) &lt;= s &lt;= P - 1 (hand-counted: P_T = 3, P = 2: s = 1; P_T = 4, P = 2: {2,2} or {1,3}, s = 0 or 1;
     * P_T = 5, P = 3: {1,2,2} or {1,1,3}, s = 1 or 2), the forced partition's overlap R (1 + 2 / sqrt 2) / 3 for P_T = 3,
     * P = 2, and the duplicates of P &gt; P_T that stay below beta_split(k = 1) and split above it.
     */
    @Test
    void studentsWithMoreOrFewerMemories() {
        double r = TeacherStudentSaddlePoints.separatedOverlap(1.0, 3, 300);
        TeacherStudentSaddlePoints.StudentCount two = TeacherStudentSaddlePoints.studentCount(1.0, 1.0, 3, 2, 300, 100);
        assertEquals(Phase.FEATURES, two.phase());
        assertEquals(1.0 / 3, two.recovered(), 1e-15);
        assertEquals(r * (1 + 2 / Math.sqrt(2)) / 3, two.meanBestOverlap(), 1e-14);
        TeacherStudentSaddlePoints.StudentCount four = TeacherStudentSaddlePoints.studentCount(1.0, 1.0, 4, 2, 400, 100);
        assertEquals(0, four.recoveredMin(), 1e-15);
        assertEquals(0.25, four.recoveredMax(), 1e-15);
        assertTrue(Double.isNaN(four.recovered()) && Double.isNaN(four.meanBestOverlap()));
        TeacherStudentSaddlePoints.StudentCount five = TeacherStudentSaddlePoints.studentCount(1.0, 1.0, 5, 3, 500, 100);
        assertEquals(0.2, five.recoveredMin(), 1e-15);
        assertEquals(0.4, five.recoveredMax(), 1e-15);
        assertEquals(0, TeacherStudentSaddlePoints.studentCount(1.0, 1.0, 3, 1, 300, 100).recovered());
        // P = 4 > P_T = 3 at M = 300, N = 100, beta_T = 1: beta_split(1) = mbar_1 / (sigma^2 (1 + sqrt(N / n))^2) with
        // mbar_1 = m / R(1, 100), sigma^2 = m (beta_T = 1), n = 100: (m / R) / (4 m) = 1 / (4 R)
        TeacherStudentSaddlePoints.StudentCount more = TeacherStudentSaddlePoints.studentCount(0.1, 1.0, 3, 4, 300, 100);
        assertEquals(1 / (4 * r), more.singletonSplitInverseTemperature(), 1e-12);
        assertEquals(1, more.recovered());
        assertEquals(r, more.meanBestOverlap(), 1e-15);
        TeacherStudentSaddlePoints.StudentCount split = TeacherStudentSaddlePoints.studentCount(1.0, 1.0, 3, 4, 300, 100);
        assertTrue(Double.isNaN(split.recovered()), "duplicates split along noise: not determined");
    }
}
