package org.saddle.app.study;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saddle.app.output.CsvTable;
import org.saddle.app.output.Figures;
import org.saddle.app.output.ReferencePoints;
import org.saddle.app.output.Json;
import org.saddle.app.output.Provenance;
import org.saddle.app.sweep.Payload;
import org.saddle.app.sweep.ConfiguredStudy;
import org.saddle.app.sweep.ShardableStudy;
import org.saddle.app.sweep.Sweeps;
import org.saddle.simulation.Estimate;
import org.saddle.simulation.teacherstudent.TeacherStudentSample;
import org.saddle.simulation.teacherstudent.TeacherStudentSimulation;
import org.saddle.simulation.teacherstudent.TeacherStudentSpec;
import org.saddle.solver.Boundary;
import org.saddle.solver.teacherstudent.LoadLine;
import org.saddle.solver.teacherstudent.TeacherStudentSolution;
import org.saddle.solver.teacherstudent.TeacherStudentSolver;
import org.saddle.theory.teacherstudent.TeacherStudentModel;

/**
 * The teacher-student study as a {@link ShardableStudy}. Units, in this order: {@code lines/i} (alpha_lR and alpha_gR
 * at line temperature i), {@code curve/l} (the RS teacher overlap t(T) at overlap load l) and {@code sim/p/s} (Monte
 * Carlo sample s of grid point p = load index x temperatures + temperature index; streams from (seed, p, s)). Each
 * thread has its own solver.
 */
public final class TeacherStudentStudyRunner extends ConfiguredStudy<TeacherStudentStudyRunner.UnitResult> {

    private static final int CURVE_POINTS = 61;

    private final TeacherStudentStudyType.Study study;
    private final ThreadLocal<TeacherStudentSolver> solvers;
    private final TeacherStudentModel model;

    public TeacherStudentStudyRunner(TeacherStudentStudyType.Study study) {
        super("teacher-student", study.name(), study.source(), study.configText());
        this.study = study;
        this.model = new TeacherStudentModel(study.interactionOrder());
        this.solvers = ThreadLocal.withInitial(() -> new TeacherStudentSolver(study.interactionOrder(), study.quadratureOrder()));
    }

    /** Result of one unit. */
    public interface UnitResult {}

    /** The load lines at one temperature: alpha_lR, alpha_gR, alpha_eR. */
    public record LinesUnit(LoadLine retrievalOnset, LoadLine thermodynamic, LoadLine exampleEnd) implements UnitResult {}

    /** RS t(T) at one load: NaN where the retrieval branch does not exist; aligned[i] where the teacher is aligned. */
    public record CurveUnit(double[] temperatures, double[] teacherOverlaps, boolean[] aligned) implements UnitResult {}

    /** One Monte Carlo sample. */
    public record SampleUnit(TeacherStudentSample sample) implements UnitResult {}

    private int samples() {
        return study.simulation().map(TeacherStudentStudyType.Simulation::samples).orElse(0);
    }

    private int gridPoints() {
        return study.simulation().map(TeacherStudentStudyType.Simulation::gridPoints).orElse(0);
    }

    @Override
    public List<String> units() {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < study.lineTemperatures().size(); i++) {
            units.add("lines/" + i);
        }
        for (int l = 0; l < study.curveLoads().size(); l++) {
            units.add("curve/" + l);
        }
        for (int p = 0; p < gridPoints(); p++) {
            for (int s = 0; s < samples(); s++) {
                units.add("sim/" + p + "/" + s);
            }
        }
        return units;
    }

    private double simLoad(int point) {
        TeacherStudentStudyType.Simulation sim = study.simulation().orElseThrow();
        return sim.loads().get(point / sim.temperatures().size());
    }

    private double simTemperature(int point) {
        TeacherStudentStudyType.Simulation sim = study.simulation().orElseThrow();
        return sim.temperatures().get(point % sim.temperatures().size());
    }

    @Override
    public UnitResult compute(String unit) {
        String[] key = unit.split("/");
        TeacherStudentSolver solver = solvers.get();
        switch (key[0]) {
            case "lines": {
                double t = study.lineTemperatures().get(Integer.parseInt(key[1]));
                List<LoadLine> lines = solver.loadLines(t, study.teacherAt(t));
                return new LinesUnit(lines.get(0), lines.get(1), lines.get(2));
            }
            case "curve":
                return curve(solver, study.curveLoads().get(Integer.parseInt(key[1])));
            case "sim": {
                int p = Integer.parseInt(key[1]);
                TeacherStudentSpec spec = spec(p, solver);
                return new SampleUnit(new TeacherStudentSimulation().sample(spec, study.seed(), p, Long.parseLong(key[2])));
            }
            default:
                throw new IllegalArgumentException("not a unit of a teacher-student study: " + unit);
        }
    }

    private TeacherStudentSpec spec(int point, TeacherStudentSolver solver) {
        TeacherStudentStudyType.Simulation sim = study.simulation().orElseThrow();
        double load = simLoad(point);
        double t = simTemperature(point);
        double teacherT = study.teacherAt(t);
        double teacherStart = Double.isNaN(sim.teacherStart()) ? (solver.teacherMisaligned(teacherT) ? 0.0 : 1.0)
                : sim.teacherStart();
        return new TeacherStudentSpec(study.interactionOrder(), sim.neurons(),
                TeacherStudentSpec.examplesFor(load, sim.neurons(), study.interactionOrder()), t, teacherT, teacherStart,
                sim.teacherSweeps(), sim.studentStart(), sim.equilibrationSweeps(), sim.measurementSweeps(), sim.dynamics());
    }

    private CurveUnit curve(TeacherStudentSolver solver, double load) {
        double top = study.curveTemperatureMax();
        double[] ts = new double[CURVE_POINTS];
        double[] overlap = new double[CURVE_POINTS];
        boolean[] aligned = new boolean[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            double t = top * (i + 1) / CURVE_POINTS;
            ts[i] = t;
            if (!solver.teacherMisaligned(study.teacherAt(t))) {
                aligned[i] = true;
                overlap[i] = 1.0; // aligned teacher: t = 1 (TeacherStudentModel class comment; the paper's Fig. 4)
                continue;
            }
            TeacherStudentSolution r = solver.retrieval(load, t, study.teacherAt(t));
            overlap[i] = r == null || !r.status().equals(org.saddle.solver.SolveStatus.CONVERGED) ? Double.NaN
                    : r.teacherOverlap();
        }
        return new CurveUnit(ts, overlap, aligned);
    }

    @Override
    public String encode(UnitResult result) {
        Payload.Writer w = Payload.writer();
        if (result instanceof LinesUnit l) {
            for (LoadLine b : List.of(l.retrievalOnset(), l.thermodynamic(), l.exampleEnd())) {
                w.add(b.line()).add(b.temperature()).add(b.teacherTemperature()).add(b.load()).add(b.error())
                        .add(b.exists()).add(b.status());
            }
        } else if (result instanceof CurveUnit c) {
            double[] flags = new double[c.aligned().length];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = c.aligned()[i] ? 1.0 : 0.0;
            }
            w.add(c.temperatures()).add(c.teacherOverlaps()).add(flags);
        } else if (result instanceof SampleUnit s) {
            TeacherStudentSample x = s.sample();
            w.add(x.teacherOverlap()).add(x.finalTeacherOverlap()).add(x.largestExampleOverlap())
                    .add(x.examplesTeacherOverlap()).add(x.acceptance());
        } else {
            throw new IllegalArgumentException("not a teacher-student unit result: " + result);
        }
        return w.toString();
    }

    @Override
    public UnitResult decode(String unit, String payload) {
        Payload.Reader r = Payload.reader(payload);
        UnitResult result;
        switch (Sweeps.kind(unit)) {
            case "lines": {
                LoadLine[] b = new LoadLine[3];
                for (int i = 0; i < 3; i++) {
                    b[i] = new LoadLine(r.nextString(), r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(),
                            r.nextBoolean(), r.nextString());
                }
                result = new LinesUnit(b[0], b[1], b[2]);
                break;
            }
            case "curve": {
                double[] ts = r.nextDoubles();
                double[] t = r.nextDoubles();
                double[] flags = r.nextDoubles();
                boolean[] aligned = new boolean[flags.length];
                for (int i = 0; i < flags.length; i++) {
                    aligned[i] = flags[i] != 0.0;
                }
                result = new CurveUnit(ts, t, aligned);
                break;
            }
            case "sim":
                result = new SampleUnit(new TeacherStudentSample(r.nextDouble(), r.nextDouble(), r.nextDouble(),
                        r.nextDouble(), r.nextDouble()));
                break;
            default:
                throw new IllegalArgumentException("not a unit of a teacher-student study: " + unit);
        }
        r.end();
        return result;
    }

    /** One simulated grid point with its samples combined and the theory at that point. */
    private record SimPoint(int index, double load, double temperature, double teacherTemperature, int examples,
            Estimate overlap, double examplesOverlap, double theoryOverlap, String globalPhase) {}

    @Override
    public Written write(List<UnitResult> results, Path staging) {
        TeacherStudentSolver solver = solvers.get();
        Boundary teacher = solver.teacherTransition();
        int u = 0;
        List<LinesUnit> lines = new ArrayList<>();
        for (int i = 0; i < study.lineTemperatures().size(); i++, u++) {
            lines.add((LinesUnit) results.get(u));
        }
        List<CurveUnit> curves = new ArrayList<>();
        for (int l = 0; l < study.curveLoads().size(); l++, u++) {
            curves.add((CurveUnit) results.get(u));
        }
        List<SimPoint> points = new ArrayList<>();
        for (int p = 0; p < gridPoints(); p++) {
            double[] t = new double[samples()];
            double ex = 0.0;
            for (int s = 0; s < samples(); s++, u++) {
                TeacherStudentSample x = ((SampleUnit) results.get(u)).sample();
                t[s] = x.teacherOverlap();
                ex += x.examplesTeacherOverlap() / samples();
            }
            double load = simLoad(p);
            double temp = simTemperature(p);
            double teacherT = study.teacherAt(temp);
            double theory;
            String global;
            if (!solver.teacherMisaligned(teacherT)) {
                theory = 1.0;
                global = "teacher-aligned";
            } else {
                List<TeacherStudentSolution> all = solver.solve(load, temp, teacherT);
                theory = all.stream().filter(s -> s.phase() == org.saddle.solver.teacherstudent.TeacherStudentPhase.RETRIEVAL)
                        .mapToDouble(TeacherStudentSolution::teacherOverlap).findFirst().orElse(0.0);
                global = all.stream().filter(TeacherStudentSolution::globalMinimum).map(s -> s.phase().label()).findFirst()
                        .orElse("none");
            }
            points.add(new SimPoint(p, load, temp, teacherT,
                    TeacherStudentSpec.examplesFor(load, study.simulation().orElseThrow().neurons(), study.interactionOrder()),
                    Estimate.of(t), ex, theory, global));
        }

        List<String> files = new ArrayList<>();
        CsvTable lineTable = new CsvTable("line", "temperature", "teacher_temperature", "load", "error", "exists",
                "temperature_paper", "load_paper", "status");
        int missing = 0;
        for (LinesUnit l : lines) {
            for (LoadLine b : List.of(l.retrievalOnset(), l.thermodynamic(), l.exampleEnd())) {
                lineTable.row(b.line(), b.temperature(), b.teacherTemperature(), b.load(), b.error(), b.exists(),
                        model.toPaperTemperature(b.temperature()), model.toPaperLoad(b.load()), b.status());
                missing += b.exists() || b.line().equals("alpha_eR") ? 0 : 1; // eR is absent above the spinodal by nature
            }
        }
        lineTable.write(staging.resolve("phase-lines.csv"));
        files.add("phase-lines.csv");
        if (!curves.isEmpty()) {
            CsvTable curveTable = new CsvTable("load", "temperature", "teacher_temperature", "teacher_overlap",
                    "teacher_aligned", "load_paper", "temperature_paper");
            for (int l = 0; l < curves.size(); l++) {
                CurveUnit c = curves.get(l);
                for (int i = 0; i < c.temperatures().length; i++) {
                    curveTable.row(study.curveLoads().get(l), c.temperatures()[i], study.teacherAt(c.temperatures()[i]),
                            c.teacherOverlaps()[i], c.aligned()[i], model.toPaperLoad(study.curveLoads().get(l)),
                            model.toPaperTemperature(c.temperatures()[i]));
                }
            }
            curveTable.write(staging.resolve("overlap-curves.csv"));
            files.add("overlap-curves.csv");
        }
        if (!points.isEmpty()) {
            CsvTable sim = new CsvTable("point", "load", "temperature", "teacher_temperature", "neurons", "examples", "samples",
                    "teacher_overlap", "teacher_overlap_error", "examples_teacher_overlap", "theory_teacher_overlap",
                    "theory_global_phase", "load_paper", "temperature_paper");
            for (SimPoint p : points) {
                sim.row(p.index(), p.load(), p.temperature(), p.teacherTemperature(), study.simulation().get().neurons(),
                        p.examples(), samples(), p.overlap().mean(), p.overlap().standardError(), p.examplesOverlap(),
                        p.theoryOverlap(), p.globalPhase(), model.toPaperLoad(p.load()),
                        model.toPaperTemperature(p.temperature()));
            }
            sim.write(staging.resolve("simulation.csv"));
            files.add("simulation.csv");
        }
        Figures.save(phaseDiagramChart(lines, points, teacher), staging.resolve("phase-diagram"));
        files.addAll(List.of("phase-diagram.png", "phase-diagram.svg"));
        if (!curves.isEmpty()) {
            Figures.save(overlapChart(curves, points), staging.resolve("overlap"));
            files.addAll(List.of("overlap.png", "overlap.svg"));
        }
        files.add("run.json");
        Json.write(runJson(teacher, lines.size(), missing, files), staging.resolve("run.json"));
        List<String> warnings = new ArrayList<>();
        if (missing > 0) {
            warnings.add("warning: " + missing + " line points were not located; see the status column of phase-lines.csv");
        }
        return new Written(files, List.of(String.format(Locale.ROOT,
                "study %s: %d line temperatures, %d overlap curves, %d Monte Carlo points; teacher T*_c = %.6g (T*_paper = %.6g)",
                study.name(), lines.size(), curves.size(), points.size(), teacher.temperature(),
                model.toPaperTemperature(teacher.temperature()))), warnings);
    }

    private XYChart phaseDiagramChart(List<LinesUnit> lines, List<SimPoint> points, Boundary teacher) {
        String teacherText = study.nishimori() ? "Nishimori line T* = T" : "T* = " + study.teacherTemperature();
        XYChart chart = Figures.chart("Teacher-student, P = " + study.interactionOrder() + ", " + teacherText,
                "load alpha = M / N^(P-1)", "student temperature T");
        addLine(chart, "alpha_lR (retrieval branch appears)", lines, true, Figures.PALETTE[1], true);
        addLine(chart, "alpha_gR (retrieval lowest free energy)", lines, false, Figures.PALETTE[0], false);
        List<double[]> eR = new ArrayList<>();
        for (LinesUnit l : lines) {
            if (l.exampleEnd().exists()) {
                eR.add(new double[] {l.exampleEnd().load(), l.exampleEnd().temperature()});
            }
        }
        if (!eR.isEmpty()) {
            Figures.line(chart, "alpha_eR (example retrieval ends)", col(eR, 0), col(eR, 1), Figures.PALETTE[4], true);
        }
        double aMax = 0.0;
        double tMax = 0.0;
        for (LinesUnit l : lines) {
            aMax = Math.max(aMax, Double.isNaN(l.thermodynamic().load()) ? 0.0 : l.thermodynamic().load());
            tMax = Math.max(tMax, l.thermodynamic().temperature());
        }
        for (SimPoint p : points) {
            aMax = Math.max(aMax, p.load());
            tMax = Math.max(tMax, p.temperature());
        }
        aMax *= 1.1;
        // paramagnet entropy zero: T = sqrt(alpha / (2 P! ln 2))
        double[] ax = new double[41];
        double[] ay = new double[41];
        for (int i = 0; i < ax.length; i++) {
            ax[i] = aMax * i / (ax.length - 1);
            ay[i] = Math.sqrt(ax[i] / (2.0 * model.factorial() * Math.log(2.0)));
        }
        Figures.line(chart, "paramagnet entropy = 0", ax, ay, Color.GRAY, true);
        if (teacher.exists() && (study.nishimori() ? teacher.temperature() <= tMax * 1.05 : study.teacherTemperature() <= teacher.temperature())) {
            double y = study.nishimori() ? teacher.temperature() : Math.max(tMax, 1e-3);
            Figures.line(chart, study.nishimori() ? "T*_c: teacher aligned below (t = 1)" : "teacher aligned: t = 1 everywhere",
                    new double[] {0.0, aMax}, new double[] {y, y}, Figures.PALETTE[3], true);
        }
        List<double[]> good = new ArrayList<>();
        List<double[]> bad = new ArrayList<>();
        for (SimPoint p : points) {
            (p.overlap().mean() > 0.5 ? good : bad).add(new double[] {p.load(), p.temperature()});
        }
        if (!good.isEmpty()) {
            Figures.points(chart, "Monte Carlo: t > 1/2", col(good, 0), col(good, 1), null, Figures.PALETTE[2], SeriesMarkers.CIRCLE);
        }
        if (!bad.isEmpty()) {
            Figures.points(chart, "Monte Carlo: t <= 1/2", col(bad, 0), col(bad, 1), null, Color.BLACK, SeriesMarkers.CROSS);
        }
        study.reference().ifPresent(file -> ReferencePoints.draw(chart,
                ReferencePoints.read(file, study.source() + ": key 'reference'"), 5));
        return chart;
    }

    private static void addLine(XYChart chart, String name, List<LinesUnit> lines, boolean onset, Color color, boolean dashed) {
        List<double[]> pts = new ArrayList<>();
        for (LinesUnit l : lines) {
            LoadLine b = onset ? l.retrievalOnset() : l.thermodynamic();
            if (b.exists()) {
                pts.add(new double[] {b.load(), b.temperature()});
            }
        }
        if (!pts.isEmpty()) {
            Figures.line(chart, name, col(pts, 0), col(pts, 1), color, dashed);
        }
    }

    private XYChart overlapChart(List<CurveUnit> curves, List<SimPoint> points) {
        XYChart chart = Figures.chart("Student overlap with the teacher, P = " + study.interactionOrder()
                + (study.nishimori() ? ", T* = T" : ", T* = " + study.teacherTemperature()), "student temperature T",
                "teacher overlap t");
        for (int l = 0; l < curves.size(); l++) {
            CurveUnit c = curves.get(l);
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < c.temperatures().length; i++) {
                if (!Double.isNaN(c.teacherOverlaps()[i])) {
                    pts.add(new double[] {c.temperatures()[i], c.teacherOverlaps()[i]});
                }
            }
            if (!pts.isEmpty()) {
                Figures.line(chart, String.format(Locale.ROOT, "RS retrieval, alpha = %.4g", study.curveLoads().get(l)),
                        col(pts, 0), col(pts, 1), Figures.PALETTE[l % Figures.PALETTE.length], false);
            }
        }
        Map<Double, List<SimPoint>> byLoad = new LinkedHashMap<>();
        for (SimPoint p : points) {
            byLoad.computeIfAbsent(p.load(), k -> new ArrayList<>()).add(p);
        }
        int k = 0;
        for (Map.Entry<Double, List<SimPoint>> e : byLoad.entrySet()) {
            List<SimPoint> ps = e.getValue();
            double[] x = ps.stream().mapToDouble(SimPoint::temperature).toArray();
            double[] y = ps.stream().mapToDouble(p -> p.overlap().mean()).toArray();
            double[] err = ps.stream().mapToDouble(p -> Double.isFinite(p.overlap().standardError()) ? p.overlap().standardError() : 0.0).toArray();
            int colour = study.curveLoads().indexOf(e.getKey());
            Figures.points(chart, String.format(Locale.ROOT, "Monte Carlo N = %d, alpha = %.4g", study.simulation().get().neurons(),
                    e.getKey()), x, y, err, Figures.PALETTE[(colour >= 0 ? colour : k) % Figures.PALETTE.length], SeriesMarkers.CIRCLE);
            k++;
        }
        return chart;
    }

    private static double[] col(List<double[]> pts, int i) {
        return pts.stream().mapToDouble(p -> p[i]).toArray();
    }

    private Map<String, Object> runJson(Boundary teacher, int lineTemperatures, int missing, List<String> files) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", study.name());
        json.put("model", "teacher-student");
        json.put("config_file", study.source());
        json.put("config", study.configText());
        json.put("provenance", Provenance.code(Path.of(".")));
        json.put("seed", study.seed());
        json.put("random_streams", "one stream per (seed, grid_point, sample, k): k = 0 teacher pattern, 1 student chain, "
                + "2 + a example a; grid_point is the point column of simulation.csv; independent of --threads and --shard");
        json.put("normalization", "H = -(N/P!) sum m^P (self-interactions removed), alpha = M/N^(P-1); paper: "
                + "alpha_paper = P! alpha, T_paper = P! T (Theriault-Tantari 2024)");
        Map<String, Object> theory = new LinkedHashMap<>();
        theory.put("interaction_order", study.interactionOrder());
        theory.put("teacher_temperature", study.nishimori() ? "nishimori (T* = T)" : study.teacherTemperature());
        theory.put("teacher_critical_temperature", teacher.temperature());
        theory.put("teacher_critical_temperature_paper", model.toPaperTemperature(teacher.temperature()));
        theory.put("quadrature", "Gauss-Hermite, order " + study.quadratureOrder());
        theory.put("line_temperatures", lineTemperatures);
        theory.put("line_points_not_located", missing);
        json.put("solver", theory);
        study.simulation().ifPresent(sim -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("neurons", sim.neurons());
            s.put("samples", sim.samples());
            s.put("dynamics", sim.dynamics().name().toLowerCase(Locale.ROOT));
            s.put("teacher_sweeps", sim.teacherSweeps());
            s.put("equilibration_sweeps", sim.equilibrationSweeps());
            s.put("measurement_sweeps", sim.measurementSweeps());
            s.put("student_start_overlap", sim.studentStart());
            s.put("teacher_start_overlap", Double.isNaN(sim.teacherStart()) ? "auto (1 below T*_c, else 0)" : sim.teacherStart());
            json.put("simulation", s);
        });
        json.put("timing", "see timing.json (host, JVM, wall and compute seconds)");
        json.put("files", files);
        return json;
    }
}
