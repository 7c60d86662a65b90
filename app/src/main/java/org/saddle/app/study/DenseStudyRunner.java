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
import org.saddle.app.output.Provenance;
import org.saddle.app.sweep.Payload;
import org.saddle.app.sweep.ConfiguredStudy;
import org.saddle.app.sweep.ShardableStudy;
import org.saddle.app.sweep.Sweeps;
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
 * Writes phase-lines.csv, critical-loads.csv, their figures and run.json into results/&lt;study&gt;/.
 *
 * <p>A {@link ShardableStudy} (sharded, journaled, resumable; see {@link org.saddle.app.sweep.Sweeps}). Its units, in
 * this order: {@code lines} (every phase line: one unit, since the adaptive refinement of the loads is one sequential
 * computation whose next load depends on the lines found so far, sharing the solves of a load across the lines),
 * {@code critical/P/ansatz} (one T = 0 critical load each) and {@code mc/g} (Monte Carlo grid point g with all its
 * samples; its streams derive from (seed, g, sample), so it gives the same result on any shard or thread).
 */
public final class DenseStudyRunner extends ConfiguredStudy<DenseStudyRunner.Unit> {

    /** The result of one unit. */
    sealed interface Unit permits Lines, Critical, Simulated {}

    /**
     * The {@code lines} unit: per line of {@link #LINES}, the adaptive samples (drawn) and the located points in
     * increasing load (phase-lines.csv).
     */
    record Lines(List<List<AdaptiveLine.Sample>> samples, List<List<Boundary>> located) implements Unit {}

    /** One row of critical-loads.csv (the unit {@code critical/P/ansatz}). */
    record Critical(int order, String ansatz, double load, double error, double m, double q0, double mu, double rsLoad,
            boolean differsFromRS, String theory, SolveStatus status, String message) implements Unit {

        void encode(Payload.Writer w) {
            w.add(order).add(ansatz).add(load).add(error).add(m).add(q0).add(mu).add(rsLoad).add(differsFromRS)
                    .add(theory).add(status.name()).addNullable(message);
        }

        static Critical decode(Payload.Reader r) {
            return new Critical(r.nextInt(), r.nextString(), r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(),
                    r.nextDouble(), r.nextDouble(), r.nextBoolean(), r.nextString(), SolveStatus.valueOf(r.nextString()),
                    r.nextNullableString());
        }
    }

    /** The unit {@code mc/g}: Monte Carlo grid point g. */
    record Simulated(DenseMonteCarlo.Point point) implements Unit {}

    /** The lines in the order of {@link DenseSolver#phaseLines}. */
    private static final String[] LINES = {"T_M", "T_c", "T_AT", "T_R", "T_c_low", "T_d", "T_s", "T_G"};

    private final DenseStudy study;

    public DenseStudyRunner(DenseStudy study) {
        super("dense", study.name(), study.source(), study.configText());
        this.study = study;
    }

    @Override
    public List<String> units() {
        List<String> units = new ArrayList<>();
        study.phaseDiagram().ifPresent(d -> units.add("lines"));
        study.criticalLoads().ifPresent(c -> {
            for (int p : c.orders()) {
                for (String ansatz : c.ansatze()) {
                    units.add("critical/" + p + "/" + ansatz);
                }
            }
        });
        study.simulation().ifPresent(sim -> {
            for (int g = 0; g < sim.gridPoints(); g++) {
                units.add("mc/" + g);
            }
        });
        return units;
    }

    @Override
    public Unit compute(String unit) {
        String[] key = unit.split("/");
        switch (key[0]) {
            case "lines":
                return lines(study.phaseDiagram().orElseThrow());
            case "critical":
                return criticalLoad(Integer.parseInt(key[1]), key[2], study.quadratureOrder());
            case "mc": {
                DenseStudy.Simulation sim = study.simulation().orElseThrow();
                int p = study.phaseDiagram().orElseThrow().interactionOrder();
                return new Simulated(DenseMonteCarlo.gridPoint(sim, p, Integer.parseInt(key[1]),
                        DenseMonteCarlo.dense(sim, p, study.seed())));
            }
            default:
                throw new IllegalArgumentException("not a unit of a dense study: " + unit);
        }
    }

    /** Every phase line, sampled adaptively in the load; the solves of one load are shared by all lines. */
    private Lines lines(DenseStudy.PhaseDiagram d) {
        DenseSolver solver = new DenseSolver(d.interactionOrder(), study.quadratureOrder());
        Map<Double, List<Boundary>> cache = new TreeMap<>();
        double lo = d.loads().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = d.loads().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        AdaptiveLine adaptive = new AdaptiveLine(d.tolerance(), d.minWidth(), d.maxPoints());
        List<List<AdaptiveLine.Sample>> samples = new ArrayList<>();
        List<List<Boundary>> located = new ArrayList<>();
        for (int k = 0; k < LINES.length; k++) {
            int line = k;
            Map<Double, Boundary> points = new TreeMap<>();
            samples.add(adaptive.sample(load -> {
                Boundary b = cache.computeIfAbsent(load, solver::phaseLines).get(line);
                points.put(load, b);
                return new AdaptiveLine.Sample(load, b.temperature(), b.error(), b.exists());
            }, lo, hi, d.loads().size() - 1));
            located.add(List.copyOf(points.values()));
        }
        return new Lines(samples, located);
    }

    @Override
    public String encode(Unit result) {
        Payload.Writer w = Payload.writer();
        if (result instanceof Lines lines) {
            for (int k = 0; k < LINES.length; k++) {
                w.add(lines.samples().get(k).size());
                for (AdaptiveLine.Sample s : lines.samples().get(k)) {
                    w.add(s.x()).add(s.y()).add(s.error()).add(s.exists());
                }
                w.add(lines.located().get(k).size());
                for (Boundary b : lines.located().get(k)) {
                    JournalValues.add(w, b);
                }
            }
        } else if (result instanceof Critical c) {
            c.encode(w);
        } else if (result instanceof Simulated s) {
            DenseMonteCarlo.encode(w, s.point());
        }
        return w.toString();
    }

    @Override
    public Unit decode(String unit, String payload) {
        Payload.Reader r = Payload.reader(payload);
        Unit result = switch (Sweeps.kind(unit)) {
            case "lines" -> {
                List<List<AdaptiveLine.Sample>> samples = new ArrayList<>();
                List<List<Boundary>> located = new ArrayList<>();
                for (int k = 0; k < LINES.length; k++) {
                    List<AdaptiveLine.Sample> line = new ArrayList<>();
                    for (int j = r.nextInt(); j > 0; j--) {
                        line.add(new AdaptiveLine.Sample(r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextBoolean()));
                    }
                    samples.add(line);
                    List<Boundary> points = new ArrayList<>();
                    for (int j = r.nextInt(); j > 0; j--) {
                        points.add(JournalValues.readBoundary(r));
                    }
                    located.add(points);
                }
                yield new Lines(samples, located);
            }
            case "critical" -> Critical.decode(r);
            case "mc" -> new Simulated(DenseMonteCarlo.decode(r));
            default -> throw new IllegalArgumentException("not a unit of a dense study: " + unit);
        };
        r.end();
        return result;
    }

    @Override
    public Written write(List<Unit> results, Path out) {
        Lines lines = null;
        List<Critical> critical = new ArrayList<>();
        List<DenseMonteCarlo.Point> points = new ArrayList<>();
        for (Unit u : results) {
            if (u instanceof Lines l) {
                lines = l;
            } else if (u instanceof Critical c) {
                critical.add(c);
            } else if (u instanceof Simulated s) {
                points.add(s.point());
            }
        }
        int failures = (int) critical.stream().filter(r -> r.status() != SolveStatus.CONVERGED).count();
        DenseMonteCarlo.Overlay mc = study.simulation().map(sim -> DenseMonteCarlo.Overlay.of(sim, points))
                .orElse(DenseMonteCarlo.Overlay.NONE);
        int linePoints = lines == null ? 0 : lines.samples().stream().mapToInt(List::size).sum();
        List<String> files = new ArrayList<>();
        if (study.phaseDiagram().isPresent()) {
            int p = study.phaseDiagram().get().interactionOrder();
            CsvTable t = new CsvTable("line", "interaction_order", "load", "temperature", "error", "exists", "status");
            Map<String, List<AdaptiveLine.Sample>> drawn = new LinkedHashMap<>();
            for (int k = 0; k < LINES.length; k++) {
                for (Boundary b : lines.located().get(k)) {
                    t.row(LINES[k], p, b.load(), b.exists() ? b.temperature() : Double.NaN,
                            b.exists() ? b.error() : Double.NaN, b.exists(), b.status());
                }
                drawn.put(LINES[k], lines.samples().get(k));
            }
            t.write(out.resolve("phase-lines.csv"));
            XYChart chart = phaseChart(study.name(), p, drawn);
            if (study.simulation().isPresent()) {
                DenseMonteCarlo.overlay(chart, study.simulation().get(), mc.points(), mc.fits());
                DenseMonteCarlo.writeSimulation(mc.points(), out.resolve("simulation.csv"));
                DenseMonteCarlo.writeTransition(p, mc.crossings(), mc.fits(), out.resolve("transition.csv"));
                files.addAll(List.of("simulation.csv", "transition.csv"));
            }
            Figures.save(chart, out.resolve("phase-diagram"));
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
            t.write(out.resolve("critical-loads.csv"));
            criticalFigure(study.name(), critical).write(out.resolve("critical-loads"));
            files.addAll(List.of("critical-loads.csv", "critical-loads.png", "critical-loads.svg"));
        }
        files.add("run.json");
        Json.write(runJson(study, linePoints, critical.size(), failures, files), out.resolve("run.json"));
        List<String> warnings = new ArrayList<>();
        if (failures > 0) {
            warnings.add("warning: " + failures + " lines or critical loads were not located; see the status columns");
        }
        List<String> summary = new ArrayList<>(List.of(String.format(
                "study %s: %d phase-line points, %d critical loads", study.name(), linePoints, critical.size())));
        summary.addAll(mc.summary("m"));
        return new Written(files, summary, warnings);
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

    private static Map<String, Object> runJson(DenseStudy study, int linePoints, int criticalLoads, int failures,
            List<String> files) {
        Map<String, Object> json = Provenance.studyHeader(study.name(), "dense", study.source(), study.configText(),
                Provenance.code(Path.of(".")), study.seed());
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
        // LinkedHashMap, not Map.of: Map.of iterates in an order that differs between JVMs, and run.json must be
        // the same bytes whichever process (a shard, a merge) writes it.
        study.phaseDiagram().ifPresent(d -> {
            Map<String, Object> diagram = new LinkedHashMap<>();
            diagram.put("interaction_order", d.interactionOrder());
            diagram.put("start_loads", d.loads());
            diagram.put("tolerance", d.tolerance());
            diagram.put("min_width", d.minWidth());
            diagram.put("max_points", d.maxPoints());
            json.put("phase_diagram", diagram);
        });
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
                    + "(seed, g, s, stream): 0 patterns, 1 start, 2 and 3 the replicas; independent of --threads and of --shard");
            mc.put("transition", "first load where the mean overlap with pattern 1 falls through 1/2, linear interpolation "
                    + "in the actual load K/N^(P-1), error from the overlap errors; extrapolated linearly in 1/N by weighted "
                    + "least squares (error inflated by sqrt(chi^2/dof) when > 1)");
            json.put("simulation", mc);
        });
        study.criticalLoads().ifPresent(c -> {
            Map<String, Object> critical = new LinkedHashMap<>();
            critical.put("interaction_orders", c.orders());
            critical.put("ansatz", c.ansatze());
            json.put("critical_loads", critical);
        });
        json.put("units", "lines (every phase line, one adaptive refinement), critical/P/ansatz (one T = 0 critical "
                + "load) and mc/g (Monte Carlo grid point g, all its samples); see journal/");
        json.put("timing", "see timing.json (host, JVM, wall and compute seconds)");
        json.put("files", files);
        return json;
    }

}
