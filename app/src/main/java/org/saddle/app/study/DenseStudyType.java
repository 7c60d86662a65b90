package org.saddle.app.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.saddle.app.config.ConfigNode;
import org.saddle.app.config.DenseStudy;

/** {@code model: dense}: the dense P-body network's phase diagram and critical loads (DenseStudyRunner, sharded). */
public final class DenseStudyType implements StudyType {
    @Override
    public String model() {
        return "dense";
    }

    @Override
    public RunnableStudy load(ConfigNode root, String text) {
        return new DenseStudyRunner(parse(root, text));
    }

    static DenseStudy parse(ConfigNode root, String text) {
        root.allowOnly("study", "model", "description", "seed", "theory", "simulation");
        String name = root.string("study", null);
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw root.error("study", "has value '" + name + "'; allowed: lower-case letters, digits, '.', '_' and '-' (it names the folder under results/)");
        }
        root.string("model", null, "dense");
        if (root.has("description")) {
            root.string("description", null);
        }
        long seed = root.integer("seed", 1L, 0, Long.MAX_VALUE);
        ConfigNode theory = root.child("theory").allowOnly("quadrature-order", "phase-diagram", "critical-loads");
        int order = (int) theory.integer("quadrature-order", 80L, 8, 400);
        Optional<DenseStudy.PhaseDiagram> diagram = Optional.empty();
        if (theory.has("phase-diagram")) {
            ConfigNode d = theory.child("phase-diagram").allowOnly("interaction-order", "loads", "tolerance", "min-width",
                    "max-points");
            int p = (int) d.integer("interaction-order", null, 3, 12);
            double[] loads = d.numbers("loads", 0.0, 10.0, "load alpha = K/N^(P-1) in");
            if (loads.length < 2) {
                throw d.error("theory.phase-diagram.loads", "has " + loads.length + " value; allowed: at least 2 (the start grid)");
            }
            double tolerance = d.number("tolerance", 2e-3, 1e-8, 1.0, "temperature tolerance of the adaptive refinement, in");
            double minWidth = d.number("min-width", 1e-4, 1e-9, 1.0, "narrowest bisected load interval, in");
            int maxPoints = (int) d.integer("max-points", 60L, 2, 10_000);
            diagram = Optional.of(new DenseStudy.PhaseDiagram(p, Arrays.stream(loads).boxed().toList(), tolerance, minWidth,
                    maxPoints));
        }
        Optional<DenseStudy.CriticalLoads> critical = Optional.empty();
        if (theory.has("critical-loads")) {
            ConfigNode c = theory.child("critical-loads").allowOnly("interaction-orders", "ansatz");
            long[] orders = c.integers("interaction-orders", 2, 12);
            List<String> ansatze = new ArrayList<>();
            String given = c.has("ansatz") ? c.string("ansatz", null, "rs", "1rsb", "both") : "both";
            if (!given.equals("1rsb")) {
                ansatze.add("rs");
            }
            if (!given.equals("rs")) {
                ansatze.add("1rsb");
            }
            critical = Optional.of(new DenseStudy.CriticalLoads(Arrays.stream(orders).mapToInt(l -> (int) l).boxed().toList(),
                    ansatze));
        }
        if (diagram.isEmpty() && critical.isEmpty()) {
            throw theory.error("theory", "has neither 'phase-diagram' nor 'critical-loads'; allowed: one or both");
        }
        Optional<DenseStudy.Simulation> simulation = Optional.empty();
        if (root.has("simulation")) {
            if (diagram.isEmpty()) {
                throw root.error("simulation", "needs theory.phase-diagram (the Monte Carlo runs at its interaction order "
                        + "and is drawn on its diagram)");
            }
            simulation = Optional.of(DenseStudy.Simulation.parse(root.child("simulation"),
                    diagram.get().interactionOrder(), 1));
        }
        return new DenseStudy(name, root.file(), text, seed, order, diagram, critical, simulation);
    }
}
