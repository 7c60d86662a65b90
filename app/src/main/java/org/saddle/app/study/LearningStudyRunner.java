package org.saddle.app.study;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saddle.app.config.DenseStudy;
import org.saddle.app.config.LearningStudy;
import org.saddle.app.output.CsvTable;
import org.saddle.app.output.Figures;
import org.saddle.app.output.Json;
import org.saddle.app.output.Provenance;
import org.saddle.app.sweep.Payload;
import org.saddle.app.sweep.ConfiguredStudy;
import org.saddle.app.sweep.ShardableStudy;
import org.saddle.app.sweep.Sweeps;
import org.saddle.simulation.dense.LearningSimulation;
import org.saddle.solver.Boundary;
import org.saddle.solver.CriticalLoad;
import org.saddle.solver.SolveStatus;
import org.saddle.solver.learning.LearningOneStepSolver;
import org.saddle.solver.learning.LearningSolver;
import org.saddle.theory.learning.LearningDataset;

/**
 * Runs a {@link LearningStudy}: for each dataset entropy rho the phase lines T_M, T_R, T_c, T_AT, T_SG, T_0, T_c_low, T_d, T_s, T_G at every
 * line load; the T = 0 critical load alpha_c(rho); the T = 0 learning thresholds rho_c(alpha); with ansatz 1rsb
 * the 1RSB retrieval state at fractions of T_AT and the T = 0 1RSB alpha_c(rho); with a simulation section the Monte
 * Carlo of the network that learned from examples ({@link LearningSimulation}) on the grid of {@link DenseMonteCarlo}.
 *
 * <p>A {@link ShardableStudy} (sharded, journaled, resumable; see {@link org.saddle.app.sweep.Sweeps}). Its units, in
 * this order, each a pure function of the config and its key (the theory uses no random numbers; grid point g of the
 * Monte Carlo draws its streams from (seed, g, sample)), so the results depend neither on --threads nor on --shard:
 * {@code lines/i} (the phase lines at (rho, load) number i, rho slowest), {@code critical/i} (alpha_c at the i-th
 * critical-load entropy), {@code threshold/i} (rho_c at the i-th threshold load), {@code onestep/i} (the 1RSB state at
 * (rho, load, fraction) number i, fraction fastest), {@code onestep-critical/i} (the 1RSB alpha_c at the i-th dataset
 * entropy) and {@code mc/g} (Monte Carlo grid point g with all its samples). Every unit builds its own solvers.
 */
public final class LearningStudyRunner extends ConfiguredStudy<LearningStudyRunner.Unit> {

    /** The result of one unit. */
    sealed interface Unit permits LinePoint, Curve, Threshold, OneStepPoint, OneStepCritical, Simulated {}

    /** {@code lines/i}: the ten phase lines at one (rho, load). */
    record LinePoint(double rho, double load, List<Boundary> lines) implements Unit {}

    /** {@code critical/i}: the T = 0 RS critical load at one dataset entropy. */
    record Curve(CriticalLoad critical) implements Unit {}

    /** {@code threshold/i}: the T = 0 learning threshold at one load. */
    record Threshold(LearningSolver.Threshold threshold) implements Unit {}

    /**
     * {@code onestep/i}: the 1RSB retrieval state at T = fraction T_AT, as written to one-step.csv; {@code solved} is
     * false where the load has no AT line (then every number is NaN), {@code converged} whether the final solve
     * converged.
     */
    record OneStepPoint(double rho, double load, double fraction, double temperature, boolean solved, double m, double n,
            double q0, double q1, double parisiParameter, double freeEnergy, double rsFreeEnergy, boolean differsFromRS,
            String status, double residual, String message, boolean converged) implements Unit {

        static OneStepPoint of(double rho, double load, double fraction, double temperature,
                LearningOneStepSolver.Solution s) {
            var o = s.order();
            return new OneStepPoint(rho, load, fraction, temperature, true, o == null ? Double.NaN : o.m(),
                    o == null ? Double.NaN : o.n(), o == null ? Double.NaN : o.q0(), o == null ? Double.NaN : o.q1(),
                    o == null ? Double.NaN : o.parisiParameter(), s.freeEnergy(), s.rsFreeEnergy(), s.differsFromRS(),
                    s.result() == null ? "NONE" : s.result().status().toString(),
                    s.result() == null ? Double.NaN : s.result().residual(), s.message(), s.converged());
        }

        static OneStepPoint noAtLine(double rho, double load, double fraction) {
            return new OneStepPoint(rho, load, fraction, Double.NaN, false, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, false, "NO_AT_LINE", Double.NaN, "no AT line at this load", true);
        }
    }

    /** {@code onestep-critical/i}: the T = 0 1RSB critical load at one dataset entropy, with its state at alpha_c. */
    record OneStepCritical(double load, double error, double rsLoad, double m, double q0, double mu, SolveStatus status,
            String message) implements Unit {}

    /** {@code mc/g}: Monte Carlo grid point g. */
    record Simulated(DenseMonteCarlo.Point point) implements Unit {}

    private final LearningStudy study;

    public LearningStudyRunner(LearningStudy study) {
        super("learning", study.name(), study.source(), study.configText());
        this.study = study;
    }

    @Override
    public List<String> units() {
        List<String> units = new ArrayList<>();
        add(units, "lines", study.entropies().size() * study.lineLoads().size());
        add(units, "critical", study.curveEntropies().size());
        add(units, "threshold", study.thresholdLoads().size());
        if (study.oneStep()) {
            add(units, "onestep", study.entropies().size() * study.oneStepLoads().size() * study.oneStepFractions().size());
            add(units, "onestep-critical", study.entropies().size());
        }
        study.simulation().ifPresent(mc -> add(units, "mc", mc.grid().gridPoints()));
        return units;
    }

    private static void add(List<String> units, String kind, int count) {
        for (int i = 0; i < count; i++) {
            units.add(kind + "/" + i);
        }
    }

    @Override
    public Unit compute(String unit) {
        int i = Integer.parseInt(unit.substring(unit.indexOf('/') + 1));
        if (Sweeps.kind(unit).equals("mc")) {
            LearningStudy.MonteCarlo mc = study.simulation().orElseThrow();
            DenseStudy.Simulation grid = mc.grid();
            int p = study.interactionOrder();
            return new Simulated(DenseMonteCarlo.gridPoint(grid, p, i, (g, n, k, t) -> LearningSimulation.run(
                    new LearningSimulation.Spec(study.mode(), p, n, k, mc.examples(), mc.quality(), t,
                            grid.equilibrationSweeps(), grid.measurementSweeps(), grid.samples(), study.seed()), g, 1)));
        }
        LearningSolver solver = new LearningSolver(study.quadratureOrder());
        switch (Sweeps.kind(unit)) {
            case "lines": {
                double rho = study.entropies().get(i / study.lineLoads().size());
                double load = study.lineLoads().get(i % study.lineLoads().size());
                var lines = solver.phaseLines(study.dataset(rho), new double[] {load});
                return new LinePoint(rho, load, List.of(lines.retrievalSpinodal().get(0), lines.reentrant().get(0),
                        lines.firstOrder().get(0), lines.almeidaThouless().get(0), lines.spinGlassSpinodal().get(0),
                        lines.entropyCrisis().get(0), lines.lowerFirstOrder().get(0), lines.dynamicalGlass().get(0),
                        lines.staticGlass().get(0), lines.gardner().get(0)));
            }
            case "critical":
                return new Curve(solver.criticalLoadZeroTemperature(study.dataset(study.curveEntropies().get(i))));
            case "threshold":
                return new Threshold(solver.learningThresholdZeroTemperature(study.dataset(0.0),
                        study.thresholdLoads().get(i)));
            case "onestep": {
                int nf = study.oneStepFractions().size();
                int nl = study.oneStepLoads().size();
                double rho = study.entropies().get(i / (nl * nf));
                double load = study.oneStepLoads().get(i / nf % nl);
                double fraction = study.oneStepFractions().get(i % nf);
                LearningDataset d = study.dataset(rho);
                Boundary at = solver.atTemperature(d, load);
                if (!at.exists()) {
                    return OneStepPoint.noAtLine(rho, load, fraction);
                }
                double t = fraction * at.temperature();
                return OneStepPoint.of(rho, load, fraction, t, new LearningOneStepSolver(solver, 40, 8).solve(d, load, t));
            }
            case "onestep-critical": {
                var c = new LearningOneStepSolver(solver, 40, 8).criticalLoadZeroTemperature(
                        study.dataset(study.entropies().get(i)));
                var at = c.at();
                return new OneStepCritical(c.load(), c.error(), c.replicaSymmetricLoad(), at == null ? Double.NaN : at.m(),
                        at == null ? Double.NaN : at.q0(), at == null ? Double.NaN : at.mu(), c.status(), c.message());
            }
            default:
                throw new IllegalArgumentException("not a unit of a learning study: " + unit);
        }
    }

    @Override
    public String encode(Unit result) {
        Payload.Writer w = Payload.writer();
        if (result instanceof LinePoint p) {
            w.add(p.rho()).add(p.load()).add(p.lines().size());
            p.lines().forEach(b -> JournalValues.add(w, b));
        } else if (result instanceof Curve c) {
            JournalValues.add(w, c.critical());
        } else if (result instanceof Threshold t) {
            var th = t.threshold();
            w.add(th.load()).add(th.temperature()).add(th.datasetEntropy()).add(th.error()).add(th.examples())
                    .add(th.exists()).addNullable(th.status());
        } else if (result instanceof OneStepPoint p) {
            w.add(p.rho()).add(p.load()).add(p.fraction()).add(p.temperature()).add(p.solved()).add(p.m()).add(p.n())
                    .add(p.q0()).add(p.q1()).add(p.parisiParameter()).add(p.freeEnergy()).add(p.rsFreeEnergy())
                    .add(p.differsFromRS()).add(p.status()).add(p.residual()).addNullable(p.message()).add(p.converged());
        } else if (result instanceof OneStepCritical c) {
            w.add(c.load()).add(c.error()).add(c.rsLoad()).add(c.m()).add(c.q0()).add(c.mu())
                    .addNullable(c.status() == null ? null : c.status().name()).addNullable(c.message());
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
                double rho = r.nextDouble();
                double load = r.nextDouble();
                List<Boundary> lines = new ArrayList<>();
                for (int j = r.nextInt(); j > 0; j--) {
                    lines.add(JournalValues.readBoundary(r));
                }
                yield new LinePoint(rho, load, List.copyOf(lines));
            }
            case "critical" -> new Curve(JournalValues.readCriticalLoad(r));
            case "threshold" -> new Threshold(new LearningSolver.Threshold(r.nextDouble(), r.nextDouble(), r.nextDouble(),
                    r.nextDouble(), r.nextDouble(), r.nextBoolean(), r.nextNullableString()));
            case "onestep" -> new OneStepPoint(r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(),
                    r.nextBoolean(), r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(),
                    r.nextDouble(), r.nextDouble(), r.nextBoolean(), r.nextString(), r.nextDouble(), r.nextNullableString(),
                    r.nextBoolean());
            case "onestep-critical" -> new OneStepCritical(r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble(),
                    r.nextDouble(), r.nextDouble(), JournalValues.status(r.nextNullableString()), r.nextNullableString());
            case "mc" -> new Simulated(DenseMonteCarlo.decode(r));
            default -> throw new IllegalArgumentException("not a unit of a learning study: " + unit);
        };
        r.end();
        return result;
    }

    @Override
    public Written write(List<Unit> results, Path out) {
        List<LinePoint> linePoints = new ArrayList<>();
        List<CriticalLoad> curve = new ArrayList<>();
        List<LearningSolver.Threshold> thresholds = new ArrayList<>();
        List<OneStepPoint> oneStep = new ArrayList<>();
        List<OneStepCritical> oneStepCritical = new ArrayList<>();
        List<DenseMonteCarlo.Point> points = new ArrayList<>();
        for (Unit u : results) {
            if (u instanceof LinePoint p) {
                linePoints.add(p);
            } else if (u instanceof Curve c) {
                curve.add(c.critical());
            } else if (u instanceof Threshold t) {
                thresholds.add(t.threshold());
            } else if (u instanceof OneStepPoint p) {
                oneStep.add(p);
            } else if (u instanceof OneStepCritical c) {
                oneStepCritical.add(c);
            } else if (u instanceof Simulated s) {
                points.add(s.point());
            }
        }
        DenseMonteCarlo.Overlay overlay = study.simulation().map(mc -> DenseMonteCarlo.Overlay.of(mc.grid(), points))
                .orElse(DenseMonteCarlo.Overlay.NONE);
        int unconverged = (int) curve.stream().filter(c -> c.status() != SolveStatus.CONVERGED).count()
                + (int) oneStep.stream().filter(o -> o.solved() && !o.converged()).count()
                + (int) oneStepCritical.stream().filter(c -> c.status() != SolveStatus.CONVERGED).count();
        List<String> files = new ArrayList<>();
        lineTable(linePoints).write(out.resolve("phase-lines.csv"));
        files.add("phase-lines.csv");
        curveTable(study, curve).write(out.resolve("critical-load.csv"));
        files.add("critical-load.csv");
        if (!thresholds.isEmpty()) {
            thresholdTable(thresholds).write(out.resolve("thresholds.csv"));
            files.add("thresholds.csv");
        }
        if (study.oneStep()) {
            oneStepTable(oneStep).write(out.resolve("one-step.csv"));
            files.add("one-step.csv");
            CsvTable oc = new CsvTable("dataset_entropy", "alpha_c_1rsb", "error", "alpha_c_rs", "m", "q0", "mu",
                    "status", "message");
            for (int i = 0; i < oneStepCritical.size(); i++) {
                var c = oneStepCritical.get(i);
                oc.row(study.entropies().get(i), c.load(), c.error(), c.rsLoad(), c.m(), c.q0(), c.mu(), c.status(),
                        c.message());
            }
            oc.write(out.resolve("critical-load-1rsb.csv"));
            files.add("critical-load-1rsb.csv");
        }
        XYChart diagram = phaseDiagram(study, linePoints, oneStep);
        if (study.simulation().isPresent()) {
            LearningStudy.MonteCarlo mc = study.simulation().get();
            DenseMonteCarlo.overlay(diagram, mc.grid(), overlay.points(), overlay.fits(), String.format(
                    java.util.Locale.ROOT, "MC rho = %.3g (M = %d)", mc.datasetEntropy(), mc.examples()));
            DenseMonteCarlo.writeSimulation(overlay.points(), out.resolve("simulation.csv"));
            DenseMonteCarlo.writeTransition(study.interactionOrder(), overlay.crossings(), overlay.fits(),
                    out.resolve("transition.csv"));
            files.addAll(List.of("simulation.csv", "transition.csv"));
        }
        Figures.save(diagram, out.resolve("phase-diagram"));
        Figures.save(criticalLoadFigure(study, curve, oneStepCritical), out.resolve("critical-load"));
        files.addAll(List.of("phase-diagram.png", "phase-diagram.svg", "critical-load.png", "critical-load.svg", "run.json"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", study.name());
        json.put("model", "learning");
        json.put("config_file", study.source());
        json.put("config", study.configText());
        json.put("provenance", Provenance.code(Path.of(".")));
        json.put("seed", study.seed());
        json.put("random_streams", study.simulation().isPresent()
                ? "theory deterministic; Monte Carlo: grid point g = (N, load, T) with N slowest, T fastest, each "
                + "sorted; sample s uses (seed, g, s, stream): 0 archetypes, 4 example noise, 2 and 3 the replicas; "
                + "results independent of --threads and of --shard"
                : "none: theory only, deterministic; results independent of --threads and of --shard");
        Map<String, Object> solverInfo = new LinkedHashMap<>();
        solverInfo.put("ansatz", study.oneStep() ? "rs + 1rsb (below the AT line)" : "rs");
        solverInfo.put("quadrature", "Gauss-Hermite order " + study.quadratureOrder()
                + "; 1RSB: Gauss-Hermite 40 inside, Gauss-Legendre 16 x 8 panels outside");
        solverInfo.put("model_normalization", "H = -(N/P!) sum_mu (overlap)^P, alpha = K/N^(P-1); papers' beta' = 2 beta/P! is our beta");
        solverInfo.put("phase_line_points", linePoints.size() * 6);
        solverInfo.put("one_step_solves", oneStep.size());
        solverInfo.put("not_converged", unconverged);
        json.put("solver", solverInfo);
        study.simulation().ifPresent(mc -> json.put("simulation", simulationJson(study, mc)));
        json.put("units", "lines/i (phase lines at one (rho, load)), critical/i, threshold/i, onestep/i, "
                + "onestep-critical/i (one solve each) and mc/g (Monte Carlo grid point g, all its samples); see journal/");
        json.put("timing", "see timing.json (host, JVM, wall and compute seconds)");
        json.put("files", files);
        Json.write(json, out.resolve("run.json"));
        List<String> warnings = new ArrayList<>();
        if (unconverged > 0) {
            warnings.add("warning: " + unconverged + " solves did not converge; see the status columns");
        }
        List<String> lines = new ArrayList<>(List.of(String.format(
                "study %s: %d dataset entropies x %d loads of phase lines, %d 1RSB solves", study.name(),
                study.entropies().size(), study.lineLoads().size(), oneStep.size())));
        lines.addAll(overlay.summary("archetype overlap m"));
        return new Written(files, lines, warnings);
    }

    private static Map<String, Object> simulationJson(LearningStudy study, LearningStudy.MonteCarlo mc) {
        DenseStudy.Simulation sim = mc.grid();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("neurons", sim.neurons());
        json.put("loads", sim.loads());
        json.put("temperatures", sim.temperatures());
        json.put("samples", sim.samples());
        json.put("equilibration_sweeps", sim.equilibrationSweeps());
        json.put("measurement_sweeps", sim.measurementSweeps());
        json.put("examples", mc.examples());
        json.put("quality", mc.quality());
        json.put("dataset_entropy", mc.datasetEntropy());
        json.put("network", study.mode() == org.saddle.theory.learning.LearningMode.SUPERVISED
                ? "H = -(N/P!) sum_mu [(1/(N M sqrt R)) sum_i S_i^mu sigma_i]^P, S^mu = sum_a eta^{mu,a}, R = r^2 (1 + rho), "
                + "self-interactions removed (e_P of the integer patterns)"
                : "H = -(N/P!) sum_mu (1/M) sum_a [(1/(N sqrt R)) sum_i eta_i^{mu,a} sigma_i]^P, R = r^2 (1 + rho), "
                + "self-interactions removed");
        json.put("dynamics", "Glauber (heat bath), random sequential sites (T = 0: asynchronous zero-temperature); two "
                + "replicas per sample, both started from archetype 1; K = max(1, round(alpha N^(P-1))) i.i.d. archetypes, "
                + "M examples each with P(eta = xi) = (1 + r)/2");
        json.put("transition", "first load where the mean Mattis overlap with archetype 1 falls through 1/2, linear "
                + "interpolation in K/N^(P-1), extrapolated linearly in 1/N by weighted least squares");
        return json;
    }

    private static CsvTable lineTable(List<LinePoint> points) {
        CsvTable t = new CsvTable("dataset_entropy", "load", "line", "temperature", "error", "exists", "status");
        for (LinePoint p : points) {
            for (Boundary b : p.lines()) {
                t.row(p.rho(), p.load(), b.line(), b.temperature(), b.error(), b.exists(), b.status());
            }
        }
        return t;
    }

    private static CsvTable curveTable(LearningStudy study, List<CriticalLoad> curve) {
        CsvTable t = new CsvTable("dataset_entropy", "examples", "alpha_c", "m_at_alpha_c", "error", "status", "message");
        for (int i = 0; i < curve.size(); i++) {
            double rho = study.curveEntropies().get(i);
            CriticalLoad c = curve.get(i);
            double m = Double.isNaN(study.quality()) || rho == 0.0 ? Double.NaN : study.dataset(rho).examples();
            t.row(rho, m, c.load(), c.m(), c.error(), c.status(), c.message());
        }
        return t;
    }

    private static CsvTable thresholdTable(List<LearningSolver.Threshold> thresholds) {
        CsvTable t = new CsvTable("load", "temperature", "rho_c", "error", "examples_c", "exists", "status");
        for (var th : thresholds) {
            t.row(th.load(), th.temperature(), th.datasetEntropy(), th.error(), th.examples(), th.exists(), th.status());
        }
        return t;
    }

    private static CsvTable oneStepTable(List<OneStepPoint> points) {
        CsvTable t = new CsvTable("dataset_entropy", "load", "t_over_t_at", "temperature", "m", "n", "q0", "q1",
                "parisi_parameter", "free_energy_1rsb", "free_energy_rs", "differs_from_rs", "status", "residual", "message");
        for (OneStepPoint p : points) {
            t.row(p.rho(), p.load(), p.fraction(), p.temperature(), p.m(), p.n(), p.q0(), p.q1(), p.parisiParameter(),
                    p.freeEnergy(), p.rsFreeEnergy(), p.differsFromRS(), p.status(), p.residual(), p.message());
        }
        return t;
    }

    private static XYChart phaseDiagram(LearningStudy study, List<LinePoint> points, List<OneStepPoint> oneStep) {
        XYChart chart = Figures.chart(study.name() + ": dense Hebbian learning, P = " + study.interactionOrder() + ", "
                + study.mode().key(), "load alpha = K/N^(P-1)", "temperature T");
        int c = 0;
        String[] names = {"T_M", "T_R", "T_c", "T_AT", "T_SG", "T_0", "T_c_low", "T_d", "T_s", "T_G"};
        boolean[] dashed = {false, false, false, true, true, true, false, true, false, true};
        // lines of the n = 0 phase: in the supervised protocol (gamma = 1) they do not depend on rho
        java.util.function.IntPredicate glass = k -> k == 4 || k == 5 || k >= 7;
        for (double rho : study.entropies()) {
            Color color = Figures.PALETTE[c++ % Figures.PALETTE.length];
            for (int k = 0; k < names.length; k++) {
                if (glass.test(k) && c > 1 && study.mode() == org.saddle.theory.learning.LearningMode.SUPERVISED) {
                    continue; // supervised: T_SG and T_0 do not depend on rho (gamma = 1): drawn once
                }
                List<double[]> xy = new ArrayList<>();
                for (LinePoint p : points) {
                    if (p.rho() == rho && p.lines().get(k).exists()) {
                        xy.add(new double[] {p.load(), p.lines().get(k).temperature()});
                    }
                }
                if (xy.size() < 1) {
                    continue;
                }
                double[] x = xy.stream().mapToDouble(v -> v[0]).toArray();
                double[] y = xy.stream().mapToDouble(v -> v[1]).toArray();
                String label = names[k] + ((glass.test(k) && study.mode() == org.saddle.theory.learning.LearningMode.SUPERVISED)
                        ? "" : ", rho = " + rho);
                Color lc = switch (k) {
                    case 4 -> Color.GRAY;                     // T_SG
                    case 5 -> Color.BLACK;                    // T_0
                    case 7, 8 -> new Color(0x76, 0x2A, 0x83); // T_d dashed, T_s solid (1RSB glass)
                    case 9 -> new Color(0x8C, 0x51, 0x0A);    // T_G
                    default -> color;
                };
                if (k == 2 || k == 6) {
                    Figures.points(chart, label, x, y, null, color, SeriesMarkers.CIRCLE);
                } else if (x.length > 1) {
                    Figures.line(chart, label, x, y, lc, dashed[k]);
                } else {
                    Figures.points(chart, label, x, y, null, lc, SeriesMarkers.DIAMOND);
                }
            }
        }
        List<double[]> broken = new ArrayList<>();
        for (OneStepPoint p : oneStep) {
            if (p.solved() && p.differsFromRS()) {
                broken.add(new double[] {p.load(), p.temperature()});
            }
        }
        if (!broken.isEmpty()) {
            Figures.points(chart, "1RSB differs from RS", broken.stream().mapToDouble(v -> v[0]).toArray(),
                    broken.stream().mapToDouble(v -> v[1]).toArray(), null, Color.RED, SeriesMarkers.CROSS);
        }
        return chart;
    }

    private static XYChart criticalLoadFigure(LearningStudy study, List<CriticalLoad> curve,
            List<OneStepCritical> oneStep) {
        XYChart chart = Figures.chart(study.name() + ": T = 0 critical load (learning threshold)",
                "dataset entropy rho = (1 - r^2)/(M r^2)", "alpha_c(rho)");
        List<double[]> xy = new ArrayList<>();
        for (int i = 0; i < curve.size(); i++) {
            if (Double.isFinite(curve.get(i).load())) {
                xy.add(new double[] {study.curveEntropies().get(i), curve.get(i).load()});
            }
        }
        if (!xy.isEmpty()) {
            Figures.line(chart, "alpha_c (RS)", xy.stream().mapToDouble(v -> v[0]).toArray(),
                    xy.stream().mapToDouble(v -> v[1]).toArray(), Figures.PALETTE[0], false);
        }
        List<double[]> one = new ArrayList<>();
        for (int i = 0; i < oneStep.size(); i++) {
            if (Double.isFinite(oneStep.get(i).load())) {
                one.add(new double[] {study.entropies().get(i), oneStep.get(i).load()});
            }
        }
        if (!one.isEmpty()) {
            Figures.points(chart, "alpha_c (1RSB)", one.stream().mapToDouble(v -> v[0]).toArray(),
                    one.stream().mapToDouble(v -> v[1]).toArray(), null, Figures.PALETTE[1], SeriesMarkers.DIAMOND);
        }
        return chart;
    }

}
