package org.saddle.solver.learning;

import java.util.List;
import org.saddle.solver.Boundary;

/**
 * Phase lines of dense Hebbian learning in the (alpha, T) plane at one dataset, one entry per load.
 *
 * @param retrievalSpinodal T_M: end of the retrieval (learning) branch
 * @param reentrant T_R: lower end of a retrieval branch that does not reach T = 0 (reentrant region)
 * @param firstOrder T_c: retrieval becomes the global minimum below it
 * @param lowerFirstOrder T_c_low: a reentrant retrieval branch stops being the global minimum below it
 * @param almeidaThouless T_AT: RS retrieval unstable below it
 * @param spinGlassSpinodal T_SG: end of the RS spin-glass branch
 * @param entropyCrisis T_0: the paramagnet entropy vanishes (the RS ergodic phase is unphysical below it)
 * @param dynamicalGlass T_d: the 1RSB glass solution (x = 1) appears below it
 * @param staticGlass T_s: the 1RSB glass replaces the paramagnet below it
 * @param gardner T_G: the 1RSB glass is unstable (full RSB) below it
 */
public record LearningPhaseLines(List<Boundary> retrievalSpinodal, List<Boundary> reentrant, List<Boundary> firstOrder,
        List<Boundary> lowerFirstOrder, List<Boundary> almeidaThouless, List<Boundary> spinGlassSpinodal,
        List<Boundary> entropyCrisis, List<Boundary> dynamicalGlass, List<Boundary> staticGlass,
        List<Boundary> gardner) {

    /** Defensive copies. */
    public LearningPhaseLines {
        retrievalSpinodal = List.copyOf(retrievalSpinodal);
        reentrant = List.copyOf(reentrant);
        firstOrder = List.copyOf(firstOrder);
        lowerFirstOrder = List.copyOf(lowerFirstOrder);
        dynamicalGlass = List.copyOf(dynamicalGlass);
        staticGlass = List.copyOf(staticGlass);
        gardner = List.copyOf(gardner);
        almeidaThouless = List.copyOf(almeidaThouless);
        spinGlassSpinodal = List.copyOf(spinGlassSpinodal);
        entropyCrisis = List.copyOf(entropyCrisis);
    }
}
