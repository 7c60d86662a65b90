package org.saddle.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.saddle.app.ComputationException;
import org.saddle.app.output.Json;
import org.saddle.app.output.Labels;
import org.saddle.solver.Boundary;
import org.saddle.solver.CriticalLoad;
import org.saddle.solver.hopfield.HopfieldSolution;
import org.saddle.solver.hopfield.HopfieldReplicaSymmetryBreaking;
import org.saddle.solver.hopfield.HopfieldSolver;
import org.saddle.solver.hopfield.OneStepCriticalLoad;
import org.saddle.solver.hopfield.OneStepSolution;
import org.saddle.solver.SolveStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code saddle solve hopfield}: the AGS replica-symmetric solutions of the Hopfield model. */
@Command(name = "hopfield", mixinStandardHelpOptions = true,
        description = {"Replica-symmetric solutions of the classical Hopfield model (Amit-Gutfreund-Sompolinsky 1987).",
            "At (--load, --temperature): the retrieval, spin-glass and paramagnetic branches with free energies,",
            "AT replicon and solver status. With --critical-load at --temperature 0: alpha_c and m at alpha_c.",
            "With --boundaries: T_g, T_M, T_c and T_AT at --load.",
            "With --ansatz 1rsb: the one-step RSB retrieval state at (--load, --temperature),",
            "Parisi parameter optimized inside the solve; with --critical-load at --temperature 0:",
            "alpha_c(1RSB) (Steffan-Kuehn 1994), mu = beta x and the overlaps at alpha_c."})
public final class SolveHopfieldCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReplicaSolveOptions options;

    @Override
    public Integer call() {
        ReplicaSolveOptions.Mode mode = options.validate("load alpha = K/N");
        HopfieldSolver solver = new HopfieldSolver(options.quadratureOrder);
        PrintWriter out = spec.commandLine().getOut();
        if (mode == ReplicaSolveOptions.Mode.CRITICAL_LOAD) {
            return options.ansatz.equals("1rsb") ? oneStepCriticalLoad(solver, out) : criticalLoad(solver, out);
        }
        if (mode == ReplicaSolveOptions.Mode.ONE_STEP) {
            return oneStep(solver, out);
        }
        List<HopfieldSolution> solutions = solver.solve(options.load, options.temperature);
        List<Boundary> lines = options.boundaries ? List.of(solver.spinGlassTemperature(options.load), solver.retrievalSpinodal(options.load),
                solver.firstOrderTemperature(options.load), solver.atTemperature(options.load)) : List.of();
        if (options.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", "hopfield");
            doc.put("ansatz", "rs");
            doc.put("load", options.load);
            doc.put("temperature", options.temperature);
            doc.put("quadrature_order", options.quadratureOrder);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (HopfieldSolution s : solutions) {
                rows.add(solutionJson(s));
            }
            doc.put("solutions", rows);
            doc.put("global_minimum", globalMinimum(solutions));
            if (options.boundaries) {
                doc.put("boundaries", BoundaryOutput.json(lines));
            }
            out.println(Json.write(doc));
        } else {
            out.printf("Hopfield RS at load alpha = %s, T = %s (Gauss-Hermite order %d)%n", options.load, options.temperature, options.quadratureOrder);
            out.printf("%-12s %12s %12s %12s %12s %14s %12s %-14s %10s%n", "phase", "m", "q", "r",
                    options.temperature == 0 ? "C" : "beta(1-q)", options.temperature == 0 ? "energy" : "free energy", "replicon", "status", "residual");
            for (HopfieldSolution s : solutions) {
                out.printf("%-12s %12.8f %12.8f %12.6f %12.6f %14.9f %12.5g %-14s %10.2e%n", Labels.of(s.phase()), s.m(), s.q(),
                        s.r(), s.susceptibility(), s.freeEnergy(), s.replicon(), s.report().status(), s.report().residual());
            }
            out.printf("lowest free energy: %s; replicon > 0 means RS-stable (de Almeida-Thouless)%n", globalMinimum(solutions));
            out.printf("%s", BoundaryOutput.table(lines));
        }
        boolean allConverged = solutions.stream().allMatch(s -> s.report().converged());
        return allConverged ? 0 : 1;
    }

    private int criticalLoad(HopfieldSolver solver, PrintWriter out) {
        CriticalLoad critical = solver.criticalLoadZeroTemperature();
        boolean ok = critical.status() == SolveStatus.CONVERGED;
        if (options.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", "hopfield");
            doc.put("ansatz", "rs");
            doc.put("temperature", 0.0);
            doc.put("alpha_c", critical.load());
            doc.put("m", critical.m());
            doc.put("error", critical.error());
            doc.put("status", critical.status().toString());
            doc.put("message", critical.message());
            out.println(Json.write(doc));
        } else {
            out.printf("Hopfield RS critical load at T = 0: alpha_c = %.8f (+- %.1e), m(alpha_c) = %.6f  [%s]%n",
                    critical.load(), critical.error(), critical.m(), critical.status());
        }
        if (!ok) {
            throw new ComputationException("the critical-load solve did not converge: " + critical.message());
        }
        return 0;
    }

    private int oneStepCriticalLoad(HopfieldSolver solver, PrintWriter out) {
        OneStepCriticalLoad c = new HopfieldReplicaSymmetryBreaking(solver, 40, 8).criticalLoadZeroTemperature1RSB();
        boolean ok = c.status() == SolveStatus.CONVERGED;
        if (options.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", "hopfield");
            doc.put("ansatz", "1rsb");
            doc.put("temperature", 0.0);
            doc.put("alpha_c", c.load());
            doc.put("error", c.error());
            doc.put("m", c.m());
            doc.put("q0", c.q0());
            doc.put("q1", 1.0);
            doc.put("parisi_parameter", 0.0);
            doc.put("scaled_parisi_parameter", c.scaledParisiParameter());
            doc.put("susceptibility", c.susceptibility());
            doc.put("r0", c.r0());
            doc.put("r1", c.r1());
            doc.put("alpha_c_rs", c.replicaSymmetricLoad());
            doc.put("differs_from_rs", c.differsFromRS());
            doc.put("status", c.status().toString());
            doc.put("message", c.message());
            out.println(Json.write(doc));
        } else {
            out.printf("Hopfield 1RSB critical load at T = 0: alpha_c = %.10f (+- %.1e)  [RS: %.10f]  [%s]%n",
                    c.load(), c.error(), c.replicaSymmetricLoad(), c.status());
            out.printf("at alpha_c: m = %.8f, q0 = %.8f, q1 = 1, mu = beta x = %.6f, C = %.6f, r0 = %.6f, r1 = %.6f%n",
                    c.m(), c.q0(), c.scaledParisiParameter(), c.susceptibility(), c.r0(), c.r1());
        }
        if (!ok) {
            throw new ComputationException("the 1RSB critical-load solve did not converge: " + c.message());
        }
        return 0;
    }

    private int oneStep(HopfieldSolver solver, PrintWriter out) {
        OneStepSolution s = new HopfieldReplicaSymmetryBreaking(solver, 40, 8).solve(options.load, options.temperature);
        if (options.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", "hopfield");
            doc.put("ansatz", "1rsb");
            doc.put("load", options.load);
            doc.put("temperature", options.temperature);
            doc.put("m", s.m());
            doc.put("q0", s.q0());
            doc.put("q1", s.q1());
            doc.put("r0", s.r0());
            doc.put("r1", s.r1());
            doc.put("parisi_parameter", s.parisiParameter());
            doc.put("scaled_parisi_parameter", s.scaledParisiParameter());
            doc.put("susceptibility", s.susceptibility());
            doc.put("free_energy", s.freeEnergy());
            doc.put("rs_free_energy", s.replicaSymmetricFreeEnergy());
            doc.put("differs_from_rs", s.differsFromRS());
            doc.put("status", s.report().status().toString());
            doc.put("residual", s.report().residual());
            if (!s.message().isEmpty()) {
                doc.put("message", s.message());
            }
            out.println(Json.write(doc));
        } else {
            out.printf("Hopfield 1RSB retrieval at load alpha = %s, T = %s  [%s, residual %.1e]%n", options.load, options.temperature,
                    s.report().status(), s.report().residual());
            out.printf("m = %.8f, q0 = %.8f, q1 = %.8f, r0 = %.6f, r1 = %.6f, x = %.6g, beta x = %.6g%n", s.m(), s.q0(),
                    s.q1(), s.r0(), s.r1(), s.parisiParameter(), s.scaledParisiParameter());
            out.printf("free energy %.10f (RS %.10f); 1RSB %s RS%n", s.freeEnergy(), s.replicaSymmetricFreeEnergy(),
                    s.differsFromRS() ? "differs from" : "reduces to");
            if (!s.message().isEmpty()) {
                out.println(s.message());
            }
        }
        if (!s.converged()) {
            throw new ComputationException("the 1RSB solve did not converge at load " + options.load + ", T " + options.temperature
                    + " (status " + s.report().status() + ", residual " + s.report().residual() + ")");
        }
        return 0;
    }

    static Map<String, Object> solutionJson(HopfieldSolution s) {
        Map<String, Double> order = new LinkedHashMap<>();
        order.put("m", s.m());
        order.put("q", s.q());
        order.put("r", s.r());
        order.put("susceptibility", s.susceptibility());
        return BoundaryOutput.branchJson(Labels.of(s.phase()), order, s.freeEnergy(), s.replicon(), s.report());
    }

    private static String globalMinimum(List<HopfieldSolution> solutions) {
        return solutions.stream().filter(s -> s.report().converged())
                .min((a, b) -> Double.compare(a.freeEnergy(), b.freeEnergy()))
                .map(s -> Labels.of(s.phase())).orElse("none");
    }
}
