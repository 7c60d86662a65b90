package org.saddle.solver.dense;

import java.util.function.DoubleUnaryOperator;
import org.saddle.solver.Boundary;
import org.saddle.solver.FreeEnergyCrossing;

/**
 * The first-order lines of a retrieval branch against the 1RSB glass, shared by the dense and the learning solvers:
 * T_c, where retrieval becomes the global minimum going down from its spinodal, and T_c_low, where a reentrant
 * retrieval branch stops being the global minimum further down ({@link FreeEnergyCrossing#window}).
 */
public final class FirstOrderLines {

    private static final int SCAN_INTERVALS = 80;

    private FirstOrderLines() {
    }

    /**
     * @param retrieval the retrieval free energy per neuron in T (NaN where the branch does not exist)
     * @param glass the m = 0 phase's free energy in T
     * @param bottom lowest T of the retrieval branch (0 or its lower end)
     * @param top highest T (its spinodal)
     * @return {T_c, T_c_low}
     */
    public static Boundary[] of(double load, DoubleUnaryOperator retrieval, DoubleUnaryOperator glass, double bottom,
            double top, FreeEnergyCrossing crossing) {
        FreeEnergyCrossing.Window w = crossing.window(retrieval, glass, bottom, top, SCAN_INTERVALS);
        String rule = "f_retrieval (RS) = f_glass (1RSB; the paramagnet above T_s); ";
        if (!w.upper().found()) {
            Boundary none = Boundary.absent("T_c", load, "retrieval never below the glass below T_M: " + w.upper().message());
            return new Boundary[] {none, Boundary.absent("T_c_low", load, "no T_c")};
        }
        Boundary upper = new Boundary("T_c", load, w.upper().parameter(), w.upper().error(), true,
                rule + w.upper().message());
        Boundary lower = w.lower().found()
                ? new Boundary("T_c_low", load, w.lower().parameter(), w.lower().error(), true, rule + w.lower().message())
                : Boundary.absent("T_c_low", load, w.lowerAtBottom()
                        ? "retrieval the global minimum down to T = " + bottom : w.lower().message());
        return new Boundary[] {upper, lower};
    }
}
