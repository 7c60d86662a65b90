package org.saddle.solver.potts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddle.solver.BracketingRootFinder.Root;
import org.saddle.theory.potts.PottsFreeEnergy;
import org.saddle.theory.potts.TeacherStudentSaddlePoints;
import org.saddle.theory.potts.TeacherStudentSaddlePoints.Phase;
import org.saddle.theory.potts.TeacherStudentSaddlePoints.Prototype;

/** The phase boundaries are roots of the derived conditions and separate the phases of {@link TeacherStudentSaddlePoints}. */
class TeacherStudentPhaseBoundaryTest {

    @Test
    void detectabilityLineSolvesItsEquationAndSeparatesNoiseFromFeatures() {
        for (double m : new double[] {30, 300, 3000}) {
            Root root = TeacherStudentPhaseBoundary.detectabilityLine(m, 3, 100);
            assertTrue(root.found(), root.message());
            double b = root.value();
            // closed-form check: beta_T m(beta_T) = P_T / sqrt(N M)
            assertEquals(3 / Math.sqrt(100 * m), b * PottsFreeEnergy.overlap(b), 1e-10);
            assertTrue(TeacherStudentSaddlePoints.prototype(1.01 * b, 3, m, 100).signalDetectable());
            assertTrue(!TeacherStudentSaddlePoints.prototype(0.99 * b, 3, m, 100).signalDetectable());
        }
    }

    @Test
    void splitLineSeparatesThePrototypeFromTheSplitPhases() {
        for (double m : new double[] {30, 300}) {
            Root root = TeacherStudentPhaseBoundary.splitLine(m, 3, 100, Double.NaN);
            assertTrue(root.found(), root.message());
            double b = root.value();
            Prototype at = TeacherStudentSaddlePoints.prototype(b, 3, m, 100);
            assertEquals(at.splitInverseTemperature(), b, 1e-9 * b);
            assertEquals(Phase.PROTOTYPE, TeacherStudentSaddlePoints.phase(0.98 * b, 0.98 * b, 3, m, 100));
            assertTrue(TeacherStudentSaddlePoints.phase(1.02 * b, 1.02 * b, 3, m, 100) != Phase.PROTOTYPE);
        }
        // a fixed student beta far below every split inverse temperature on [1e-4, 10]: no crossing, reported as such
        assertTrue(!TeacherStudentPhaseBoundary.splitLine(300, 3, 100, 1e-9).found());
    }
}
