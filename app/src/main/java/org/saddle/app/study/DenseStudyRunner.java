package org.saddle.app.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saddle.app.config.DenseStudy;
import org.saddle.app.output.CsvTable;
import org.saddle.app.output.Figures;
import org.saddle.app.output.Json;
import org.saddle.app.output.Progress;
import org.saddle.app.output.Provenance;
import org.saddle.app.output.ResultDirectory;
import org.saddle.solver.AdaptiveLine;
import org.saddle.solver.Boundary;
import org.saddle.solver.CriticalLoad;
import org.saddle.solver.SolveStatus;
import org.saddle.solver.dense.DenseCriticalLoad;
import org.saddle.solver.dense.DenseSolver;
import org.saddle.solver.hopfield.HopfieldReplicaSymmetryBreaking;
import org.saddle.solver.hopfield.HopfieldSolver;
import org.saddle.solver.hopfield.OneStepCriticalLoad;
import org.saddle.theory.dense.DenseHebbianModel;
import org.saddle.theory.dense.DenseZeroTemperatureEquations;

/**
 * Runs a dense study: the phase lines T_M, T_c, T_AT (and T_R, the lower end of the reentrant retrieval region) of the RS theory at one P, each sampled adaptively in the load
 * ({@link AdaptiveLine}: bisection where a line ends or curves, every point with its locator's error), and the T = 0
 * critical loads alpha_c(P) under RS and 1RSB (P = 2 by the Hopfield theory, which is the exact P = 2 theory).
 * With a simulation section, the Monte Carlo of {@link DenseMonteCarlo} on the grid (N, load, T) is drawn on the phase
 * diagram and its m = 1/2 crossing extrapolated in 1/N (simulation.csv, transition.csv).
 * Writes phase-lines.csv, critical-loads.csv, their figures and run.json into results/&lt;study&gt;/ at once.
 */
public final class DenseStudyRunner {

    /** What a finished run reports. */
    public record Outcome(Path folder, int linePoints, int criticalLoads, int failures, double seconds,
            List<String> simulationLines) {}

    /** One row of critical-loads.csv. */
    record Critical(int order, String ansatz, double load, double error, double m, double q0, double mu, double rsLoad,
            boolean differsFromRS, String theory, SolveStatus status, String message) {}

    /** The lines in the order of {@link DenseSolver#phaseLines}. */
    private static final String[] LINES = {"T_M", "T_c", "T_AT", "T_R", "T_c_low", "T_d", "T_s", "T_G"};

    private final Path resultsRoot;
    private final int threads;
    private final boolean showProgress;

    public DenseStudyRunner(Path resultsRoot, boolean showProgress) {
        this(resultsRoot, 1, showProgress);
    }

    /** @param threads Monte Carlo threads (the results do not depend on them) */
    public DenseStudyRunner(Path resultsRoot, int threads, boolean showProgress) {
        this.resultsRoot = resultsRoot;
        this.threads = threads;
        this.showProgress = showProgress;
    }

    public Outcome run(DenseStudy study) {
        long started = System.nanoTime();
        Map<String, Object> environment = Provenance.environment(Path.of("."));
        Map<String, List<AdaptiveLine.Sample>> lines = new LinkedHashMap<>();
        Map<String, Map<Double, Boundary>> located = new LinkedHashMap<>();
        int failures = 0;
        if (study.phaseDiagram().isPresent()) {
            DenseStudy.PhaseDiagram d = study.phaseDiagram().get();
            DenseSolver solver = new DenseSolver(d.interactionOrder(), study.quadratureOrder());
            Map<Double, List<Boundary>> cache = new TreeMap<>();
            Progress progress = Progress.onStderr("phase lines", (long) LINES.length * d.maxPoints(), showProgress);
            double lo = d.loads().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double hi = d.loads().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            AdaptiveLine adaptive = new AdaptiveLine(d.tolerance(), d.minWidth(), d.maxPoints());
            for (int k = 0; k < LINES.length; k++) {
                int line = k;
                Map<Double, Boundary> points = new TreeMap<>();
                List<AdaptiveLine.Sample> samples = adaptive.sample(load -> {
                    Boundary b = cache.computeIfAbsent(load, solver::phaseLines).get(line);
                    points.put(load, b);
                    progress.advance(1);
                    return new AdaptiveLine.Sample(load, b.temperature(), b.error(), b.exists());
                }, lo, hi, d.loads().size() - 1);
                lines.put(LINES[k], samples);
                located.put(LINES[k], points);
            }
            progress.finish();
        }
        List<Critical> critical = new ArrayList<>();
        if (study.criticalLoads().isPresent()) {
            DenseStudy.CriticalLoads c = study.criticalLoads().get();
            Progress progress = Progress.onStderr("critical loads", (long) c.orders().size() * c.ansatze().size(), showProgress);
            for (int p : c.orders()) {
                for (String ansatz : c.ansatze()) {
                    critical.add(criticalLoad(p, ansatz, study.quadratureOrder()));
                    progress.advance(1);
                }
            }
            progress.finish();
        }
        failures += (int) critical.stream().filter(r -> r.status() != SolveStatus.CONVERGED).count();
        DenseMonteCarlo.Overlay mc = DenseMonteCarlo.Overlay.NONE;
        if (study.simulation().isPresent()) {
            DenseStudy.Simulation sim = study.simulation().get();
            int p = study.phaseDiagram().orElseThrow().interactionOrder();
            mc = DenseMonteCarlo.Overlay.run(sim, p, threads, showProgress, DenseMonteCarlo.dense(sim, p, study.seed()));
        }
        List<String> simulationLines = mc.summary("m");
        int linePoints = lines.values().stream().mapToInt(List::size).sum();
        try (ResultDirectory out = ResultDirectory.create(resultsRoot, study.name())) {
            List<String> files = new ArrayList<>();
            if (study.phaseDiagram().isPresent()) {
                int p = study.phaseDiagram().get().interactionOrder();
                CsvTable t = new CsvTable("line", "interaction_order", "load", "temperature", "error", "exists", "status");
                for (String name : LINES) {
                    for (Boundary b : located.get(name).values()) {
                        t.row(name, p, b.load(), b.exists() ? b.temperature() : Double.NaN,
                                b.exists() ? b.error() : Double.NaN, b.exists(), b.status());
                    }
                }
                t.write(out.file("phase-lines.csv"));
                XYChart chart = phaseChart(study.name(), p, lines);
                if (study.simulation().isPresent()) {
                    DenseMonteCarlo.overlay(chart, study.simulation().get(), mc.points(), mc.fits());
                    DenseMonteCarlo.writeSimulation(mc.points(), out.file("simulation.csv"));
                    DenseMonteCarlo.writeTransition(p, mc.crossings(), mc.fits(), out.file("transition.csv"));
                    files.addAll(List.of("simulation.csv", "transition.csv"));
                }
                Figures.save(chart, out.file("phase-diagram"));
                files.addAll(List.of("phase-lines.csv", "phase-diagram.png", "phase-diagram.svg"));
            }
            if (!critical.isEmpty()) {
                CsvTable t = new CsvTable("interaction_order", "ansatz", "alpha_c", "error", "m", "q0",
                        "scaled_parisi_parameter", "alpha_c_rs", "differs_from_rs", "alpha_c_times_factorial_p_minus_1",
                        "large_p_leading_law", "large_p_next_order_law", "theory", "status", "message");
                for (Critical r : critical) {
                    double fact = new DenseHebbianModel(r.order()).factorialMinusOne();
                    boolean dense = r.order() >= 3;
                    DenseHebbianModel model = new DenseHebbianModel(r.order());
                    t.row(r.order(), r.ansatz(), r.load(), r.error(), r.m(), r.q0(), r.mu(), r.rsLoad(), r.differsFromRS(),
                            r.load() * fact, dense ? DenseZeroTemperatureEquations.largeOrderCriticalLoad(model) : Double.NaN,
                            dense && r.order() >= 4 ? DenseZeroTemperatureEquations.asymptoticCriticalLoad(model) : Double.NaN,
                            r.theory(), r.status(), r.message());
                }
                t.write(out.file("critical-loads.csv"));
                criticalFigure(study.name(), critical).write(out.file("critical-loads"));
                files.addAll(List.of("critical-loads.csv", "critical-loads.png", "critical-loads.svg"));
            }
            files.add("run.json");
            Json.write(runJson(study, environment, linePoints, critical.size(), failures, seconds(started), files),
                    out.file("run.json"));
            return new Outcome(out.commit(), linePoints, critical.size(), failures, seconds(started), simulationLines);
        }
    }

    static Critical criticalLoad(int p, String ansatz, int quadratureOrder) {
        if (p == 2) {
            HopfieldSolver rs = new HopfieldSolver(quadratureOrder);
            if (ansatz.equals("rs")) {
                CriticalLoad c = rs.criticalLoadZeroTemperature();
                return new Critical(2, "rs", c.load(), c.error(), c.m(), 1.0, Double.NaN, c.load(), false,
                        "Hopfield (AGS 1987), the exact P = 2 theory", c.status(), c.message());
            }
            OneStepCriticalLoad c = new HopfieldReplicaSymmetryBreaking(rs, 40, 8).criticalLoadZeroTemperature1RSB();
            return new Critical(2, "1rsb", c.load(), c.error(), c.m(), c.q0(), c.scaledParisiParameter(),
                    c.replicaSymmetricLoad(), c.differsFromRS(), "Hopfield 1RSB (Steffan-Kuehn 1994), the exact P = 2 theory",
                    c.status(), c.message());
        }
        DenseSolver solver = new DenseSolver(p, quadratureOrder);
        DenseCriticalLoad c = ansatz.equals("rs") ? solver.criticalLoadZeroTemperature()
                : solver.criticalLoadZeroTemperature1RSB();
        return new Critical(p, ansatz, c.load(), c.error(), c.m(), c.q0(), c.scaledParisiParameter(),
                c.replicaSymmetricLoad(), c.differsFromRS(), "dense P-body (Gardner 1987), H = -(N/P!) sum m^P",
                c.status(), c.message());
    }

    private interface Figure {
        void write(Path base);
    }

    private static XYChart phaseChart(String name, int p, Map<String, List<AdaptiveLine.Sample>> lines) {
        XYChart chart = Figures.chart(name + ": dense P = " + p + ", RS", "load alpha = K/N^(P-1)", "temperature T");
        int colour = 0;
        for (Map.Entry<String, List<AdaptiveLine.Sample>> e : lines.entrySet()) {
            double[] x = e.getValue().stream().filter(AdaptiveLine.Sample::exists).mapToDouble(AdaptiveLine.Sample::x).toArray();
            double[] y = e.getValue().stream().filter(AdaptiveLine.Sample::exists).mapToDouble(AdaptiveLine.Sample::y).toArray();
            if (x.length > 0) {
                Figures.line(chart, e.getKey(), x, y, Figures.PALETTE[colour], e.getKey().equals("T_AT"));
                Figures.points(chart, e.getKey() + " (located)", x, y, null, Figures.PALETTE[colour], SeriesMarkers.CIRCLE);
            }
            colour++;
        }
        return chart;
    }

    private static Figure criticalFigure(String name, List<Critical> rows) {
        XYChart chart = Figures.chart(name + ": T = 0 critical load", "interaction order P", "alpha_c (P-1)!");
        int colour = 0;
        for (String ansatz : List.of("rs", "1rsb")) {
            double[] x = rows.stream().filter(r -> r.ansatz().equals(ansatz) && Double.isFinite(r.load()))
                    .mapToDouble(Critical::order).toArray();
            double[] y = rows.stream().filter(r -> r.ansatz().equals(ansatz) && Double.isFinite(r.load()))
                    .mapToDouble(r -> r.load() * new DenseHebbianModel(r.order()).factorialMinusOne()).toArray();
            if (x.length > 0) {
                Figures.line(chart, ansatz.toUpperCase(java.util.Locale.ROOT), x, y, Figures.PALETTE[colour], false);
                Figures.points(chart, ansatz.toUpperCase(java.util.Locale.ROOT) + " points", x, y, null,
                        Figures.PALETTE[colour], SeriesMarkers.CIRCLE);
            }
            colour++;
        }
        double[] px = rows.stream().mapToInt(Critical::order).filter(p -> p >= 3).distinct().sorted().asDoubleStream().toArray();
        if (px.length > 0) {
            double[] law = new double[px.length];
            for (int i = 0; i < px.length; i++) {
                law[i] = 1.0 / (2.0 * Math.log(px[i]));
            }
            Figures.line(chart, "1/(2 ln P)", px, law, Figures.PALETTE[2], true);
        }
        return base -> Figures.save(chart, base);
    }

    private static Map<String, Object> runJson(DenseStudy study, Map<String, Object> environment, int linePoints,
            int criticalLoads, int failures, double seconds, List<String> files) {
        Map<String, Object> json = Provenance.studyHeader(study.name(), "dense", study.source(), study.configText(),
                environment, study.seed());
        json.put("normalization", "H = -(N/P!) sum_mu m_mu^P (self-interactions removed), load alpha = K/N^(P-1); "
                + "P = 2 rows use the Hopfield theory (AGS 1987; Steffan-Kuehn 1994 for 1RSB)");
        Map<String, Object> solver = new LinkedHashMap<>();
        solver.put("quadrature", "Gauss-Hermite, order " + study.quadratureOrder() + " (RS); 1RSB inner order 40, "
                + "outer composite Gauss-Legendre 16 x 8 panels");
        solver.put("phase_lines", "pseudo-arclength continuation in T from the T = 0 equations (above alpha_c(T = 0): from "
                + "a retrieval state found by a scan in T, followed both ways); T_M its upper turning point, T_R its lower "
                + "one where the retrieval region is reentrant, T_c (and T_c_low below it) the free-energy crossings with the "
                + "1RSB glass (the paramagnet above its static temperature T_s), T_d, T_s and T_G the 1RSB glass lines of the "
                + "Ising P-spin glass at J^2 = 2 alpha/P!, T_AT the replicon root; loads refined adaptively");
        solver.put("critical_loads", "RS: maximum of alpha(y) (closed form); 1RSB: turning point in the load of the "
                + "T = 0 1RSB branch with mu = beta x stationary");
        solver.put("line_points", linePoints);
        solver.put("critical_loads_computed", criticalLoads);
        solver.put("not_located", failures);
        json.put("solver", solver);
        study.phaseDiagram().ifPresent(d -> json.put("phase_diagram", Map.of("interaction_order", d.interactionOrder(),
                "start_loads", d.loads(), "tolerance", d.tolerance(), "min_width", d.minWidth(), "max_points", d.maxPoints())));
        study.simulation().ifPresent(sim -> {
            Map<String, Object> mc = new LinkedHashMap<>();
            mc.put("neurons", sim.neurons());
            mc.put("loads", sim.loads());
            mc.put("temperatures", sim.temperatures());
            mc.put("samples", sim.samples());
            mc.put("equilibration_sweeps", sim.equilibrationSweeps());
            mc.put("measurement_sweeps", sim.measurementSweeps());
            mc.put("dynamics", "Glauber (heat bath), random sequential sites; two replicas per sample, both started from "
                    + "pattern 1; K = max(1, round(alpha N^(P-1))) i.i.d. +-1 patterns");
            mc.put("random_streams", "grid point g = (N, load, T) with N slowest, T fastest, each sorted; sample s uses "
                    + "(seed, g, s, stream): 0 patterns, 1 start, 2 and 3 the replicas; independent of --threads");
            mc.put("transition", "first load where the mean overlap with pattern 1 falls through 1/2, linear interpolation "
                    + "in the actual load K/N^(P-1), error from the overlap errors; extrapolated linearly in 1/N by weighted "
                    + "least squares (error inflated by sqrt(chi^2/dof) when > 1)");
            json.put("simulation", mc);
        });
        study.criticalLoads().ifPresent(c -> json.put("critical_loads", Map.of("interaction_orders", c.orders(),
                "ansatz", c.ansatze())));
        json.put("timing", Map.of("total_seconds", seconds));
        json.put("files", files);
        return json;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
