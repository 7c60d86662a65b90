package org.saddle.solver.potts;

import org.saddle.solver.BracketingRootFinder;
import org.saddle.solver.BracketingRootFinder.Root;
import org.saddle.theory.potts.PottsFreeEnergy;
import org.saddle.theory.potts.TeacherStudentSaddlePoints;
import org.saddle.theory.potts.TeacherStudentSaddlePoints.Prototype;

/**
 * The phase boundaries of the Potts DAM teacher-student problem in the plane (data set size M, teacher inverse
 * temperature beta_T) at fixed N and P_T, from the derived saddle points of {@link TeacherStudentSaddlePoints}:
 * <ul>
 *   <li>detectability (BBP) line: the full prototype's spike reaches the noise edge, s = sqrt(N/M), i.e.
 *       beta_T m(beta_T) = P_T / sqrt(N M); above it (larger beta_T) the prototype splits along teacher features;</li>
 *   <li>split line: the prototype turns into a saddle for the student, beta lambda_max(C) = mbar, with the student's
 *       beta either equal to beta_T (a student at the teacher's temperature) or fixed.</li>
 * </ul>
 * Both are roots in beta_T, found by a scan in ln beta_T on [1e-4, 10] and Brent's method
 * ({@link BracketingRootFinder}); a line that does not cross the interval is reported as not found, never guessed.
 */
public final class TeacherStudentPhaseBoundary {
    private static final double LOW = 1e-4;
    private static final double HIGH = 10;
    private static final BracketingRootFinder FINDER = new BracketingRootFinder(1e-13, 200);

    private TeacherStudentPhaseBoundary() {}

    /** beta_T on the detectability line at M examples: beta_T m(beta_T) = P_T / sqrt(N M) (root in ln beta_T). */
    public static Root detectabilityLine(double examples, int teacherMemories, int neurons) {
        if (teacherMemories < 2) {
            throw new IllegalArgumentException("a one-memory teacher has no signal direction to detect (P_T = 1)");
        }
        double target = teacherMemories / Math.sqrt((double) neurons * examples);
        return inLog(t -> {
            double b = Math.exp(t);
            return b * PottsFreeEnergy.overlap(b) - target;
        });
    }

    /**
     * beta_T on the split line at M examples: the student beta (NaN: equal to beta_T) times lambda_max(C) equals
     * mbar for the full prototype of the P_T clusters.
     */
    public static Root splitLine(double examples, int teacherMemories, int neurons, double studentInverseTemperature) {
        return inLog(t -> {
            double bt = Math.exp(t);
            double beta = Double.isNaN(studentInverseTemperature) ? bt : studentInverseTemperature;
            Prototype p = TeacherStudentSaddlePoints.prototype(bt, teacherMemories, examples, neurons);
            return beta * p.largestEigenvalue() - p.meanOverlap();
        });
    }

    private static Root inLog(java.util.function.DoubleUnaryOperator f) {
        Root root = FINDER.find(f, Math.log(LOW), Math.log(HIGH), 400, false);
        if (!root.found()) {
            return root;
        }
        double value = Math.exp(root.value());
        return new Root(value, value * root.error(), true, root.message() + " (in ln beta_T)");
    }
}
