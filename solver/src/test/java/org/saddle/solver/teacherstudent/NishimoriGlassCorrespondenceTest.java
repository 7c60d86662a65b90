package org.saddle.solver.teacherstudent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.saddle.solver.dense.OneStepGlass;

/**
 * Thériault and Tantari (SciPost Phys. 17, 040 (2024), abstract): on the Nishimori line the paramagnet to ferromagnet
 * transition of the teacher-student problem coincides with the paramagnet to spin-glass transition of the direct
 * P-body network with random patterns. Here the two sides are computed by unrelated code: the student's RS retrieval
 * branch ({@link TeacherStudentSolver}: its turning point in the load alpha_lR and its free-energy crossing alpha_gR,
 * Gauss-Hermite averages) and the 1RSB glass of the direct network ({@link OneStepGlass}: the dynamical and static
 * temperatures T_d = tau_d J and T_s = tau_s J at J^2 = 2 alpha / P!, graded Gauss-Legendre averages). Derived
 * correspondence (the x = 1 1RSB equations of the glass are the RS equations of the planted problem, t = q on the
 * Nishimori line): alpha_lR = (P!/2) (T / tau_d)^2 (the student's retrieval appears where the direct glass's x = 1
 * state does) and alpha_gR = (P!/2) (T / tau_s)^2 (retrieval becomes the lowest free energy at the static transition).
 * Tolerance 1e-6 relative: both sides are located to ~1e-9 and their quadratures agree to ~1e-8.
 */
class NishimoriGlassCorrespondenceTest {

    private static double factorial(int p) {
        double f = 1.0;
        for (int k = 2; k <= p; k++) {
            f *= k;
        }
        return f;
    }

    @Test
    void nishimoriTransitionsAreTheDirectGlassTransitions() {
        for (int p : new int[] {3, 4}) {
            TeacherStudentSolver solver = new TeacherStudentSolver(p);
            OneStepGlass glass = OneStepGlass.of(p);
            // above the teacher's own transition T*_c (a misaligned teacher, the paper's setting for this statement)
            double t = 1.5 * solver.teacherTransition().temperature();
            List<LoadLine> lines = solver.nishimoriLoadLines(t);
            assertTrue(lines.get(0).exists() && lines.get(1).exists(), lines.get(0).status() + " / " + lines.get(1).status());
            double scale = factorial(p) / 2.0 * t * t;
            double lr = lines.get(0).load();
            double gr = lines.get(1).load();
            double td = glass.dynamicalTemperature();
            double ts = glass.staticTemperature();
            assertEquals(scale / (td * td), lr, 1e-6 * lr, "P = " + p + ": alpha_lR against the direct glass's T_d");
            assertEquals(scale / (ts * ts), gr, 1e-6 * gr, "P = " + p + ": alpha_gR against the direct glass's T_s");
        }
    }
}
