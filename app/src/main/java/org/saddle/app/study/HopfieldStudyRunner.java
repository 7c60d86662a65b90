package org.saddle.app.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.saddle.app.config.HopfieldStudy;
import org.saddle.app.output.CsvTable;
import org.saddle.app.output.Json;
import org.saddle.app.output.Labels;
import org.saddle.app.output.OverlapFigure;
import org.saddle.app.output.PhaseDiagramFigure;
import org.saddle.app.output.Provenance;
import org.saddle.app.output.ReferencePoints;
import org.saddle.app.sweep.Payload;
import org.saddle.app.sweep.ConfiguredStudy;
import org.saddle.app.sweep.ShardableStudy;
import org.saddle.app.sweep.Sweeps;
import org.saddle.solver.SolveResult;
import org.saddle.solver.SolveStatus;
import org.saddle.simulation.Dynamics;
import org.saddle.simulation.HopfieldSimulation;
import org.saddle.simulation.HopfieldSimulationResult;
import org.saddle.simulation.HopfieldSimulationSpec;
import org.saddle.solver.Boundary;
import org.saddle.theory.hopfield.HopfieldPhase;
import org.saddle.solver.hopfield.HopfieldSolution;
import org.saddle.solver.hopfield.HopfieldSolver;
import org.saddle.solver.hopfield.PhaseLines;

/**
 * The Hopfield study as a {@link ShardableStudy}: RS theory at every grid point and along the phase lines,
 * Monte Carlo at every grid point, their comparison, and the figures.
 *
 * <p>Units, in this order: {@code lines/i} (T_g, T_M, T_c, T_AT at line load i), {@code theory/p} (every RS
 * branch at grid point p), {@code curve/l} (the RS retrieval m(T) at grid load l, for the overlap figure)
 * and {@code sim/p/s} (Monte Carlo sample s of grid point p; its random streams derive from (seed, p, s)).
 * Each thread has its own {@link HopfieldSolver}.
 */
public final class HopfieldStudyRunner extends ConfiguredStudy<HopfieldStudyRunner.UnitResult> {
    private final HopfieldStudy study;
    private final ThreadLocal<HopfieldSolver> solvers;

    public HopfieldStudyRunner(HopfieldStudy study) {
        super("hopfield", study.name(), study.source(), study.configText());
        this.study = study;
        this.solvers = ThreadLocal.withInitial(() -> new HopfieldSolver(study.quadratureOrder()));
    }

    /** The outcome of one grid point: the theory branches and, when simulated, the Monte Carlo result. */
    public record GridPoint(int index, double load, double temperature, List<HopfieldSolution> theory,
            Optional<HopfieldSimulationResult> simulation) {

        /** The branch Monte Carlo started from the condensed pattern should follow: retrieval when it exists. */
        public HopfieldSolution expectedBranch() {
            return theory.stream().filter(s -> s.phase() == HopfieldPhase.RETRIEVAL).findFirst()
                    .orElseGet(() -> globalMinimum());
        }

        /** The branch of lowest free energy among those that converged. */
        public HopfieldSolution globalMinimum() {
            return theory.stream().min((a, b) -> Double.compare(a.freeEnergy(), b.freeEnergy()))
                    .orElseThrow(() -> new IllegalStateException("no RS solution at load " + load + ", T " + temperature));
        }
    }

    /** The result of one unit. */
    public interface UnitResult {}

    /** T_g, T_M, T_c, T_AT at one line load. */
    public record LinesUnit(Boundary spinGlass, Boundary retrievalSpinodal, Boundary firstOrder, Boundary almeidaThouless)
            implements UnitResult {}

    /** Every RS branch at one grid point. */
    public record TheoryUnit(List<HopfieldSolution> solutions) implements UnitResult {
        public TheoryUnit {
            solutions = List.copyOf(solutions);
        }
    }

    /** The RS retrieval overlap m(T) at one grid load. */
    public record CurveUnit(double[] temperatures, double[] overlaps) implements UnitResult {}

    /** One Monte Carlo sample. */
    public record SampleUnit(HopfieldSimulation.SampleResult sample) implements UnitResult {}

    private int samples() {
        return study.simulation().map(HopfieldStudy.Simulation::samples).orElse(0);
    }

    @Override
    public List<String> units() {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < study.lineLoads().size(); i++) {
            units.add("lines/" + i);
        }
        for (int p = 0; p < study.gridPoints(); p++) {
            units.add("theory/" + p);
        }
        for (int l = 0; l < study.loads().size(); l++) {
            units.add("curve/" + l);
        }
        for (int p = 0; p < study.gridPoints(); p++) {
            for (int s = 0; s < samples(); s++) {
                units.add("sim/" + p + "/" + s);
            }
        }
        return units;
    }

    /** Grid point p is (loads[p / temperatures], temperatures[p % temperatures]), as in theory.csv. */
    private double load(int point) {
        return study.loads().get(point / study.temperatures().size());
    }

    private double temperature(int point) {
        return study.temperatures().get(point % study.temperatures().size());
    }

    @Override
    public UnitResult compute(String unit) {
        String[] key = unit.split("/");
        HopfieldSolver solver = solvers.get();
        switch (key[0]) {
            case "lines": {
                double load = study.lineLoads().get(Integer.parseInt(key[1]));
                PhaseLines lines = solver.phaseLines(new double[] {load});
                return new LinesUnit(lines.spinGlass().get(0), lines.retrievalSpinodal().get(0), lines.firstOrder().get(0),
                        lines.almeidaThouless().get(0));
            }
            case "theory": {
                int p = Integer.parseInt(key[1]);
                return new TheoryUnit(solver.solve(load(p), temperature(p)));
            }
            case "curve":
                return overlapCurve(solver, study.loads().get(Integer.parseInt(key[1])));
            case "sim": {
                int p = Integer.parseInt(key[1]);
                HopfieldSimulationSpec spec = simulationSpec(study, study.simulation().orElseThrow(), p, load(p), temperature(p));
                return new SampleUnit(HopfieldSimulation.sample(spec, Integer.parseInt(key[2])));
            }
            default:
                throw new IllegalArgumentException("not a unit of a Hopfield study: " + unit);
        }
    }

    @Override
    public String encode(UnitResult result) {
        Payload.Writer w = Payload.writer();
        if (result instanceof LinesUnit l) {
            for (Boundary b : List.of(l.spinGlass(), l.retrievalSpinodal(), l.firstOrder(), l.almeidaThouless())) {
                w.add(b.line()).add(b.load()).add(b.temperature()).add(b.error()).add(b.exists()).add(b.status());
            }
        } else if (result instanceof TheoryUnit t) {
            w.add(t.solutions().size());
            for (HopfieldSolution s : t.solutions()) {
                w.add(s.phase().name()).add(s.load()).add(s.temperature()).add(s.m()).add(s.q()).add(s.r())
                        .add(s.susceptibility()).add(s.freeEnergy()).add(s.replicon());
                SolveResult r = s.report();
                w.add(r.solution()).add(r.residual()).add(r.iterations()).add(r.status().name());
            }
        } else if (result instanceof CurveUnit c) {
            w.add(c.temperatures()).add(c.overlaps());
        } else if (result instanceof SampleUnit s) {
            w.add(s.sample().overlap()).add(s.sample().energy()).add(s.sample().replicaOverlap());
        } else {
            throw new IllegalArgumentException("not a Hopfield unit result: " + result);
        }
        return w.toString();
    }

    @Override
    public UnitResult decode(String unit, String payload) {
        Payload.Reader r = Payload.reader(payload);
        UnitResult result;
        switch (Sweeps.kind(unit)) {
            case "lines": {
                Boundary[] b = new Boundary[4];
                for (int i = 0; i < 4; i++) {
                    b[i] = new Boundary(r.nextString(), r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextBoolean(),
                            r.nextString());
                }
                result = new LinesUnit(b[0], b[1], b[2], b[3]);
                break;
            }
            case "theory": {
                int n = r.nextInt();
                List<HopfieldSolution> solutions = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    HopfieldPhase phase = HopfieldPhase.valueOf(r.nextString());
                    double load = r.nextDouble();
                    double temperature = r.nextDouble();
                    double m = r.nextDouble();
                    double q = r.nextDouble();
                    double rr = r.nextDouble();
                    double susceptibility = r.nextDouble();
                    double freeEnergy = r.nextDouble();
                    double replicon = r.nextDouble();
                    SolveResult report = new SolveResult(r.nextDoubles(), r.nextDouble(), r.nextInt(),
                            SolveStatus.valueOf(r.nextString()));
                    solutions.add(new HopfieldSolution(phase, load, temperature, m, q, rr, susceptibility, freeEnergy,
                            replicon, report));
                }
                result = new TheoryUnit(solutions);
                break;
            }
            case "curve":
                result = new CurveUnit(r.nextDoubles(), r.nextDoubles());
                break;
            case "sim":
                result = new SampleUnit(new HopfieldSimulation.SampleResult(r.nextDouble(), r.nextDouble(), r.nextDouble()));
                break;
            default:
                throw new IllegalArgumentException("not a unit of a Hopfield study: " + unit);
        }
        r.end();
        return result;
    }

    @Override
    public Written write(List<UnitResult> results, Path staging) {
        int lineCount = study.lineLoads().size();
        int gridCount = study.gridPoints();
        int loadCount = study.loads().size();
        List<Boundary> g = new ArrayList<>();
        List<Boundary> mm = new ArrayList<>();
        List<Boundary> c = new ArrayList<>();
        List<Boundary> at = new ArrayList<>();
        int u = 0;
        for (int i = 0; i < lineCount; i++, u++) {
            LinesUnit l = (LinesUnit) results.get(u);
            g.add(l.spinGlass());
            mm.add(l.retrievalSpinodal());
            c.add(l.firstOrder());
            at.add(l.almeidaThouless());
        }
        PhaseLines lines = new PhaseLines(g, mm, c, at);
        List<GridPoint> points = new ArrayList<>();
        for (int p = 0; p < gridCount; p++, u++) {
            points.add(new GridPoint(p, load(p), temperature(p), ((TheoryUnit) results.get(u)).solutions(), Optional.empty()));
        }
        Map<Double, double[][]> curves = new LinkedHashMap<>();
        for (int l = 0; l < loadCount; l++, u++) {
            CurveUnit curve = (CurveUnit) results.get(u);
            curves.put(study.loads().get(l), new double[][] {curve.temperatures(), curve.overlaps()});
        }
        if (study.simulation().isPresent()) {
            HopfieldStudy.Simulation settings = study.simulation().get();
            List<GridPoint> simulated = new ArrayList<>();
            for (GridPoint point : points) {
                List<HopfieldSimulation.SampleResult> samples = new ArrayList<>();
                for (int s = 0; s < settings.samples(); s++, u++) {
                    samples.add(((SampleUnit) results.get(u)).sample());
                }
                HopfieldSimulationSpec spec = simulationSpec(study, settings, point.index(), point.load(), point.temperature());
                // Wall time per point is not kept here (it would make the file differ between runs): see timing.json.
                HopfieldSimulationResult result = HopfieldSimulation.combine(spec, samples, Double.NaN);
                simulated.add(new GridPoint(point.index(), point.load(), point.temperature(), point.theory(), Optional.of(result)));
            }
            points = simulated;
        }

        int unconverged = (int) points.stream().flatMap(p -> p.theory().stream())
                .filter(s -> !s.report().converged()).count();
        theoryTable(points).write(staging.resolve("theory.csv"));
        phaseLineTable(lines).write(staging.resolve("phase-lines.csv"));
        List<String> files = new ArrayList<>(List.of("theory.csv", "phase-lines.csv"));
        if (study.simulation().isPresent()) {
            simulationTable(points).write(staging.resolve("simulation.csv"));
            comparisonTable(points).write(staging.resolve("comparison.csv"));
            files.addAll(List.of("simulation.csv", "comparison.csv"));
        }
        List<ReferencePoints.Point> published = study.reference()
                .map(file -> ReferencePoints.read(file, study.source() + ": key 'reference'")).orElse(List.of());
        new PhaseDiagramFigure(study.name(), lines, points, published).write(staging.resolve("phase-diagram"));
        OverlapFigure.write(study.name(), curves, points, staging.resolve("overlap"));
        files.addAll(List.of("phase-diagram.png", "phase-diagram.svg", "overlap.png", "overlap.svg"));
        files.add("run.json");
        Json.write(runJson(points, lines, unconverged, files), staging.resolve("run.json"));
        List<String> warnings = new ArrayList<>();
        if (unconverged > 0) {
            warnings.add("warning: " + unconverged + " RS branches did not converge; see the status column of theory.csv");
        }
        return new Written(files, List.of(String.format("study %s: %d grid points, %d phase-line loads", study.name(),
                points.size(), lineCount)), warnings);
    }

    /** The RS retrieval overlap m(T) at one load on a fine temperature grid, up to where the branch ends. */
    private CurveUnit overlapCurve(HopfieldSolver solver, double load) {
        double top = Math.max(0.1, study.temperatures().stream().mapToDouble(Double::doubleValue).max().orElse(1.0));
        int steps = 60;
        List<double[]> curve = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            double temperature = top * i / steps;
            solver.solve(load, temperature).stream()
                    .filter(s -> s.phase() == HopfieldPhase.RETRIEVAL && s.report().converged())
                    .findFirst().ifPresent(s -> curve.add(new double[] {temperature, s.m()}));
        }
        return new CurveUnit(curve.stream().mapToDouble(p -> p[0]).toArray(), curve.stream().mapToDouble(p -> p[1]).toArray());
    }

    static HopfieldSimulationSpec simulationSpec(HopfieldStudy study, HopfieldStudy.Simulation settings, int point,
            double load, double temperature) {
        int patterns = (int) Math.round(load * settings.neurons());
        Dynamics dynamics = temperature == 0.0 ? Dynamics.ZERO_TEMPERATURE : settings.dynamics();
        return new HopfieldSimulationSpec(settings.neurons(), patterns, temperature, dynamics,
                settings.equilibrationSweeps(), settings.measurementSweeps(), settings.samples(), study.seed(),
                point, settings.cueNoise());
    }

    static CsvTable theoryTable(List<GridPoint> points) {
        CsvTable table = new CsvTable("grid_point", "load", "temperature", "phase", "m", "q", "r", "susceptibility",
                "free_energy", "global_minimum", "replicon", "rs_stable", "status", "residual", "iterations");
        for (GridPoint point : points) {
            HopfieldSolution minimum = point.theory().isEmpty() ? null : point.globalMinimum();
            for (HopfieldSolution s : point.theory()) {
                table.row(point.index(), point.load(), point.temperature(), Labels.of(s.phase()), s.m(), s.q(), s.r(),
                        s.susceptibility(), s.freeEnergy(), s == minimum, s.replicon(), s.replicon() > 0,
                        s.report().status(), s.report().residual(), s.report().iterations());
            }
        }
        return table;
    }

    static CsvTable phaseLineTable(PhaseLines lines) {
        CsvTable table = new CsvTable("line", "load", "temperature", "error", "exists", "status");
        for (List<Boundary> line : List.of(lines.spinGlass(), lines.retrievalSpinodal(), lines.firstOrder(), lines.almeidaThouless())) {
            for (Boundary b : line) {
                table.row(b.line(), b.load(), b.exists() ? b.temperature() : Double.NaN,
                        b.exists() ? b.error() : Double.NaN, b.exists(), b.status());
            }
        }
        return table;
    }

    static CsvTable simulationTable(List<GridPoint> points) {
        CsvTable table = new CsvTable("grid_point", "load", "temperature", "neurons", "patterns", "dynamics", "samples",
                "m", "m_error", "energy", "energy_error", "q", "q_error", "attempted_flips");
        for (GridPoint point : points) {
            HopfieldSimulationResult r = point.simulation().orElseThrow();
            HopfieldSimulationSpec spec = r.spec();
            table.row(point.index(), point.load(), point.temperature(), spec.neurons(), spec.patterns(),
                    spec.dynamics().name().toLowerCase(java.util.Locale.ROOT), spec.samples(),
                    r.overlap().mean(), r.overlap().standardError(), r.energy().mean(), r.energy().standardError(),
                    r.replicaOverlap().mean(), r.replicaOverlap().standardError(), r.attemptedFlips());
        }
        return table;
    }

    /**
     * Theory against simulation at each grid point. The theory branch is the one Monte Carlo started
     * from the condensed pattern follows (retrieval where it exists, even when metastable); z is the
     * difference in units of the simulation's standard error (finite-N effects make |z| large near
     * the transitions: that is information, not a failure).
     */
    static CsvTable comparisonTable(List<GridPoint> points) {
        CsvTable table = new CsvTable("grid_point", "load", "temperature", "theory_phase", "theory_m", "simulation_m",
                "simulation_m_error", "z_m", "theory_q", "simulation_q", "simulation_q_error", "z_q");
        for (GridPoint point : points) {
            HopfieldSimulationResult r = point.simulation().orElseThrow();
            HopfieldSolution branch = point.expectedBranch();
            table.row(point.index(), point.load(), point.temperature(), Labels.of(branch.phase()),
                    branch.m(), r.overlap().mean(), r.overlap().standardError(), z(branch.m(), r.overlap().mean(), r.overlap().standardError()),
                    branch.q(), r.replicaOverlap().mean(), r.replicaOverlap().standardError(),
                    z(branch.q(), r.replicaOverlap().mean(), r.replicaOverlap().standardError()));
        }
        return table;
    }

    private static double z(double theory, double mean, double error) {
        return error > 0 ? (mean - theory) / error : Double.NaN;
    }

    /** run.json: everything that determines the results; nothing that varies between runs (that is timing.json). */
    private Map<String, Object> runJson(List<GridPoint> points, PhaseLines lines, int unconverged, List<String> files) {
        Map<String, Object> json = Provenance.studyHeader(study.name(), "hopfield", study.source(), study.configText(),
                Provenance.code(Path.of(".")), study.seed());
        json.put("random_streams", "one stream per (seed, grid_point, sample): grid_point is the row index of theory.csv's grid, "
                + "sample the disorder realization; independent of --threads and of --shard");
        Map<String, Object> solver = new LinkedHashMap<>();
        solver.put("ansatz", "rs");
        solver.put("quadrature", "Gauss-Hermite, order " + study.quadratureOrder());
        solver.put("branches_solved", points.stream().mapToInt(p -> p.theory().size()).sum());
        solver.put("branches_not_converged", unconverged);
        solver.put("phase_line_points", lines.spinGlass().size() + lines.retrievalSpinodal().size()
                + lines.firstOrder().size() + lines.almeidaThouless().size());
        json.put("solver", solver);
        study.simulation().ifPresent(sim -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("neurons", sim.neurons());
            s.put("samples", sim.samples());
            s.put("dynamics", sim.dynamics().name().toLowerCase(java.util.Locale.ROOT) + " (T > 0), zero_temperature (T = 0)");
            s.put("equilibration_sweeps", sim.equilibrationSweeps());
            s.put("measurement_sweeps", sim.measurementSweeps());
            s.put("cue_noise", sim.cueNoise());
            json.put("simulation", s);
        });
        json.put("timing", "see timing.json (host, JVM, wall and compute seconds)");
        json.put("files", files);
        return json;
    }
}
