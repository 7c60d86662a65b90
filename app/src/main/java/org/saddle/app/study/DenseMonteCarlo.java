package org.saddle.app.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saddle.app.config.DenseStudy;
import org.saddle.app.output.CsvTable;
import org.saddle.app.output.Figures;
import org.saddle.app.sweep.Payload;
import org.saddle.simulation.Dynamics;
import org.saddle.simulation.Estimate;
import org.saddle.simulation.dense.DenseSimulation;
import org.saddle.simulation.dense.FiniteSizeScaling;
import org.saddle.simulation.dense.Interactions;
import org.saddle.simulation.patterns.PatternEnsembles;

/**
 * The Monte Carlo overlay of a {@code model: dense} study: Glauber dynamics of the P-body network
 * H = -(N/P!) sum_mu m_mu^P (self-interactions removed; {@link Interactions#gardner}) on the grid (N, load, T),
 * every chain started from pattern 1, two replicas per sample ({@link DenseSimulation}). Grid point g counts
 * (N, load, T) with N slowest and T fastest, each list sorted; its streams derive from (seed, g, sample), so the
 * results do not depend on the number of threads.
 *
 * <p>The measured transition: at each temperature and N, the load where the mean overlap m with pattern 1 falls
 * through 1/2 (the first crossing from above, by linear interpolation between grid loads; its error propagated
 * from the two overlaps' standard errors), extrapolated linearly in 1/N to N -&gt; inf by weighted least squares
 * ({@link FiniteSizeScaling} with omega = 1). Starting from the pattern, the chains stay in the retrieval state as
 * long as it is (meta)stable on the time scale of the run, so for large N the crossing is expected near the
 * spinodal T_M rather than at the thermodynamic line T_c.
 */
final class DenseMonteCarlo {
    private DenseMonteCarlo() {}

    /** Overlap threshold of the measured transition. */
    static final double HALF = 0.5;

    /** One grid point: nominal load, K patterns (actual load K/N^(P-1)), the sample means. */
    record Point(int order, int neurons, int patterns, double load, double actualLoad, double temperature,
            Estimate overlap, Estimate replicaOverlap, int notEquilibrated, double maxTauInt) {}

    /** The crossing load at one (T, N); NaN with a reason when the overlap does not fall through 1/2 in the grid. */
    record Crossing(double temperature, int neurons, double load, double error, String status) {}

    /** The extrapolation N -&gt; inf at one temperature (NaN with a reason when fewer than two N cross). */
    record Extrapolation(double temperature, FiniteSizeScaling.Fit fit, int sizes, String status) {}

    static int patterns(int order, int neurons, double load) {
        return DenseStudy.Simulation.patterns(order, neurons, load);
    }

    /**
     * The Monte Carlo of one grid point of the overlay: N neurons, K patterns, temperature T, its random streams from
     * (seed, grid point g, sample), samples in order on the calling thread; the measured overlap is the one the study
     * draws (pattern 1 for the dense network, archetype 1 for a network that learned from examples).
     */
    @FunctionalInterface
    interface GridPointSimulation {
        DenseSimulation.Point run(int gridPoint, int neurons, int patterns, double temperature);
    }

    /** A finished overlay: the grid points, the crossings at every (T, N) and the extrapolations N -&gt; inf. */
    record Overlay(List<Point> points, List<Crossing> crossings, List<Extrapolation> fits) {
        static final Overlay NONE = new Overlay(List.of(), List.of(), List.of());

        /** Locates and extrapolates the m = 1/2 crossings of the simulated grid (every grid point, in order g). */
        static Overlay of(DenseStudy.Simulation sim, List<Point> points) {
            List<Crossing> crossings = DenseMonteCarlo.crossings(sim, points);
            return new Overlay(List.copyOf(points), crossings, DenseMonteCarlo.extrapolate(sim, crossings));
        }

        /** One summary line per temperature; {@code what} names the overlap (e.g. "archetype overlap m"). */
        List<String> summary(String what) {
            List<String> lines = new ArrayList<>();
            for (Extrapolation e : fits) {
                lines.add(e.fit() == null
                        ? String.format(java.util.Locale.ROOT, "T = %.3g: %s = 1/2 crossing not extrapolated (%s)",
                                e.temperature(), what, e.status())
                        : String.format(java.util.Locale.ROOT, "T = %.3g: %s = 1/2 crossing at alpha(N -> inf) = %.4f +- %.4f",
                                e.temperature(), what, e.fit().alphaInf(), e.fit().error()));
            }
            return lines;
        }
    }

    /** The dense P-body network's grid point g: Glauber from pattern 1, streams from (seed, g, sample). */
    static GridPointSimulation dense(DenseStudy.Simulation sim, int order, long seed) {
        return (g, n, k, t) -> DenseSimulation.run(new DenseSimulation.Spec(n, k, Interactions.gardner(order, n),
                PatternEnsembles.iid(0), new double[] {t}, Dynamics.GLAUBER, 0.0, sim.equilibrationSweeps(),
                sim.measurementSweeps(), sim.samples(), seed, 0), g, 1).points().get(0);
    }

    /**
     * Grid point g of any network's grid (N, load, T), all its samples on the calling thread: g counts (N, load, T)
     * with N slowest and T fastest, each list sorted; K = max(1, round(alpha N^(P-1))). A pure function of the
     * config and g (the streams come from (seed, g, sample)), so it is one work unit of a sharded study.
     */
    static Point gridPoint(DenseStudy.Simulation sim, int order, int g, GridPointSimulation body) {
        int nl = sim.loads().size();
        int nt = sim.temperatures().size();
        int n = sim.neurons().get(g / (nl * nt));
        double load = sim.loads().get(g / nt % nl);
        double t = sim.temperatures().get(g % nt);
        int k = patterns(order, n, load);
        DenseSimulation.Point p = body.run(g, n, k, t);
        return new Point(order, n, k, load, k / Math.pow(n, order - 1), t, p.overlap(), p.replicaOverlap(),
                p.notEquilibrated(), p.maxTauInt());
    }

    /** A grid point as journal values, every double exact (see {@link #decode}). */
    static void encode(Payload.Writer w, Point p) {
        w.add(p.order()).add(p.neurons()).add(p.patterns()).add(p.load()).add(p.actualLoad()).add(p.temperature());
        for (Estimate e : List.of(p.overlap(), p.replicaOverlap())) {
            w.add(e.mean()).add(e.standardError()).add(e.samples());
        }
        w.add(p.notEquilibrated()).add(p.maxTauInt());
    }

    /** The inverse of {@link #encode}. */
    static Point decode(Payload.Reader r) {
        return new Point(r.nextInt(), r.nextInt(), r.nextInt(), r.nextDouble(), r.nextDouble(), r.nextDouble(),
                new Estimate(r.nextDouble(), r.nextDouble(), r.nextInt()), new Estimate(r.nextDouble(), r.nextDouble(),
                r.nextInt()), r.nextInt(), r.nextDouble());
    }

    /**
     * The first load where m falls from &gt;= 1/2 to &lt; 1/2, interpolated linearly in the actual load between
     * the two grid points: alpha* = a1 + (a2 - a1) f with f = (1/2 - m1)/(m2 - m1). Its error propagates the
     * overlaps' standard errors, df/dm1 = (1/2 - m2)/D^2, df/dm2 = -(1/2 - m1)/D^2 with D = m2 - m1; where both
     * are 0 (every sample at the same overlap) the grid resolution (a2 - a1)/sqrt(12) is used instead.
     */
    static Crossing crossing(double temperature, int neurons, List<Point> byLoad) {
        for (int j = 0; j + 1 < byLoad.size(); j++) {
            Point a = byLoad.get(j);
            Point b = byLoad.get(j + 1);
            double m1 = a.overlap().mean();
            double m2 = b.overlap().mean();
            if (m1 >= HALF && m2 < HALF) {
                double width = b.actualLoad() - a.actualLoad();
                double d = m2 - m1;
                double load = a.actualLoad() + width * (HALF - m1) / d;
                double s1 = a.overlap().standardError();
                double s2 = b.overlap().standardError();
                double error = Math.abs(width) * Math.hypot((HALF - m2) * s1, (HALF - m1) * s2) / (d * d);
                String status = "crossed";
                if (!(error > 0)) {
                    error = Math.abs(width) / Math.sqrt(12);
                    status = "crossed (overlap errors 0: grid resolution used)";
                }
                return new Crossing(temperature, neurons, load, error, status);
            }
        }
        boolean allAbove = byLoad.stream().allMatch(p -> p.overlap().mean() >= HALF);
        return new Crossing(temperature, neurons, Double.NaN, Double.NaN,
                allAbove ? "m >= 1/2 at every load of the grid" : "m < 1/2 at the lowest load of the grid");
    }

    /** Crossings at every (T, N), T slowest. */
    static List<Crossing> crossings(DenseStudy.Simulation sim, List<Point> points) {
        List<Crossing> out = new ArrayList<>();
        for (double t : sim.temperatures()) {
            for (int n : sim.neurons()) {
                out.add(crossing(t, n, points.stream().filter(p -> p.neurons() == n && p.temperature() == t).toList()));
            }
        }
        return out;
    }

    /** Linear extrapolation in 1/N of the crossings at each temperature. */
    static List<Extrapolation> extrapolate(DenseStudy.Simulation sim, List<Crossing> crossings) {
        List<Extrapolation> out = new ArrayList<>();
        for (double t : sim.temperatures()) {
            List<Crossing> per = crossings.stream().filter(c -> c.temperature() == t && Double.isFinite(c.load())).toList();
            if (per.size() < 2) {
                out.add(new Extrapolation(t, null, per.size(), "fewer than two N cross m = 1/2"));
                continue;
            }
            FiniteSizeScaling.Fit fit = FiniteSizeScaling.fit(per.stream().mapToInt(Crossing::neurons).toArray(),
                    per.stream().mapToDouble(Crossing::load).toArray(), per.stream().mapToDouble(Crossing::error).toArray(),
                    1.0);
            out.add(new Extrapolation(t, fit, per.size(), "extrapolated"));
        }
        return out;
    }

    static void writeSimulation(List<Point> points, Path file) {
        CsvTable t = new CsvTable("interaction_order", "neurons", "patterns", "load", "actual_load", "temperature", "overlap",
                "overlap_error", "samples", "replica_overlap", "replica_overlap_error", "not_equilibrated", "max_tau_int");
        for (Point p : points) {
            t.row(p.order(), p.neurons(), p.patterns(), p.load(), p.actualLoad(), p.temperature(), p.overlap().mean(),
                    p.overlap().standardError(), p.overlap().samples(), p.replicaOverlap().mean(),
                    p.replicaOverlap().standardError(), p.notEquilibrated(), p.maxTauInt());
        }
        t.write(file);
    }

    static void writeTransition(int order, List<Crossing> crossings, List<Extrapolation> fits, Path file) {
        CsvTable t = new CsvTable("interaction_order", "temperature", "neurons", "crossing_load", "error", "slope_in_inverse_n",
                "slope_error", "chi_square", "dof", "status");
        for (Crossing c : crossings) {
            t.row(order, c.temperature(), c.neurons(), c.load(), c.error(), Double.NaN, Double.NaN, Double.NaN, "", c.status());
        }
        for (Extrapolation e : fits) {
            FiniteSizeScaling.Fit f = e.fit();
            if (f == null) {
                t.row(order, e.temperature(), "inf", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", e.status());
            } else {
                t.row(order, e.temperature(), "inf", f.alphaInf(), f.error(), f.slope(), f.slopeError(), f.chiSquare(), f.dof(),
                        e.status() + " from " + e.sizes() + " N");
            }
        }
        t.write(file);
    }

    /**
     * Draws the grid points on the phase diagram, one marker shape per N, filled where m &gt; 1/2 and open where not,
     * and the extrapolated crossings (N -&gt; inf) with their standard errors.
     */
    static void overlay(XYChart chart, DenseStudy.Simulation sim, List<Point> points, List<Extrapolation> fits) {
        overlay(chart, sim, points, fits, "MC");
    }

    /** As {@link #overlay(XYChart, DenseStudy.Simulation, List, List)}, every legend entry starting with {@code label}. */
    static void overlay(XYChart chart, DenseStudy.Simulation sim, List<Point> points, List<Extrapolation> fits,
            String label) {
        Marker[] filled = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
            SeriesMarkers.TRIANGLE_DOWN};
        Color grey = new Color(90, 90, 90);
        // The sizes share the grid points: each N is drawn shifted in T by a fraction of the temperature spacing
        // (the shift is in its legend entry; simulation.csv has the true T).
        List<Double> ts = sim.temperatures();
        double spacing = ts.size() > 1 ? IntStream.range(1, ts.size()).mapToDouble(j -> ts.get(j) - ts.get(j - 1)).min()
                .orElseThrow() : ts.get(0) > 0 ? ts.get(0) : 0.1;
        double step = 0.5 * spacing / Math.max(2, sim.neurons().size());
        for (int i = 0; i < sim.neurons().size(); i++) {
            int n = sim.neurons().get(i);
            double shift = (i - (sim.neurons().size() - 1) / 2.0) * step;
            String shifted = String.format(java.util.Locale.ROOT, " (drawn at T %s %.3g)", shift < 0 ? "-" : "+",
                    Math.abs(shift));
            for (boolean retrieval : new boolean[] {true, false}) {
                List<Point> per = points.stream().filter(p -> p.neurons() == n && (p.overlap().mean() > HALF) == retrieval)
                        .toList();
                if (per.isEmpty()) {
                    continue;
                }
                double[] x = per.stream().mapToDouble(Point::actualLoad).toArray();
                double[] y = per.stream().mapToDouble(p -> p.temperature() + shift).toArray();
                Marker marker = retrieval ? filled[i % filled.length] : new Open(i % filled.length);
                Figures.points(chart, label + " N = " + n + (retrieval ? ", m > 1/2" : ", m <= 1/2") + (shift != 0 ? shifted : ""),
                        x, y, null, grey, marker);
            }
        }
        List<Extrapolation> done = fits.stream().filter(e -> e.fit() != null).toList();
        if (!done.isEmpty()) {
            // The error bars of XChart are vertical: the load error is written to transition.csv, drawn here as a
            // horizontal segment per point.
            Color colour = Figures.PALETTE[6];
            for (int j = 0; j < done.size(); j++) {
                Extrapolation e = done.get(j);
                double a = e.fit().alphaInf();
                double s = e.fit().error();
                Figures.line(chart, label + " crossing, N -> inf (+- 1 s.e.)" + (j == 0 ? "" : " " + j),
                        new double[] {a - s, a + s}, new double[] {e.temperature(), e.temperature()}, colour, false)
                        .setShowInLegend(j == 0);
            }
            Figures.points(chart, label + " m = 1/2 crossing, N -> inf", done.stream().mapToDouble(e -> e.fit().alphaInf()).toArray(),
                    done.stream().mapToDouble(Extrapolation::temperature).toArray(), null, colour, SeriesMarkers.CROSS);
        }
    }

    /** The outline of one of the filled XChart markers (circle, square, diamond, triangles). */
    private static final class Open extends Marker {
        private final int shape;

        Open(int shape) {
            this.shape = shape;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            double h = size / 2.0;
            Shape outline = switch (shape) {
                case 0 -> new Ellipse2D.Double(x - h, y - h, size, size);
                case 1 -> new Rectangle2D.Double(x - h, y - h, size, size);
                default -> polygon(shape, x, y, h);
            };
            g.setStroke(new BasicStroke(1.3f));
            g.draw(outline);
        }

        private static Shape polygon(int shape, double x, double y, double h) {
            Path2D.Double p = new Path2D.Double();
            switch (shape) {
                case 2 -> {
                    p.moveTo(x, y - h);
                    p.lineTo(x + h, y);
                    p.lineTo(x, y + h);
                    p.lineTo(x - h, y);
                }
                case 3 -> {
                    p.moveTo(x, y - h);
                    p.lineTo(x + h, y + h);
                    p.lineTo(x - h, y + h);
                }
                default -> {
                    p.moveTo(x, y + h);
                    p.lineTo(x + h, y - h);
                    p.lineTo(x - h, y - h);
                }
            }
            p.closePath();
            return p;
        }
    }
}
