package org.saddle.app.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saddle.app.cli.DenseCapacity;
import org.saddle.app.cli.DenseModelOptions;
import org.saddle.app.config.ConfigFiles;
import org.saddle.app.config.ConfigNode;
import org.saddle.app.output.CsvTable;
import org.saddle.app.output.Figures;
import org.saddle.app.output.Json;
import org.saddle.app.output.Provenance;
import org.saddle.app.output.ReferencePoints;
import org.saddle.app.sweep.Payload;
import org.saddle.app.sweep.ConfiguredStudy;
import org.saddle.app.sweep.ShardableStudy;
import org.saddle.app.sweep.Sweeps;
import org.saddle.simulation.Estimate;
import org.saddle.simulation.dense.CapacityResult;
import org.saddle.simulation.dense.CapacitySearch;
import org.saddle.simulation.dense.FiniteSizeScaling;
import org.saddle.simulation.dense.InteractionFunction;
import org.saddle.simulation.dense.RetrievalEstimate;
import org.saddle.simulation.dense.RetrievalSpec;
import org.saddle.simulation.dense.UpdateRule;
import org.saddle.simulation.patterns.PatternEnsemble;
import org.saddle.simulation.patterns.PatternEnsembles;
import org.saddle.solver.SolveStatus;
import org.saddle.theory.dense.DenseHebbianModel;

/**
 * {@code model: dense-capacity}: Monte Carlo storage capacity of dense associative memories, either against N
 * for several interaction orders (with the Krotov-Hopfield curves N^(n-1)/(c_n ln N), or alpha = 0.138 for the
 * P = 2 Gardner model, overlaid) or, when {@code patterns.separations} is given, against the minimum pairwise
 * Hamming separation of the patterns at one N (Bielmeier and Friedland, arXiv 2508.01395).
 *
 * <p>With a {@code theory:} section (Gardner energy only) the study also solves the replica theory of the dense
 * P-body network for the T = 0 critical load alpha_c(P) under RS and/or 1RSB ({@link DenseStudyRunner#criticalLoad},
 * the same solves as {@code model: dense}) and draws {@code capacity-vs-order}: the theory lines against the
 * Monte Carlo capacities extrapolated to N -> inf. {@code neurons} may then be given per order
 * ({@code neurons: {2: [...], 3: [...]}}), since K = alpha N^(P-1) limits N differently for each P.
 *
 * <p>The study is a {@link ShardableStudy}. Units, in this order: {@code theory/P/ansatz} (one critical load) and
 * {@code capacity/g} (the whole bisection over K for grid cell g = (order, N, separation) in file order, plus its
 * basin radius when asked for). The bisection is sequential in K, so a search is one unit; its random streams
 * derive from (seed, g, K, trial) only, so a unit gives the same result whichever shard, thread or run computes it.
 */
public final class DenseCapacityStudyType implements StudyType {
    @Override
    public String model() {
        return "dense-capacity";
    }

    /** One capacity search of the grid: interaction order (0 for the exponential energy), N, separation. */
    record Cell(int order, int neurons, int separation) {}

    /** The replica-theory section: which ansatze, at which quadrature order. */
    record Theory(List<String> ansatze, int quadratureOrder) {}

    /** The validated study. */
    record Study(String name, String description, long seed, String energy, int[] orders, List<Cell> cells,
            String ensembleName, double bias, double featureCorrelation, int[] separations, String separationMethod,
            Path mnistImages, int trials,
            double threshold, String successOverlap, double cueCorruption, UpdateRule rule, int maxSweeps, double resolution,
            double omega, boolean basinRadius, Optional<Theory> theory, Optional<Path> reference, String source, String text) {

        /** The N of one order, in file order. */
        int[] neuronsOf(int order) {
            return cells.stream().filter(c -> c.order() == order).mapToInt(Cell::neurons).distinct().toArray();
        }

        boolean vsSeparation() {
            return separations != null;
        }
    }

    @Override
    public RunnableStudy load(ConfigNode root, String text) {
        return new Runner(parse(root, text));
    }

    static Study parse(ConfigNode root, String text) {
        root.allowOnly("study", "model", "description", "seed", "energy", "interaction-orders", "neurons", "patterns",
                "retrieval", "fss-exponent", "theory", "reference");
        String name = root.string("study", null);
        if (!name.matches("[a-z0-9._-]+")) {
            throw root.error("study", "has value '" + name + "'; allowed: lower case letters, digits, '.', '_', '-'");
        }
        String description = root.has("description") ? root.string("description", null) : "";
        long seed = root.integer("seed", 1L, 0, Long.MAX_VALUE);
        String energy = root.string("energy", "polynomial", "gardner", "polynomial", "rectified", "exponential");
        int[] orders = energy.equals("exponential") ? new int[] {0}
                : toInts(root.integers("interaction-orders", 2, 8));
        if (Arrays.stream(orders).distinct().count() != orders.length) {
            throw root.error("interaction-orders", "repeats an order; allowed: distinct orders");
        }
        int[][] neurons = new int[orders.length][];
        if (root.isMapping("neurons")) {
            ConfigNode perOrder = root.child("neurons");
            String[] keys = Arrays.stream(orders).mapToObj(Integer::toString).toArray(String[]::new);
            perOrder.allowOnly(keys);
            for (int j = 0; j < orders.length; j++) {
                if (!perOrder.has(keys[j])) {
                    throw root.error("neurons." + keys[j], "is missing; give the N of every interaction order ("
                            + String.join(", ", keys) + ") or one list for all");
                }
                neurons[j] = toInts(perOrder.integers(keys[j], 8, 1_000_000));
            }
        } else {
            int[] all = toInts(root.integers("neurons", 8, 1_000_000));
            Arrays.fill(neurons, all);
        }
        for (int j = 0; j < orders.length; j++) {
            for (int n : neurons[j]) {
                if (n < orders[j]) {
                    throw root.error("neurons", "has N = " + n + " below the interaction order " + orders[j]);
                }
            }
        }
        boolean singleN = Arrays.stream(neurons).allMatch(a -> a.length == 1);
        String ens = "iid";
        double bias = 0;
        double corr = 0;
        int[] separations = null;
        String separationMethod = "rejection";
        Path mnist = null;
        if (root.has("patterns")) {
            ConfigNode p = root.child("patterns").allowOnly("from", "bias", "feature-correlation", "separations", "separation-method",
                    "mnist-images");
            ens = p.string("from", "iid", "iid", "correlated", "mnist");
            bias = p.number("bias", 0.0, -0.999999, 0.999999, "mean pattern activity b");
            corr = p.number("feature-correlation", 0.0, 0.0, 0.999999, "feature correlation c");
            separationMethod = p.string("separation-method", "rejection", "rejection", "hadamard");
            if (p.has("separations")) {
                separations = toInts(p.integers("separations", 0, 1_000_000));
                if (!singleN) {
                    throw root.error("patterns.separations", "needs a single value of 'neurons' (capacity vs separation at one N)");
                }
                for (int j = 0; j < orders.length; j++) {
                    for (int d : separations) {
                        if (d > neurons[j][0]) {
                            throw root.error("patterns.separations", "has " + d + " > N = " + neurons[j][0] + "; allowed: 0..N");
                        }
                    }
                }
            }
            if (p.has("mnist-images")) {
                mnist = ConfigFiles.resolve(root.file(), p.string("mnist-images", null));
            }
            if (ens.equals("mnist")) {
                int size = DenseModelOptions.loadImages(mnist).pixelsPerImage();
                for (int[] per : neurons) {
                    for (int n : per) {
                        if (n != size) {
                            throw root.error("neurons", "has " + n + "; allowed with patterns.from mnist: " + size + " (the image size)");
                        }
                    }
                }
            }
        }
        int trials = 40;
        double threshold = 0.5;
        String successOverlap = "auto";
        double rho = 0;
        UpdateRule rule = UpdateRule.ASYNCHRONOUS;
        int maxSweeps = 100;
        double resolution = 0.02;
        boolean basin = false;
        if (root.has("retrieval")) {
            ConfigNode r = root.child("retrieval").allowOnly("trials", "success-probability", "success-overlap",
                    "cue-corruption", "dynamics", "max-sweeps", "resolution", "basin-radius");
            trials = (int) r.integer("trials", 40L, 1, 1_000_000);
            threshold = r.number("success-probability", 0.5, 1e-9, 1 - 1e-9, "probability threshold");
            if (r.has("success-overlap")) {
                try {
                    successOverlap = r.string("success-overlap", null);     // auto
                } catch (org.saddle.app.InputException notText) {
                    successOverlap = Double.toString(r.number("success-overlap", null, 1e-12, 1.0,
                            "auto or a final overlap in (0, 1]"));
                }
                try {
                    DenseCapacity.successOverlap(successOverlap, energy, "retrieval.success-overlap");
                } catch (org.saddle.app.InputException e) {
                    throw root.error("retrieval.success-overlap", "has value '" + successOverlap
                            + "'; allowed: auto or a number in (0, 1]");
                }
            }
            rho = r.number("cue-corruption", 0.0, 0.0, 0.5, "fraction of flipped cue bits");
            rule = switch (r.string("dynamics", "async", "async", "sync")) {
                case "sync" -> UpdateRule.SYNCHRONOUS;
                default -> UpdateRule.ASYNCHRONOUS;
            };
            maxSweeps = (int) r.integer("max-sweeps", 100L, 1, 1_000_000);
            resolution = r.number("resolution", 0.02, 0.0, 0.5, "relative width of the final K bracket");
            basin = r.flag("basin-radius", false);
        }
        double omega = root.number("fss-exponent", 0.5, 1e-9, 3.0, "finite-size exponent omega");
        Optional<Theory> theory = Optional.empty();
        if (root.has("theory")) {
            ConfigNode t = root.child("theory").allowOnly("critical-loads", "quadrature-order");
            if (!energy.equals("gardner") || separations != null) {
                throw root.error("theory", "needs energy: gardner and no patterns.separations (the replica theory of the "
                        + "dense P-body network is for Gardner's normalization and i.i.d. patterns)");
            }
            String given = t.string("critical-loads", "both", "rs", "1rsb", "both");
            List<String> ansatze = given.equals("both") ? List.of("rs", "1rsb") : List.of(given);
            int quadrature = (int) t.integer("quadrature-order", 80L, 8, 400);
            theory = Optional.of(new Theory(ansatze, quadrature));
        }
        Optional<Path> reference = Optional.empty();
        if (root.has("reference")) {
            if (theory.isEmpty()) {
                throw root.error("reference", "needs a 'theory' section (the published points are drawn on capacity-vs-order)");
            }
            Path file = ConfigFiles.resolve(root.file(), root.string("reference", null));
            ReferencePoints.read(file, root.file() + ": key 'reference'");
            reference = Optional.of(file);
        }
        List<Cell> cells = new ArrayList<>();
        int[] seps = separations == null ? new int[] {0} : separations;
        for (int j = 0; j < orders.length; j++) {
            for (int n : neurons[j]) {
                for (int d : seps) {
                    cells.add(new Cell(orders[j], n, d));
                }
            }
        }
        return new Study(name, description, seed, energy, orders, cells, ens, bias, corr, separations, separationMethod, mnist, trials,
                threshold, successOverlap, rho, rule, maxSweeps, resolution, omega, basin, theory, reference, root.file(), text);
    }

    private static int[] toInts(long[] v) {
        int[] out = new int[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = (int) v[j];
        }
        return out;
    }

    private static PatternEnsemble ensemble(Study s, int separation) {
        PatternEnsemble base = switch (s.ensembleName()) {
            case "correlated" -> PatternEnsembles.correlated(s.featureCorrelation(), s.bias());
            case "mnist" -> PatternEnsembles.images(DenseModelOptions.loadImages(s.mnistImages()), 127);
            default -> PatternEnsembles.iid(s.bias());
        };
        if (separation == 0) {
            return base;
        }
        // rejection: the base ensemble conditioned on the separation; hadamard: guaranteed by construction
        return s.separationMethod().equals("hadamard") ? PatternEnsembles.coded(base, separation)
                : PatternEnsembles.separated(base, separation);
    }

    /** The result of one unit. */
    sealed interface Unit permits Search, Critical {}

    /** One capacity search (grid cell g) and, when asked for, the basin radius at K_max / 2 (NaN otherwise). */
    record Search(CapacityResult result, double basinRadius) implements Unit {}

    /** One T = 0 critical load of the replica theory. */
    record Critical(DenseStudyRunner.Critical row) implements Unit {}

    /** The study as a {@link ShardableStudy} (see the class comment for the units). */
    static final class Runner extends ConfiguredStudy<Unit> {
        private final Study s;

        Runner(Study study) {
            super("dense-capacity", study.name(), study.source(), study.text());
            this.s = study;
        }

        @Override
        public List<String> units() {
            List<String> units = new ArrayList<>();
            s.theory().ifPresent(t -> {
                for (int p : s.orders()) {
                    for (String ansatz : t.ansatze()) {
                        units.add("theory/" + p + "/" + ansatz);
                    }
                }
            });
            for (int g = 0; g < s.cells().size(); g++) {
                units.add("capacity/" + g);
            }
            return units;
        }

        @Override
        public Unit compute(String unit) {
            String[] key = unit.split("/");
            switch (key[0]) {
                case "theory":
                    return new Critical(DenseStudyRunner.criticalLoad(Integer.parseInt(key[1]), key[2],
                            s.theory().orElseThrow().quadratureOrder()));
                case "capacity": {
                    int g = Integer.parseInt(key[1]);
                    Cell cell = s.cells().get(g);
                    int order = cell.order();
                    InteractionFunction f = DenseModelOptions.interaction(s.energy(), order == 0 ? 2 : order, cell.neurons(),
                            "energy", "interaction-orders");
                    double minOverlap = DenseCapacity.successOverlap(s.successOverlap(), s.energy(), "retrieval.success-overlap");
                    RetrievalSpec template = new RetrievalSpec(cell.neurons(), 1, f, ensemble(s, cell.separation()),
                            s.cueCorruption(), minOverlap, s.maxSweeps(), s.rule(), s.seed(), 0);
                    // One thread per search: the sweep runs units in parallel, and the trials' streams do not depend on it.
                    CapacityResult r = DenseCapacity.search(template, s.threshold(), s.trials(), s.resolution(), g, 1, null);
                    double basin = Double.NaN;
                    if (s.basinRadius() && r.kMax() >= 2) {
                        basin = CapacitySearch.basinRadius(template.withPatterns(Math.max(1, r.kMax() / 2), 0), s.threshold(),
                                s.trials(), 1_000_000L + g, 1);
                    }
                    return new Search(r, basin);
                }
                default:
                    throw new IllegalArgumentException("not a unit of a dense-capacity study: " + unit);
            }
        }

        @Override
        public String encode(Unit result) {
            Payload.Writer w = Payload.writer();
            if (result instanceof Search search) {
                CapacityResult r = search.result();
                w.add(r.neurons()).add(r.order()).add(r.kMax()).add(r.kFail()).add(r.kError()).add(r.load()).add(r.loadError())
                        .add(r.capped()).add(search.basinRadius()).add(r.steps().size());
                for (RetrievalEstimate e : r.steps()) {
                    w.add(e.patterns()).add(e.cueCorruption()).add(e.trials()).add(e.successes()).add(e.lower()).add(e.upper())
                            .add(e.finalOverlap().mean()).add(e.finalOverlap().standardError()).add(e.finalOverlap().samples())
                            .add(e.unconverged()).add(e.generated());
                }
            } else if (result instanceof Critical critical) {
                critical.row().encode(w);
            }
            return w.toString();
        }

        @Override
        public Unit decode(String unit, String payload) {
            Payload.Reader r = Payload.reader(payload);
            Unit result;
            switch (Sweeps.kind(unit)) {
                case "capacity": {
                    int neurons = r.nextInt();
                    int order = r.nextInt();
                    int kMax = r.nextInt();
                    int kFail = r.nextInt();
                    double kError = r.nextDouble();
                    double load = r.nextDouble();
                    double loadError = r.nextDouble();
                    boolean capped = r.nextBoolean();
                    double basin = r.nextDouble();
                    int count = r.nextInt();
                    List<RetrievalEstimate> steps = new ArrayList<>(count);
                    for (int j = 0; j < count; j++) {
                        steps.add(new RetrievalEstimate(r.nextInt(), r.nextDouble(), r.nextInt(), r.nextInt(), r.nextDouble(),
                                r.nextDouble(), new Estimate(r.nextDouble(), r.nextDouble(), r.nextInt()), r.nextInt(),
                                r.nextBoolean()));
                    }
                    result = new Search(new CapacityResult(neurons, order, kMax, kFail, kError, load, loadError, steps, capped),
                            basin);
                    break;
                }
                case "theory":
                    result = new Critical(DenseStudyRunner.Critical.decode(r));
                    break;
                default:
                    throw new IllegalArgumentException("not a unit of a dense-capacity study: " + unit);
            }
            r.end();
            return result;
        }

        @Override
        public Written write(List<Unit> results, Path staging) {
            List<DenseStudyRunner.Critical> critical = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            Iterator<Unit> it = results.iterator();
            s.theory().ifPresent(t -> {
                for (int j = 0; j < s.orders().length * t.ansatze().size(); j++) {
                    critical.add(((Critical) it.next()).row());
                }
            });
            for (Cell cell : s.cells()) {
                Search search = (Search) it.next();
                rows.add(new Row(cell.order(), cell.neurons(), cell.separation(), search.result(), search.basinRadius()));
            }
            return DenseCapacityStudyType.write(s, rows, critical, staging);
        }
    }

    /** One capacity measurement of the study. */
    private record Row(int order, int neurons, int separation, CapacityResult result, double basinRadius) {
    }

    private static ShardableStudy.Written write(Study s, List<Row> rows, List<DenseStudyRunner.Critical> critical,
            Path out) {
        boolean vsSeparation = s.vsSeparation();
        CsvTable cap = new CsvTable("interaction_order", "neurons", "separation", "k_max", "k_error", "k_fail", "load",
                "load_error", "capped", "theory_k_max", "theory", "basin_radius_at_half_k_max");
        CsvTable steps = new CsvTable("interaction_order", "neurons", "separation", "patterns", "trials", "successes",
                "probability", "wilson_lower", "wilson_upper", "mean_final_overlap", "unconverged", "generated");
        for (Row row : rows) {
            CapacityResult r = row.result();
            double[] th = theory(s.energy(), row.order(), row.neurons());
            cap.row(row.order(), row.neurons(), row.separation(), r.kMax(), r.kError(), r.kFail(), r.load(), r.loadError(),
                    r.capped(), th[0], th[0] > 0 ? theoryName(s.energy(), row.order()) : "", row.basinRadius());
            for (RetrievalEstimate e : r.steps()) {
                steps.row(row.order(), row.neurons(), row.separation(), e.patterns(), e.trials(), e.successes(),
                        e.probability(), e.lower(), e.upper(), e.finalOverlap().mean(), e.unconverged(), e.generated());
            }
        }
        cap.write(out.resolve("capacity.csv"));
        steps.write(out.resolve("steps.csv"));
        List<String> files = new ArrayList<>(List.of("capacity.csv", "steps.csv"));
        Map<Integer, FiniteSizeScaling.Fit> fits = new LinkedHashMap<>();
        List<Map<String, Object>> fitJson = new ArrayList<>();
        if (!vsSeparation && s.energy().equals("gardner")
                && Arrays.stream(s.orders()).allMatch(o -> s.neuronsOf(o).length >= 2)) {
            CsvTable ext = new CsvTable("interaction_order", "alpha_c", "error", "slope", "slope_error", "chi_square", "dof",
                    "fss_exponent");
            for (int order : s.orders()) {
                List<CapacityResult> per = rows.stream().filter(r -> r.order() == order).map(Row::result).toList();
                FiniteSizeScaling.Fit fit = DenseCapacity.extrapolate(per, s.omega());
                fits.put(order, fit);
                ext.row(order, fit.alphaInf(), fit.error(), fit.slope(), fit.slopeError(), fit.chiSquare(), fit.dof(), fit.omega());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("interaction_order", order);
                m.put("alpha_c", fit.alphaInf());
                m.put("error", fit.error());
                fitJson.add(m);
            }
            ext.write(out.resolve("extrapolation.csv"));
            files.add("extrapolation.csv");
        }
        Figures.save(figure(s, rows, vsSeparation), out.resolve("capacity"));
        files.addAll(List.of("capacity.png", "capacity.svg"));
        if (!critical.isEmpty()) {
            CsvTable t = new CsvTable("interaction_order", "ansatz", "alpha_c", "error", "m", "q0", "scaled_parisi_parameter",
                    "differs_from_rs", "alpha_c_times_factorial_p_minus_1", "theory", "status", "message");
            for (DenseStudyRunner.Critical c : critical) {
                t.row(c.order(), c.ansatz(), c.load(), c.error(), c.m(), c.q0(), c.mu(), c.differsFromRS(),
                        c.load() * factorialMinusOne(c.order()), c.theory(), c.status(), c.message() == null ? "" : c.message());
            }
            t.write(out.resolve("critical-loads.csv"));
            List<ReferencePoints.Point> published = s.reference()
                    .map(file -> ReferencePoints.read(file, s.source() + ": key 'reference'")).orElse(List.of());
            Figures.save(orderFigure(s, rows, critical, fits, published), out.resolve("capacity-vs-order"));
            files.addAll(List.of("critical-loads.csv", "capacity-vs-order.png", "capacity-vs-order.svg"));
        }
        files.add("run.json");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("study", s.name());
        json.put("model", "dense-capacity");
        json.put("description", s.description());
        json.put("config_file", s.source());
        json.put("config", s.text());
        json.put("provenance", Provenance.code(Path.of(".")));
        json.put("seed", s.seed());
        json.put("random_streams", "trial t at K of capacity search g uses (seed, g << 32 | K, t, stream): stream 0 patterns,"
                + " 1 cue bits, 2 update order; g counts (order, N, separation) in file order; basin searches use"
                + " g + 1000000; independent of --threads and of --shard");
        json.put("units", "theory/P/ansatz (one T = 0 critical load) and capacity/g (one bisection over K); see journal/");
        json.put("extrapolation", fitJson);
        json.put("timing", "see timing.json (host, JVM, wall and compute seconds)");
        json.put("files", files);
        Json.write(json, out.resolve("run.json"));
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(String.format(Locale.ROOT, "order %d, N = %d%s: K_max = %d +- %.1f (alpha = %.4g)", row.order(),
                    row.neurons(), vsSeparation ? ", separation " + row.separation() : "", row.result().kMax(),
                    row.result().kError(), row.result().load()));
        }
        for (Map<String, Object> f : fitJson) {
            lines.add(String.format(Locale.ROOT, "order %s: alpha_c(N -> inf) = %.4g +- %.2g", f.get("interaction_order"),
                    (Double) f.get("alpha_c"), (Double) f.get("error")));
        }
        for (DenseStudyRunner.Critical c : critical) {
            lines.add(String.format(Locale.ROOT, "order %d, %s: alpha_c = %.6g (%s)", c.order(), c.ansatz().toUpperCase(Locale.ROOT),
                    c.load(), c.status()));
        }
        List<String> warnings = new ArrayList<>();
        rows.stream().filter(r -> r.result().capped()).forEach(r -> warnings.add("warning: order " + r.order() + ", N = "
                + r.neurons() + ": the search reached the largest K allowed; K_max is a lower bound"));
        critical.stream().filter(c -> c.status() != SolveStatus.CONVERGED).forEach(c -> warnings.add("warning: order "
                + c.order() + ", " + c.ansatz() + ": critical load not located (" + c.status() + "); see critical-loads.csv"));
        return new ShardableStudy.Written(files, lines, warnings);
    }

    private static double factorialMinusOne(int order) {
        return new DenseHebbianModel(order).factorialMinusOne();
    }

    /**
     * The theory curve at N: Krotov-Hopfield error-free capacity N^(n-1)/(c_n ln N) for polynomial energies
     * (KH 2016 eq. 5), 0.138 N for the P = 2 Gardner (Hopfield) model (AGS 1985), none otherwise (0).
     */
    static double[] theory(String energy, int order, double n) {
        if ((energy.equals("polynomial") || energy.equals("rectified")) && order >= 2) {
            return new double[] {CapacitySearch.krotovHopfieldCapacity(order, n)};
        }
        if (energy.equals("gardner") && order == 2) {
            return new double[] {0.138 * n};
        }
        return new double[] {0};
    }

    static String theoryName(String energy, int order) {
        return energy.equals("gardner") ? "AGS alpha_c = 0.138" : "Krotov-Hopfield N^(n-1)/(c_n ln N), c_n = 2(2n-3)!!";
    }

    private static XYChart figure(Study s, List<Row> rows, boolean vsSeparation) {
        XYChart chart = Figures.chart(s.name() + ": Monte Carlo capacity" + (vsSeparation ? " vs Hamming separation" : " vs N"),
                vsSeparation ? "minimum pairwise Hamming separation d" : "neurons N", "K_max");
        chart.getStyler().setYAxisLogarithmic(true);
        if (!vsSeparation) {
            // Sizes span less than a decade or two: label 2, 3, 5 x 10^k too, not only the decades.
            chart.getStyler().setXAxisLogarithmic(true).setXAxisLogarithmicDecadeOnly(false);
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        int c = 0;
        for (int order : s.orders()) {
            List<Row> per = rows.stream().filter(r -> r.order() == order && r.result().kMax() > 0).toList();
            if (per.isEmpty()) {
                continue;
            }
            double[] x = new double[per.size()];
            double[] y = new double[per.size()];
            double[] e = new double[per.size()];
            for (int j = 0; j < per.size(); j++) {
                x[j] = vsSeparation ? per.get(j).separation() : per.get(j).neurons();
                y[j] = per.get(j).result().kMax();
                e[j] = per.get(j).result().kError();
            }
            String label = order == 0 ? "exponential" : (s.energy().equals("gardner") ? "P = " : "n = ") + order;
            Figures.points(chart, "Monte Carlo, " + label, x, y, e, Figures.PALETTE[c % Figures.PALETTE.length], SeriesMarkers.CIRCLE);
            int[] sizes = s.neuronsOf(order);
            if (!vsSeparation && theory(s.energy(), order, sizes[0])[0] > 0) {
                int lo = Arrays.stream(sizes).min().getAsInt();
                int hi = Arrays.stream(sizes).max().getAsInt();
                int m = 50;
                double[] tx = new double[m];
                double[] ty = new double[m];
                for (int j = 0; j < m; j++) {
                    tx[j] = lo * Math.pow((double) hi / lo, (double) j / (m - 1));
                    ty[j] = theory(s.energy(), order, tx[j])[0];
                }
                Figures.line(chart, "theory, " + label, tx, ty, Figures.PALETTE[c % Figures.PALETTE.length], true);
            }
            c++;
        }
        return chart;
    }

    /**
     * Capacity against the interaction order: alpha_c(P) (P-1)! of the replica theory (RS and 1RSB lines), the Monte
     * Carlo capacities at each N (small markers, drawn slightly left of their P), their extrapolation N -> inf with
     * its standard error, and the published points of the reference file.
     */
    private static XYChart orderFigure(Study s, List<Row> rows, List<DenseStudyRunner.Critical> critical,
            Map<Integer, FiniteSizeScaling.Fit> fits, List<ReferencePoints.Point> published) {
        XYChart chart = Figures.chart(s.name() + ": T = 0 capacity of dense P-body networks", "interaction order P",
                "alpha_c (P-1)!,  alpha = K/N^(P-1)");
        chart.getStyler().setXAxisDecimalPattern("0");
        int colour = 0;
        for (String ansatz : List.of("rs", "1rsb")) {
            List<DenseStudyRunner.Critical> per = critical.stream()
                    .filter(c -> c.ansatz().equals(ansatz) && c.status() == SolveStatus.CONVERGED && Double.isFinite(c.load()))
                    .sorted((a, b) -> Integer.compare(a.order(), b.order())).toList();
            if (!per.isEmpty()) {
                double[] x = per.stream().mapToDouble(DenseStudyRunner.Critical::order).toArray();
                double[] y = per.stream().mapToDouble(c -> c.load() * factorialMinusOne(c.order())).toArray();
                String label = ansatz.equals("rs") ? "RS replica theory" : "1RSB replica theory";
                Figures.line(chart, label, x, y, Figures.PALETTE[colour], ansatz.equals("1rsb"));
                Figures.points(chart, label + " (solved)", x, y, null, Figures.PALETTE[colour], SeriesMarkers.DIAMOND);
            }
            colour++;
        }
        List<Row> finite = rows.stream().filter(r -> r.result().kMax() > 0).toList();
        if (!finite.isEmpty()) {
            double[] x = finite.stream().mapToDouble(r -> r.order() - 0.12).toArray();
            double[] y = finite.stream().mapToDouble(r -> r.result().load() * factorialMinusOne(r.order())).toArray();
            double[] e = finite.stream().mapToDouble(r -> r.result().loadError() * factorialMinusOne(r.order())).toArray();
            Figures.points(chart, "Monte Carlo at finite N (left of P)", x, y, e, java.awt.Color.GRAY, SeriesMarkers.CIRCLE);
        }
        if (!fits.isEmpty()) {
            double[] x = fits.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = fits.entrySet().stream().mapToDouble(f -> f.getValue().alphaInf() * factorialMinusOne(f.getKey())).toArray();
            double[] e = fits.entrySet().stream().mapToDouble(f -> f.getValue().error() * factorialMinusOne(f.getKey())).toArray();
            Figures.points(chart, "Monte Carlo, N -> inf", x, y, e, Figures.PALETTE[2], SeriesMarkers.CIRCLE);
        }
        Map<String, List<ReferencePoints.Point>> bySeries = new LinkedHashMap<>();
        published.forEach(p -> bySeries.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p));
        int c = 3;
        for (Map.Entry<String, List<ReferencePoints.Point>> e : bySeries.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(ReferencePoints.Point::x).toArray();
            double[] y = e.getValue().stream().mapToDouble(p -> p.y() * factorialMinusOne((int) Math.round(p.x()))).toArray();
            Figures.points(chart, e.getKey(), x, y, null, Figures.PALETTE[c++ % Figures.PALETTE.length], SeriesMarkers.SQUARE);
        }
        return chart;
    }
}
