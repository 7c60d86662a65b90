package org.saddle.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.saddle.app.ComputationException;
import org.saddle.app.InputException;
import org.saddle.app.output.Json;
import org.saddle.solver.SolveStatus;
import org.saddle.solver.Boundary;
import org.saddle.solver.ParisiOptimizer;
import org.saddle.solver.CriticalLoad;
import org.saddle.solver.learning.LearningOneStepSolver;
import org.saddle.solver.learning.LearningSolution;
import org.saddle.solver.learning.LearningSolver;
import org.saddle.theory.learning.LearningDataset;
import org.saddle.theory.learning.LearningMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code saddle solve learning}: dense Hebbian learning from examples (supervised / unsupervised), RS and 1RSB. */
@Command(name = "learning", mixinStandardHelpOptions = true,
        description = {"Dense Hebbian learning from M examples of quality r per archetype (P-body network).",
            "At (--load, --temperature): RS branches (retrieval = learning, spin glass, paramagnet) with free energies,",
            "AT replicon and solver status; --ansatz 1rsb adds the 1RSB retrieval state with the Parisi parameter",
            "optimized (mu = beta x at T = 0). --critical-load (T = 0): alpha_c(rho), RS or 1RSB. --threshold: the largest dataset entropy rho_c",
            "(smallest M) with a learning state at (--load, --temperature). --boundaries: T_M, T_R, T_c, T_c_low, T_AT, T_SG, T_0, T_d, T_s, T_G."})
public final class SolveLearningCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--interaction-order", required = true, description = "interaction order P (3..12)")
    int interactionOrder;

    @Option(names = "--mode", required = true, description = "learning protocol; allowed values: supervised, unsupervised")
    String mode;

    @Option(names = "--dataset-entropy", description = "dataset entropy rho = (1 - r^2)/(M r^2) (>= 0)")
    Double datasetEntropy;

    @Option(names = "--examples", description = "examples per archetype M (>= 1; with --quality)")
    Double examples;

    @Option(names = "--quality", description = "example quality r in (0, 1]")
    Double quality;

    @Option(names = "--temperature", required = true, description = "temperature T (>= 0; 0 uses the T = 0 equations)")
    double temperature;

    @Option(names = "--load", description = "load alpha = K/N^(P-1) (>= 0)")
    Double load;

    @Option(names = "--ansatz", defaultValue = "rs", description = "replica ansatz; allowed values: rs (default), 1rsb")
    String ansatz;

    @Option(names = "--critical-load", description = "alpha_c(rho): the largest load with a learning state (T = 0 only)")
    boolean criticalLoad;

    @Option(names = "--threshold", description = "learning threshold: largest rho (smallest M) with a learning state at --load, --temperature")
    boolean threshold;

    @Option(names = "--boundaries", description = "also locate the phase lines T_M, T_R, T_c, T_c_low, T_AT, T_SG, T_0, T_d, T_s, T_G at --load")
    boolean boundaries;

    @Option(names = "--quadrature-order", defaultValue = "80", description = "Gauss-Hermite order (8..400, default ${DEFAULT-VALUE})")
    int quadratureOrder;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Override
    public Integer call() {
        LearningDataset data = dataset();
        if (!ansatz.equals("rs") && !ansatz.equals("1rsb")) {
            throw new InputException("option '--ansatz' has value '" + ansatz + "'; allowed values: rs, 1rsb");
        }
        Options.range("--quadrature-order", quadratureOrder, 8, 400, "Gauss-Hermite order");
        Options.range("--temperature", temperature, 0.0, 10.0, "temperature T");
        if (ansatz.equals("1rsb") && threshold) {
            throw new InputException("option '--threshold' is RS only; allowed: '--ansatz rs' with '--threshold'");
        }
        int modes = (criticalLoad ? 1 : 0) + (threshold ? 1 : 0);
        if (modes > 1) {
            throw new InputException("options '--critical-load' and '--threshold' exclude each other");
        }
        LearningSolver solver = new LearningSolver(quadratureOrder);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", "learning");
        doc.put("ansatz", ansatz);
        doc.put("interaction_order", data.interactionOrder());
        doc.put("mode", data.mode().key());
        doc.put("dataset_entropy", data.datasetEntropy());
        doc.put("quality", num(data.quality()));
        doc.put("examples", num(data.quality() > 0 ? data.examples() : Double.NaN));
        doc.put("temperature", temperature);
        if (criticalLoad) {
            if (temperature != 0.0) {
                throw new InputException("option '--critical-load' needs '--temperature 0' (got " + temperature + ")");
            }
            if (load != null) {
                throw new InputException("options '--critical-load' and '--load' exclude each other: alpha_c is the answer, not an input");
            }
            requireQualityIfUnsupervised(data, 1.0);
            if (ansatz.equals("1rsb")) {
                var c1 = new LearningOneStepSolver(solver, 40, 8).criticalLoadZeroTemperature(data);
                doc.put("alpha_c", num(c1.load()));
                doc.put("alpha_c_rs", num(c1.replicaSymmetricLoad()));
                doc.put("error", num(c1.error()));
                if (c1.at() != null) {
                    doc.put("m", num(c1.at().m()));
                    doc.put("n", num(c1.at().n()));
                    doc.put("q0", num(c1.at().q0()));
                    doc.put("mu", num(c1.at().mu()));
                }
                doc.put("status", c1.status().toString());
                doc.put("message", c1.message());
                print(out, doc, String.format("dense Hebbian learning, 1RSB, T = 0: alpha_c = %.8g (+- %.1e; RS %.8g), m = %.6f, q0 = %.6f, mu = beta x = %.6g  [%s]",
                        c1.load(), c1.error(), c1.replicaSymmetricLoad(), c1.at() == null ? Double.NaN : c1.at().m(),
                        c1.at() == null ? Double.NaN : c1.at().q0(), c1.at() == null ? Double.NaN : c1.at().mu(), c1.status()));
                if (c1.status() != SolveStatus.CONVERGED) {
                    throw new ComputationException("the 1RSB critical-load search failed: " + c1.message());
                }
                return 0;
            }
            CriticalLoad c = solver.criticalLoadZeroTemperature(data);
            doc.put("alpha_c", num(c.load()));
            doc.put("m", num(c.m()));
            doc.put("error", num(c.error()));
            doc.put("status", c.status().toString());
            doc.put("message", c.message());
            print(out, doc, String.format("dense Hebbian learning, RS, T = 0: alpha_c = %.10g (+- %.1e), m(alpha_c) = %.6f  [%s]",
                    c.load(), c.error(), c.m(), c.status()));
            if (c.status() != SolveStatus.CONVERGED) {
                throw new ComputationException("the critical-load search failed: " + c.message());
            }
            return 0;
        }
        if (load == null) {
            throw new InputException("option '--load' is missing; allowed: load alpha = K/N^(P-1) >= 0 (or --critical-load at --temperature 0)");
        }
        Options.range("--load", load, 0.0, 10.0, "load alpha = K/N^(P-1)");
        requireQualityIfUnsupervised(data, load);
        doc.put("load", load);
        if (threshold) {
            var th = solver.learningThreshold(data, load, temperature);
            doc.put("rho_c", num(th.datasetEntropy()));
            doc.put("error", num(th.error()));
            doc.put("examples_c", num(th.examples()));
            doc.put("exists", th.exists());
            doc.put("status", th.status());
            print(out, doc, th.exists()
                    ? String.format("learning threshold at alpha = %s, T = %s: rho_c = %.10g (+- %.1e)%s", load, temperature,
                            th.datasetEntropy(), th.error(), Double.isNaN(th.examples()) ? "" : String.format(", M_c = %.6g", th.examples()))
                    : "no learning threshold: " + th.status());
            return 0;
        }
        List<LearningSolution> solutions = solver.solve(data, load, temperature);
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("dense Hebbian learning (P = %d, %s, rho = %s) at alpha = %s, T = %s%n",
                data.interactionOrder(), data.mode().key(), data.datasetEntropy(), load, temperature));
        table.append(String.format("%-12s %12s %12s %12s %12s %14s %12s %-14s %10s%n", "phase", "m", "n", "q",
                temperature == 0 ? "C" : "beta(1-q)", temperature == 0 ? "energy" : "free energy", "replicon", "status", "residual"));
        for (LearningSolution s : solutions) {
            rows.add(solutionJson(s));
            table.append(String.format("%-12s %12.8f %12.8f %12.8f %12.6f %14.9f %12.5g %-14s %10.2e%n", s.phase().key(), s.m(), s.n(),
                    s.q(), s.susceptibility(), s.freeEnergy(), s.replicon(), s.result().status(), s.result().residual()));
        }
        doc.put("solutions", rows);
        boolean ok = solutions.stream().allMatch(s -> s.result().converged());
        if (ansatz.equals("1rsb") && temperature == 0.0) {
            var z = new LearningOneStepSolver(solver, 40, 8).solveZeroTemperature(data, load, null);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("converged", z.converged());
            o.put("m", num(z.m()));
            o.put("n", num(z.n()));
            o.put("q0", num(z.q0()));
            o.put("q1", 1.0);
            o.put("susceptibility", num(z.susceptibility()));
            o.put("mu", num(z.mu()));
            o.put("energy", num(z.energy()));
            o.put("differs_from_rs", z.differsFromRS());
            o.put("residual", z.result() == null ? null : num(z.result().residual()));
            o.put("message", z.message());
            doc.put("one_step", o);
            table.append(z.converged() ? String.format(
                    "1RSB retrieval (T = 0): m = %.8f, q0 = %.8f, mu = beta x = %.6g, energy = %.10f [%s, residual %.1e]%n",
                    z.m(), z.q0(), z.mu(), z.energy(), z.result().status(), z.result().residual()) : "1RSB: " + z.message() + "\n");
            ok &= z.result() == null || z.converged();
        } else if (ansatz.equals("1rsb")) {
            var one = new LearningOneStepSolver(solver, 40, 8).solve(data, load, temperature);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("converged", one.converged());
            if (one.order() != null) {
                o.put("m", one.order().m());
                o.put("n", one.order().n());
                o.put("q0", one.order().q0());
                o.put("q1", one.order().q1());
                o.put("parisi_parameter", one.order().parisiParameter());
            }
            o.put("free_energy", num(one.freeEnergy()));
            o.put("rs_free_energy", num(one.rsFreeEnergy()));
            o.put("differs_from_rs", one.differsFromRS());
            o.put("residual", one.result() == null ? null : num(one.result().residual()));
            o.put("message", one.message());
            doc.put("one_step", o);
            table.append(one.order() == null ? "1RSB: " + one.message() + "\n" : String.format(
                    "1RSB retrieval: m = %.8f, q0 = %.8f, q1 = %.8f, x = %.6f, f = %.10f (RS %.10f), %s [%s, residual %.1e]%n",
                    one.order().m(), one.order().q0(), one.order().q1(), one.order().parisiParameter(), one.freeEnergy(),
                    one.rsFreeEnergy(), one.differsFromRS() ? "breaks RS" : "equals RS", one.result().status(), one.result().residual())
                    + (one.message().startsWith(ParisiOptimizer.READ_FROM_ZERO_TEMPERATURE) ? one.message() + "\n" : ""));
            ok &= one.order() == null || one.converged();
        }
        if (boundaries) {
            var all = solver.phaseLines(data, new double[] {load}); // the retrieval branch followed once
            List<Boundary> lines = List.of(all.retrievalSpinodal().get(0), all.reentrant().get(0), all.firstOrder().get(0),
                    all.lowerFirstOrder().get(0), all.almeidaThouless().get(0), all.spinGlassSpinodal().get(0),
                    all.entropyCrisis().get(0), all.dynamicalGlass().get(0), all.staticGlass().get(0), all.gardner().get(0));
            table.append(BoundaryOutput.table(lines));
            doc.put("boundaries", BoundaryOutput.json(lines));
        }
        print(out, doc, table.toString().stripTrailing());
        return ok ? 0 : 1;
    }

    static Map<String, Object> solutionJson(LearningSolution s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("phase", s.phase().key());
        row.put("m", s.m());
        row.put("n", s.n());
        row.put("q", s.q());
        row.put("susceptibility", s.susceptibility());
        row.put(s.temperature() == 0.0 ? "energy" : "free_energy", s.freeEnergy());
        row.put("replicon", Double.isFinite(s.replicon()) ? s.replicon() : (Object) String.valueOf(s.replicon()));
        row.put("rs_stable", s.replicon() > 0);
        row.put("status", s.result().status().toString());
        row.put("residual", s.result().residual());
        row.put("iterations", s.result().iterations());
        return row;
    }

    private void print(PrintWriter out, Map<String, Object> doc, String text) {
        out.println(json ? Json.write(doc) : text);
    }

    private static Object num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private LearningDataset dataset() {
        LearningMode m = LearningMode.parse(mode);
        if (m == null) {
            throw new InputException("option '--mode' has value '" + mode + "'; allowed values: supervised, unsupervised");
        }
        Options.range("--interaction-order", interactionOrder, 3, 12, "interaction order P");
        if (quality != null) {
            if (!(quality > 0.0 && quality <= 1.0)) {
                throw new InputException("option '--quality' has value " + quality + "; allowed: example quality r in (0, 1]");
            }
        }
        if (datasetEntropy != null) {
            if (examples != null) {
                throw new InputException("options '--dataset-entropy' and '--examples' exclude each other (rho = (1 - r^2)/(M r^2))");
            }
            Options.range("--dataset-entropy", datasetEntropy, 0.0, 1e6, "dataset entropy rho");
            return new LearningDataset(interactionOrder, m, datasetEntropy, quality == null ? Double.NaN : quality);
        }
        if (examples == null || quality == null) {
            throw new InputException("give '--dataset-entropy RHO' or both '--examples M' and '--quality r'");
        }
        Options.range("--examples", examples, 1.0, 1e12, "examples per archetype M");
        return LearningDataset.fromExamples(interactionOrder, m, examples, quality);
    }

    private static void requireQualityIfUnsupervised(LearningDataset data, double load) {
        if (load > 0.0 && data.mode() == LearningMode.UNSUPERVISED && data.datasetEntropy() > 0.0 && Double.isNaN(data.quality())) {
            throw new InputException("option '--quality' is missing: the unsupervised protocol at load > 0 depends on r, not only on rho"
                    + " (give '--quality r' with '--dataset-entropy', or '--examples M --quality r')");
        }
    }
}
