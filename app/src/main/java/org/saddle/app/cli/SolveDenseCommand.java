package org.saddle.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.saddle.app.ComputationException;
import org.saddle.app.InputException;
import org.saddle.app.output.Json;
import org.saddle.solver.Boundary;
import org.saddle.solver.SolveStatus;
import org.saddle.solver.dense.DenseCriticalLoad;
import org.saddle.solver.dense.DenseOneStepSolution;
import org.saddle.solver.dense.DensePhase;
import org.saddle.solver.dense.DenseSolution;
import org.saddle.solver.dense.DenseSolver;
import org.saddle.solver.dense.OneStepGlass;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code saddle solve dense}: RS and 1RSB solutions of the dense P-body Hebbian network. */
@Command(name = "dense", mixinStandardHelpOptions = true,
        description = {"Replica solutions of the dense P-body Hebbian network (Gardner 1987),",
            "H = -(N/P!) sum_mu m_mu^P, P >= 3, load alpha = K/N^(P-1).",
            "At (--load, --temperature): RS retrieval, spin-glass and paramagnetic",
            "branches with free energies, AT replicon and solver status. With",
            "--ansatz 1rsb: the one-step RSB retrieval state, Parisi parameter",
            "optimized inside the solve. With --critical-load at --temperature 0:",
            "alpha_c (under 1rsb also mu = beta x and the overlaps at alpha_c).",
            "With --boundaries (rs): T_M, T_c and T_AT at --load.",
            "P = 2 is the classical Hopfield model: use 'saddle solve hopfield'."})
public final class SolveDenseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReplicaSolveOptions options;

    @Option(names = "--interaction-order", required = true, description = "P, the order of the interaction (3..12)")
    int order;

    @Override
    public Integer call() {
        ReplicaSolveOptions.Mode mode = options.validate("load alpha = K/N^(P-1)");
        if (order == 2) {
            throw new InputException("option '--interaction-order' has value 2; allowed: 3..12 (P = 2 is the classical "
                    + "Hopfield model, whose replica theory differs: use 'saddle solve hopfield')");
        }
        Options.range("--interaction-order", order, 3, 12, "interaction order P");
        DenseSolver solver = new DenseSolver(order, options.quadratureOrder);
        PrintWriter out = spec.commandLine().getOut();
        if (mode == ReplicaSolveOptions.Mode.CRITICAL_LOAD) {
            return criticalLoad(solver, out);
        }
        if (mode == ReplicaSolveOptions.Mode.ONE_STEP) {
            return oneStep(solver, out);
        }
        List<DenseSolution> solutions = solver.solve(options.load, options.temperature);
        List<Boundary> lines = options.boundaries ? solver.phaseLines(options.load) : List.of();
        if (options.json) {
            Map<String, Object> doc = header();
            doc.put("load", options.load);
            doc.put("quadrature_order", options.quadratureOrder);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (DenseSolution s : solutions) {
                rows.add(solutionJson(s));
            }
            doc.put("solutions", rows);
            if (options.load > 0.0) {
                OneStepGlass.Glass g = OneStepGlass.of(order).at(options.load, options.temperature);
                Map<String, Object> glass = new LinkedHashMap<>();
                glass.put("free_energy", g.freeEnergy());
                glass.put("parisi_parameter", g.parisiParameter());
                glass.put("status", g.status().name());
                glass.put("message", g.message());
                doc.put("glass_1rsb", glass);
            }
            doc.put("global_minimum", globalMinimum(solutions, solver, options.load, options.temperature));
            if (options.boundaries) {
                doc.put("boundaries", BoundaryOutput.json(lines));
            }
            out.println(Json.write(doc));
        } else {
            out.printf("Dense P = %d, RS at load alpha = %s, T = %s%n", order, options.load, options.temperature);
            out.printf("%-12s %12s %12s %12s %14s %12s %-14s %10s%n", "phase", "m", "q",
                    options.temperature == 0 ? "C" : "beta(1-q)", options.temperature == 0 ? "energy" : "free energy", "replicon", "status", "residual");
            for (DenseSolution s : solutions) {
                out.printf("%-12s %12.8f %12.8f %12.6f %14.9f %12.5g %-14s %10.2e%n", label(s), s.m(), s.q(),
                        s.susceptibility(), s.freeEnergy(), s.replicon(), s.report().status(), s.report().residual());
            }
            if (options.load > 0.0) {
                OneStepGlass.Glass g = OneStepGlass.of(order).at(options.load, options.temperature);
                out.printf("%-12s %12s %12s %12s %14.9f %12s %-14s   (%s)%n", "glass 1RSB", "0", "", "x = "
                        + String.format(Locale.ROOT, "%.4f", g.parisiParameter()), g.freeEnergy(), "", g.status(), g.message());
            }
            out.printf("lowest free energy: %s (RS retrieval against the 1RSB glass); replicon > 0 means RS-stable "
                    + "(de Almeida-Thouless)%n", globalMinimum(solutions, solver, options.load, options.temperature));
            out.printf("%s", BoundaryOutput.table(lines));
        }
        return solutions.stream().allMatch(s -> s.report().converged()) ? 0 : 1;
    }

    private Map<String, Object> header() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", "dense");
        doc.put("interaction_order", order);
        doc.put("normalization", "H = -(N/P!) sum_mu m_mu^P, alpha = K/N^(P-1)");
        doc.put("ansatz", options.ansatz);
        doc.put("temperature", options.temperature);
        return doc;
    }

    private int criticalLoad(DenseSolver solver, PrintWriter out) {
        DenseCriticalLoad c = options.ansatz.equals("1rsb") ? solver.criticalLoadZeroTemperature1RSB()
                : solver.criticalLoadZeroTemperature();
        if (options.json) {
            Map<String, Object> doc = header();
            doc.put("alpha_c", c.load());
            doc.put("error", c.error());
            doc.put("m", c.m());
            doc.put("q0", c.q0());
            doc.put("q1", 1.0);
            if (options.ansatz.equals("1rsb")) {
                doc.put("parisi_parameter", 0.0);
                doc.put("scaled_parisi_parameter", c.scaledParisiParameter());
                doc.put("alpha_c_rs", c.replicaSymmetricLoad());
                doc.put("differs_from_rs", c.differsFromRS());
            }
            doc.put("status", c.status().toString());
            doc.put("message", c.message());
            out.println(Json.write(doc));
        } else {
            out.printf("Dense P = %d, %s critical load at T = 0: alpha_c = %.10f (+- %.1e), m = %.8f  [%s]%n", order,
                    options.ansatz.toUpperCase(Locale.ROOT), c.load(), c.error(), c.m(), c.status());
            if (options.ansatz.equals("1rsb")) {
                out.printf("at alpha_c: q0 = %.8f, q1 = 1, mu = beta x = %.6f; alpha_c(RS) = %.10f; 1RSB %s RS%n", c.q0(),
                        c.scaledParisiParameter(), c.replicaSymmetricLoad(), c.differsFromRS() ? "differs from" : "equals");
            }
        }
        if (c.status() != SolveStatus.CONVERGED) {
            throw new ComputationException("the critical-load solve did not converge: " + c.message());
        }
        return 0;
    }

    private int oneStep(DenseSolver solver, PrintWriter out) {
        DenseOneStepSolution s = solver.oneStep(options.load, options.temperature);
        if (options.json) {
            Map<String, Object> doc = header();
            doc.put("load", options.load);
            doc.put("m", s.m());
            doc.put("q0", s.q0());
            doc.put("q1", s.q1());
            doc.put("parisi_parameter", s.parisiParameter());
            doc.put("scaled_parisi_parameter", s.scaledParisiParameter());
            doc.put("parisi_error", s.parisiError());
            doc.put("free_energy", s.freeEnergy());
            doc.put("rs_free_energy", s.replicaSymmetricFreeEnergy());
            doc.put("differs_from_rs", s.differsFromRS());
            doc.put("status", s.report().status().toString());
            doc.put("residual", s.report().residual());
            doc.put("message", s.message());
            out.println(Json.write(doc));
        } else {
            out.printf("Dense P = %d, 1RSB retrieval at load alpha = %s, T = %s  [%s, residual %.1e]%n", order, options.load,
                    options.temperature, s.report().status(), s.report().residual());
            out.printf("m = %.8f, q0 = %.8f, q1 = %.8f, x = %.6g, beta x = %.6g%n", s.m(), s.q0(), s.q1(),
                    s.parisiParameter(), s.scaledParisiParameter());
            out.printf("free energy %.10f (RS %.10f); 1RSB %s RS (%s)%n", s.freeEnergy(), s.replicaSymmetricFreeEnergy(),
                    s.differsFromRS() ? "differs from" : "reduces to", s.message());
        }
        if (!s.converged()) {
            throw new ComputationException("the 1RSB solve did not converge at load " + options.load + ", T " + options.temperature
                    + ": " + s.message());
        }
        return 0;
    }

    static String label(DenseSolution s) {
        return s.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static Map<String, Object> solutionJson(DenseSolution s) {
        Map<String, Double> order = new LinkedHashMap<>();
        order.put("m", s.m());
        order.put("q", s.q());
        order.put("susceptibility", s.susceptibility());
        return BoundaryOutput.branchJson(label(s), order, s.freeEnergy(), s.replicon(), s.report());
    }

    /**
     * The phase with the lowest free energy, as T_c decides it: the RS retrieval state against the m = 0 phase under
     * 1RSB ({@link DenseSolver#glassFreeEnergy}: the paramagnet above T_s, the 1RSB glass below).
     */
    private static String globalMinimum(List<DenseSolution> solutions, DenseSolver solver, double load, double temperature) {
        double glass = solver.glassFreeEnergy(load, temperature);
        return solutions.stream().filter(s -> s.report().converged() && s.phase() == DensePhase.RETRIEVAL)
                .filter(s -> s.freeEnergy() < glass).findFirst().map(SolveDenseCommand::label)
                .orElse(load > 0.0 && OneStepGlass.of(solver.model().interactionOrder()).at(load, temperature)
                        .parisiParameter() < 1.0 ? "spin glass (1RSB)" : "paramagnet");
    }
}
