package org.saddle.app.study;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saddle.app.ComputationException;
import org.saddle.app.config.DenseStudy;
import org.saddle.app.config.LearningStudy;
import org.saddle.app.output.CsvTable;
import org.saddle.app.output.Figures;
import org.saddle.app.output.Json;
import org.saddle.app.output.Progress;
import org.saddle.app.output.Provenance;
import org.saddle.app.output.ResultDirectory;
import org.saddle.solver.Boundary;
import org.saddle.solver.CriticalLoad;
import org.saddle.solver.learning.LearningOneStepSolver;
import org.saddle.simulation.dense.LearningSimulation;
import org.saddle.solver.learning.LearningSolver;
import org.saddle.theory.learning.LearningDataset;

/**
 * Runs a {@link LearningStudy}: for each dataset entropy rho the phase lines T_M, T_R, T_c, T_AT, T_SG, T_0, T_c_low, T_d, T_s, T_G at every
 * line load; the T = 0 critical load alpha_c(rho); the T = 0 learning thresholds rho_c(alpha); with ansatz 1rsb
 * the 1RSB retrieval state at fractions of T_AT. Deterministic (no random numbers): every task is a pure
 * function of its parameters and the results are collected in task order, so they do not depend on --threads.
 */
public final class LearningStudyRunner {

    /** Result of a run. */
    public record Outcome(Path folder, double seconds, int unconverged, int oneStepSolves, List<String> simulationLines) {
    }

    private record LinePoint(double rho, double load, List<Boundary> lines) {
    }

    private record OneStepPoint(double rho, double load, double fraction, double temperature,
            LearningOneStepSolver.Solution solution) {
    }

    private final Path resultsRoot;
    private final int threads;
    private final boolean showProgress;

    /** @param resultsRoot results folder; @param threads worker threads; @param showProgress progress bar on stderr */
    public LearningStudyRunner(Path resultsRoot, int threads, boolean showProgress) {
        this.resultsRoot = resultsRoot;
        this.threads = threads;
        this.showProgress = showProgress;
    }

    /** Runs the study and writes results/&lt;name&gt;/. */
    public Outcome run(LearningStudy study) {
        long started = System.nanoTime();
        Map<String, Object> environment = Provenance.environment(Path.of("."));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // phase lines: one task per (rho, load)
            List<Supplier<LinePoint>> lineTasks = new ArrayList<>();
            for (double rho : study.entropies()) {
                for (double load : study.lineLoads()) {
                    lineTasks.add(() -> {
                        LearningSolver s = new LearningSolver(study.quadratureOrder());
                        LearningDataset d = study.dataset(rho);
                        var lines = s.phaseLines(d, new double[] {load});
                        return new LinePoint(rho, load, List.of(lines.retrievalSpinodal().get(0), lines.reentrant().get(0), lines.firstOrder().get(0),
                                lines.almeidaThouless().get(0), lines.spinGlassSpinodal().get(0), lines.entropyCrisis().get(0),
                                lines.lowerFirstOrder().get(0), lines.dynamicalGlass().get(0), lines.staticGlass().get(0),
                                lines.gardner().get(0)));
                    });
                }
            }
            List<LinePoint> linePoints = runAll(pool, lineTasks, "phase lines");
            double linesSeconds = seconds(started);

            LearningSolver solver = new LearningSolver(study.quadratureOrder());
            List<CriticalLoad> curve = new ArrayList<>();
            for (double rho : study.curveEntropies()) {
                curve.add(solver.criticalLoadZeroTemperature(study.dataset(rho)));
            }
            List<Supplier<LearningSolver.Threshold>> thresholdTasks = new ArrayList<>();
            for (double load : study.thresholdLoads()) {
                thresholdTasks.add(() -> new LearningSolver(study.quadratureOrder())
                        .learningThresholdZeroTemperature(study.dataset(0.0), load));
            }
            List<LearningSolver.Threshold> thresholds = runAll(pool, thresholdTasks, "thresholds ");

            List<Supplier<OneStepPoint>> oneTasks = new ArrayList<>();
            if (study.oneStep()) {
                for (double rho : study.entropies()) {
                    for (double load : study.oneStepLoads()) {
                        for (double fraction : study.oneStepFractions()) {
                            oneTasks.add(() -> {
                                LearningSolver s = new LearningSolver(study.quadratureOrder());
                                LearningDataset d = study.dataset(rho);
                                Boundary at = s.atTemperature(d, load);
                                if (!at.exists()) {
                                    return new OneStepPoint(rho, load, fraction, Double.NaN, null);
                                }
                                double t = fraction * at.temperature();
                                return new OneStepPoint(rho, load, fraction, t, new LearningOneStepSolver(s, 40, 8).solve(d, load, t));
                            });
                        }
                    }
                }
            }
            List<OneStepPoint> oneStep = runAll(pool, oneTasks, "1RSB      ");
            List<Supplier<LearningOneStepSolver.ZeroTemperatureCriticalLoad>> ocTasks = new ArrayList<>();
            if (study.oneStep()) {
                for (double rho : study.entropies()) {
                    ocTasks.add(() -> new LearningOneStepSolver(new LearningSolver(study.quadratureOrder()), 40, 8)
                            .criticalLoadZeroTemperature(study.dataset(rho)));
                }
            }
            List<LearningOneStepSolver.ZeroTemperatureCriticalLoad> oneStepCritical = runAll(pool, ocTasks, "1RSB alpha_c");
            double totalTheory = seconds(started);

            // Monte Carlo overlay: the grid, crossings and extrapolation of the dense overlay (DenseMonteCarlo), on the
            // network that learned from M examples per archetype (LearningSimulation)
            DenseMonteCarlo.Overlay overlay = DenseMonteCarlo.Overlay.NONE;
            if (study.simulation().isPresent()) {
                LearningStudy.MonteCarlo mc = study.simulation().get();
                DenseStudy.Simulation grid = mc.grid();
                int p = study.interactionOrder();
                overlay = DenseMonteCarlo.Overlay.run(grid, p, threads, showProgress, (g, n, k, t) -> LearningSimulation.run(
                        new LearningSimulation.Spec(study.mode(), p, n, k, mc.examples(), mc.quality(), t,
                                grid.equilibrationSweeps(), grid.measurementSweeps(), grid.samples(), study.seed()), g, 1));
            }
            List<String> simulationLines = overlay.summary("archetype overlap m");

            int unconverged = (int) curve.stream().filter(c -> c.status() != org.saddle.solver.SolveStatus.CONVERGED).count()
                    + (int) oneStep.stream().filter(o -> o.solution() != null && !o.solution().converged()).count()
                    + (int) oneStepCritical.stream().filter(c -> c.status() != org.saddle.solver.SolveStatus.CONVERGED).count();
            try (ResultDirectory out = ResultDirectory.create(resultsRoot, study.name())) {
                List<String> files = new ArrayList<>();
                lineTable(linePoints).write(out.file("phase-lines.csv"));
                files.add("phase-lines.csv");
                curveTable(study, curve).write(out.file("critical-load.csv"));
                files.add("critical-load.csv");
                if (!thresholds.isEmpty()) {
                    thresholdTable(thresholds).write(out.file("thresholds.csv"));
                    files.add("thresholds.csv");
                }
                if (study.oneStep()) {
                    oneStepTable(oneStep).write(out.file("one-step.csv"));
                    files.add("one-step.csv");
                    CsvTable oc = new CsvTable("dataset_entropy", "alpha_c_1rsb", "error", "alpha_c_rs", "m", "q0", "mu",
                            "status", "message");
                    for (int i = 0; i < oneStepCritical.size(); i++) {
                        var c = oneStepCritical.get(i);
                        var at = c.at();
                        oc.row(study.entropies().get(i), c.load(), c.error(), c.replicaSymmetricLoad(),
                                at == null ? Double.NaN : at.m(), at == null ? Double.NaN : at.q0(),
                                at == null ? Double.NaN : at.mu(), c.status(), c.message());
                    }
                    oc.write(out.file("critical-load-1rsb.csv"));
                    files.add("critical-load-1rsb.csv");
                }
                XYChart diagram = phaseDiagram(study, linePoints, oneStep);
                if (study.simulation().isPresent()) {
                    LearningStudy.MonteCarlo mc = study.simulation().get();
                    DenseMonteCarlo.overlay(diagram, mc.grid(), overlay.points(), overlay.fits(), String.format(
                            java.util.Locale.ROOT, "MC rho = %.3g (M = %d)", mc.datasetEntropy(), mc.examples()));
                    DenseMonteCarlo.writeSimulation(overlay.points(), out.file("simulation.csv"));
                    DenseMonteCarlo.writeTransition(study.interactionOrder(), overlay.crossings(), overlay.fits(),
                            out.file("transition.csv"));
                    files.addAll(List.of("simulation.csv", "transition.csv"));
                }
                Figures.save(diagram, out.file("phase-diagram"));
                Figures.save(criticalLoadFigure(study, curve, oneStepCritical), out.file("critical-load"));
                files.addAll(List.of("phase-diagram.png", "phase-diagram.svg", "critical-load.png", "critical-load.svg", "run.json"));
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("study", study.name());
                json.put("model", "learning");
                json.put("config_file", study.source());
                json.put("config", study.configText());
                json.put("provenance", environment);
                json.put("seed", study.seed());
                json.put("random_streams", study.simulation().isPresent()
                        ? "theory deterministic; Monte Carlo: grid point g = (N, load, T) with N slowest, T fastest, each "
                        + "sorted; sample s uses (seed, g, s, stream): 0 archetypes, 4 example noise, 2 and 3 the replicas; "
                        + "results independent of --threads"
                        : "none: theory only, deterministic; results independent of --threads");
                json.put("threads", threads);
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
                Map<String, Object> timing = new LinkedHashMap<>();
                timing.put("phase_lines_seconds", linesSeconds);
                timing.put("theory_seconds", totalTheory);
                timing.put("total_seconds", seconds(started));
                json.put("timing", timing);
                json.put("files", files);
                Json.write(json, out.file("run.json"));
                Path folder = out.commit();
                return new Outcome(folder, seconds(started), unconverged, oneStep.size(), simulationLines);
            }
        } finally {
            pool.shutdownNow();
        }
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

    private <T> List<T> runAll(ExecutorService pool, List<Supplier<T>> tasks, String label) {
        Progress progress = Progress.onStderr(label, tasks.size(), showProgress);
        List<Future<T>> futures = new ArrayList<>();
        for (Supplier<T> t : tasks) {
            futures.add(pool.submit(() -> {
                T r = t.get();
                progress.advance(1);
                return r;
            }));
        }
        List<T> out = new ArrayList<>();
        try {
            for (Future<T> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComputationException("interrupted");
        } catch (ExecutionException e) {
            throw new ComputationException("a " + label.strip() + " task failed: " + e.getCause());
        }
        progress.finish();
        return out;
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
            var s = p.solution();
            if (s == null) {
                t.row(p.rho(), p.load(), p.fraction(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, false, "NO_AT_LINE", Double.NaN, "no AT line at this load");
                continue;
            }
            var o = s.order();
            t.row(p.rho(), p.load(), p.fraction(), p.temperature(), o == null ? Double.NaN : o.m(), o == null ? Double.NaN : o.n(),
                    o == null ? Double.NaN : o.q0(), o == null ? Double.NaN : o.q1(), o == null ? Double.NaN : o.parisiParameter(),
                    s.freeEnergy(), s.rsFreeEnergy(), s.differsFromRS(), s.result() == null ? "NONE" : s.result().status(),
                    s.result() == null ? Double.NaN : s.result().residual(), s.message());
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
            if (p.solution() != null && p.solution().differsFromRS()) {
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
            List<LearningOneStepSolver.ZeroTemperatureCriticalLoad> oneStep) {
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

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
