package org.saddle.solver.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.saddle.theory.learning.LearningDataset;
import org.saddle.theory.learning.LearningMode;
import org.saddle.theory.learning.LearningZeroTemperatureEquations;

/**
 * Regression against results/reference/learning.csv. The papers' numbers could not be read (see the
 * source column): the values there are derivations of this repository, each with its formula; this test
 * keeps the solver on them and fails if a value or the file changes.
 */
class LearningReferenceTest {

    private static final LearningSolver SOLVER = new LearningSolver();

    private static Map<String, double[]> reference() throws IOException {
        Path file = Path.of("..", "results", "reference", "learning.csv");
        List<String> lines = Files.readAllLines(file);
        Map<String, double[]> out = new HashMap<>();
        List<String> rows = lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        for (String line : rows.subList(1, rows.size())) {             // '#' lines: the file's header comment
            String[] f = line.split(",", 4);
            out.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        return out;
    }

    private static void check(Map<String, double[]> ref, String key, double computed) {
        double[] v = ref.get(key);
        assertTrue(v != null, "missing reference " + key);
        assertEquals(v[0], computed, v[1], key);
    }

    private static LearningDataset supervised(int p, double rho) {
        return new LearningDataset(p, LearningMode.SUPERVISED, rho, Double.NaN);
    }

    @Test
    void reproducesTheReferenceTable() throws IOException {
        Map<String, double[]> ref = reference();
        check(ref, "alpha_c_rs_T0_P3_rho0", SOLVER.criticalLoadZeroTemperature(supervised(3, 0)).load());
        check(ref, "alpha_c_rs_T0_P4_rho0", SOLVER.criticalLoadZeroTemperature(supervised(4, 0)).load());
        check(ref, "m_at_alpha_c_rs_T0_P4_rho0", SOLVER.criticalLoadZeroTemperature(supervised(4, 0)).m());
        check(ref, "alpha_c_rs_T0_P6_rho0", SOLVER.criticalLoadZeroTemperature(supervised(6, 0)).load());
        check(ref, "alpha_c_rs_T0_P4_rho0.1_supervised", SOLVER.criticalLoadZeroTemperature(supervised(4, 0.1)).load());
        check(ref, "alpha_c_rs_T0_P4_rho_infinity_supervised", LearningSolver.criticalLoadLargeEntropy(supervised(4, 1)));
        check(ref, "rho_c_rs_T0_P4_alpha0.01_supervised",
                SOLVER.learningThresholdZeroTemperature(supervised(4, 0), 0.01).datasetEntropy());
        check(ref, "m_T0_alpha0_rho0.5", SOLVER.retrieval(supervised(5, 0.5), 0.0, 0.0).m());
    }

    /**
     * The AT line at low T: lambda_AT = 1 - K/T + ..., K the T = 0 replicon slope (derived), so at rho = 0 and
     * small load, where T_AT is exponentially small, T_AT = K to high relative accuracy.
     */
    @Test
    void almeidaThoulessLineTendsToTheReplicaSlope() {
        var data = supervised(4, 0.0);
        double load = 0.008;
        double k = new LearningZeroTemperatureEquations(data, load).repliconSlope(SOLVER.retrieval(data, load, 0.0).n());
        assertEquals(k, SOLVER.atTemperature(data, load).temperature(), 1e-5 * k);
    }
}
