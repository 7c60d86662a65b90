package org.saddle.app.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddle.theory.potts.OneMemoryTeacherStudent;

/** The P_T > 1 teacher-student probe of {@link PottsTeacherStudentStudyType}. */
class PottsTeacherStudentStudyTypeTest {

    /**
     * Strong signal: beta_T = 1 (m = 0.618) and 100 examples per teacher memory at N = 100, with nearly orthogonal
     * memories. Every recovered memory should sit at the one-memory saddle point R(1, 100) = 0.976 (the clusters
     * barely overlap). A student memory started on an example of a teacher memory stays with it, so at least one
     * is recovered; all three only when the three starting examples come from different teacher memories (two
     * student memories sharing one teacher memory are a stationary point: the saddle of the hierarchy).
     */
    @Test
    void recoversWellSeparatedTeacherMemories() {
        double r = OneMemoryTeacherStudent.studentOverlap(1.0, 100);
        for (long stream = 1; stream <= 3; stream++) {
            double[] result = PottsTeacherStudentStudyType.oneSample(100, 3, 3, 1.0, 1.0, 300, stream, 0.9 * r, false);
            assertTrue(result[2] >= 1.0 / 3 - 1e-12, "stream " + stream + ": recovered " + result[2]);
            if (result[2] == 1.0) {
                // O(1/N) = 0.01 corrections at N = 100 and the spread of the cluster sizes around 100
                assertEquals(r, result[1], 0.02, "stream " + stream);
            }
        }
    }
}
