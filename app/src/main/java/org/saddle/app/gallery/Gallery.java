package org.saddle.app.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.saddle.app.InputException;
import org.saddle.app.output.Json;
import org.saddle.app.output.Provenance;
import org.saddle.app.study.RunSettings;
import org.saddle.app.study.RunnableStudy;
import org.saddle.app.study.StudySummary;
import org.saddle.app.study.StudyTypes;
import org.saddle.app.sweep.Shard;
import org.saddle.app.sweep.ShardableStudy;
import org.saddle.app.sweep.Sweeps;

/**
 * The gallery of published figures: each {@link Entry} is a study config (quick and full settings) and the
 * figure that study writes. {@link #build} runs every entry's study (resuming from its journals), copies the
 * figure as PNG and SVG into the gallery folder and writes {@code index.html}, a page that opens from disk.
 */
public final class Gallery {
    /**
     * One figure of the gallery.
     *
     * @param id          file name stem in the gallery folder (lower case, digits, '-')
     * @param title       heading on the page
     * @param quickConfig study config for {@code saddle gallery} (minutes on a laptop)
     * @param fullConfig  study config for {@code saddle gallery --full} (paper quality)
     * @param figure      stem of the figure file the study writes into results/&lt;study&gt;/ (PNG and SVG)
     * @param caption     what the figure shows and where the overlaid published values come from
     */
    public record Entry(String id, String title, String quickConfig, String fullConfig, String figure, String caption) {
        public Entry {
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("gallery id must be lower case, digits and '-', got " + id);
            }
        }
    }

    /**
     * The gallery, one line per figure. A figure still to come is added here, one line, when its study type lands
     * (configs under configs/gallery/ and configs/gallery/full/, see configs/gallery/README.md): the teacher-student
     * diagram of dense Hopfield networks.
     */
    public static final List<Entry> ENTRIES = List.of(
            new Entry("ags-phase-diagram", "AGS phase diagram of the Hopfield network",
                    "configs/gallery/ags-phase-diagram.yaml", "configs/gallery/full/ags-phase-diagram.yaml", "phase-diagram",
                    "Replica-symmetric lines T_g, T_M, T_c and the AT line (Amit, Gutfreund, Sompolinsky, Ann. Phys. 173, 30 "
                            + "(1987), Fig. 1) with Monte Carlo grid points classed by their retrieval overlap m; squares: "
                            + "values published in AGS 1987 (results/reference/ags-1987-phase-diagram.csv, each with its source)."),
            new Entry("dense-capacity", "Capacity of dense P-body networks vs P",
                    "configs/gallery/dense-capacity.yaml", "configs/gallery/full/dense-capacity.yaml", "capacity-vs-order",
                    "T = 0 critical load alpha_c(P) (P-1)!, alpha = K/N^(P-1), of the replica theory under RS and 1RSB "
                            + "(P = 2: AGS 1987, Steffan-Kuhn 1994; P >= 3: our solves of Gardner's P-body model) against "
                            + "Monte Carlo capacities at several N (grey, left of their P; bisection over K, zero-temperature "
                            + "dynamics, final overlap >= 0.9 in half of the trials) and their extrapolation to N -> inf with "
                            + "its standard error; squares: published P = 2 values (results/reference/dense-capacity-vs-order.csv). "
                            + "P = 2 extrapolates to within 5% of the AGS value; at the sizes reached here (N <= 60 for P = 4) the P = 4 "
                            + "Monte Carlo capacities stay above both replica lines. The reason (configs/dense-p4-remanent-overlap.yaml): "
                            + "below alpha_c the final overlap of the zero-temperature dynamics from the pattern follows the RS "
                            + "retrieval overlap, but at N <= 60 it does not jump at alpha_c (RS m = 0.918 there, 1RSB 0.818); it "
                            + "falls smoothly (0.91 at alpha = 0.04, 0.85 at 0.05, N = 60) as the descent stops in metastable "
                            + "states near the pattern, so the rule 'final m >= 0.9' measures where that remanent overlap "
                            + "crosses 0.9; with 'm >= 0.97' the same search gives 0.029 to 0.036, between and below the lines."),
            new Entry("krotov-hopfield-capacity", "Krotov-Hopfield capacity vs N for n = 2, 3, 4",
                    "configs/gallery/krotov-hopfield-capacity.yaml", "configs/gallery/full/krotov-hopfield-capacity.yaml",
                    "capacity",
                    "Monte Carlo error-free capacity K_max (pattern 1 a fixed point in half of the trials, bisection over K) "
                            + "of dense associative memories with F(x) = x^n, against the law N^(n-1)/(c_n ln N) of Krotov and "
                            + "Hopfield (NeurIPS 2016, eq. 5; c_2 = 2 is McEliece et al. 1987), dashed; the constants c_n and "
                            + "their sources are in results/reference/krotov-hopfield-capacity.csv. The law is the leading "
                            + "order for success with probability -> 1; the Monte Carlo (probability 1/2, N <= 130) lies 1.2 to "
                            + "1.8 times above it and grows with N as it does."),
            new Entry("dense-hebbian-learning", "Dense Hebbian learning phase diagram (RS and 1RSB)",
                    "configs/gallery/dense-hebbian-learning.yaml", "configs/gallery/full/dense-hebbian-learning.yaml",
                    "phase-diagram",
                    "Supervised dense Hebbian learning at P = 4 (Agliari et al., arXiv 2212.00606; 1RSB: Albanese et al., "
                            + "arXiv 2312.09638): RS lines T_M, T_c, T_AT, T_SG, T_0 in the (alpha, T) plane for several "
                            + "dataset entropies rho = (1 - r^2)/(M r^2), the 1RSB retrieval state below the AT line, marked "
                            + "where it differs from RS, and the 1RSB glass lines T_d, T_s, T_G (purple, brown: the P-spin glass "
                            + "at the effective load; T_c is the crossing with that glass). Grey: Monte Carlo of the supervised network (M = 10 examples per "
                            + "archetype at rho = 0.2, Glauber at T = 0.02 from archetype 1, filled where the overlap |m| with "
                            + "the archetype exceeds 1/2; one marker per N, shifted in T) and the m = 1/2 crossing extrapolated "
                            + "in 1/N (black cross, +- 1 s.e.); at these N (<= 32 quick, <= 64 full) the per-N crossings are "
                            + "noisy and not monotonic in N (chains escape from retrieval over finite barriers, or stay frozen "
                            + "near the archetype beyond the RS boundary; transition.csv), so the extrapolation has a large error. "
                            + "The T = 0 values the solver is checked against, each with how it was obtained, are in "
                            + "results/reference/learning.csv."),
            new Entry("teacher-student", "Teacher-student phase diagram of dense Hopfield networks (P = 3, Nishimori line)",
                    "configs/gallery/teacher-student.yaml", "configs/gallery/full/teacher-student.yaml", "phase-diagram",
                    "RS lines alpha_lR(T) (retrieval of the teacher's pattern appears) and alpha_gR(T) (it becomes the lowest "
                            + "free energy) with the teacher's transition T*_c and the paramagnet's zero-entropy line "
                            + "(Theriault and Tantari, SciPost Phys. 17, 040 (2024), Figs. 2 and 4; Saddle units, alpha_paper = 6 "
                            + "alpha, T_paper = 6 T), and Monte Carlo students started on the teacher's pattern, classed by their "
                            + "teacher overlap t. The paper's statement that this transition is the direct network's "
                            + "paramagnet to spin-glass transition is checked in the solver: alpha_lR and alpha_gR equal "
                            + "3 (T/tau_d)^2 and 3 (T/tau_s)^2 with the 1RSB glass temperatures tau_d = 0.6816, tau_s = 0.6514 "
                            + "of the direct P = 3 network (NishimoriGlassCorrespondenceTest, to 1e-6)."));

    /** What one entry's run gave. */
    public record Built(Entry entry, Path config, String configText, Path studyFolder, double wallSeconds,
            double computeSeconds, List<String> summary) {}

    private Gallery() {}

    /**
     * Runs every entry and writes {@code galleryDir/index.html}, the figures ({@code <id>.png}, {@code <id>.svg})
     * and a copy of each config ({@code <id>.yaml}); the studies' own folders go to {@code galleryDir/runs/}.
     */
    public static List<Built> build(List<Entry> entries, Path galleryDir, boolean full, boolean fresh, int threads,
            boolean showProgress, PrintWriter log) {
        List<Built> built = new ArrayList<>();
        Path runs = galleryDir.resolve("runs");
        // Validate every config before running anything, so a bad one fails at once.
        List<RunnableStudy> studies = new ArrayList<>();
        for (Entry entry : entries) {
            Path config = Path.of(full ? entry.fullConfig() : entry.quickConfig());
            studies.add(StudyTypes.load(config));
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            RunnableStudy study = studies.get(i);
            Path config = Path.of(full ? entry.fullConfig() : entry.quickConfig());
            log.printf("gallery: %s (%s)%n", entry.title(), config);
            log.flush();
            long started = System.nanoTime();
            RunSettings settings = new RunSettings(runs, threads, showProgress);
            StudySummary summary = study instanceof ShardableStudy<?> shardable
                    ? Sweeps.run(shardable, settings, Shard.WHOLE, fresh)
                    : study.run(settings);
            double wall = (System.nanoTime() - started) / 1e9;
            Path folder = summary.folder();
            for (String extension : List.of(".png", ".svg")) {
                Path figure = folder.resolve(entry.figure() + extension);
                if (!Files.exists(figure)) {
                    throw new InputException("gallery entry " + entry.id() + ": the study " + study.name() + " wrote no "
                            + figure.getFileName() + " (the entry's figure must name a figure the study writes)");
                }
                copy(figure, galleryDir.resolve(entry.id() + extension));
            }
            String text = read(config);
            write(galleryDir.resolve(entry.id() + ".yaml"), text);
            built.add(new Built(entry, config, text, folder, wall, computeSeconds(folder), summary.lines()));
        }
        write(galleryDir.resolve("index.html"), html(built, galleryDir, full));
        return built;
    }

    private static double computeSeconds(Path folder) {
        Path timing = folder.resolve(Sweeps.TIMING);
        if (!Files.exists(timing)) {
            return Double.NaN;
        }
        try {
            JsonNode json = Json.mapper().readTree(timing.toFile());
            return json.has("compute_seconds") ? json.get("compute_seconds").asDouble() : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static String html(List<Built> built, Path galleryDir, boolean full) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Saddle gallery of published figures</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("figure{margin:0}img{max-width:100%;border:1px solid #ccc}\n")
                .append("pre{background:#f5f5f5;padding:.8em;overflow-x:auto;font-size:85%}\n")
                .append("section{margin-bottom:3em}.meta{color:#555}\n</style>\n</head>\n<body>\n")
                .append("<h1>Saddle gallery of published figures</h1>\n<p class=\"meta\">")
                .append(full ? "Full (paper-quality) settings" : "Quick settings (<code>saddle gallery --full</code> for paper quality)")
                .append("; Saddle ").append(escape(Provenance.version())).append(", written ")
                .append(escape(Instant.now().toString())).append(". Each figure links to its SVG.</p>\n");
        for (Built b : built) {
            Entry e = b.entry();
            String runFolder = galleryDir.relativize(b.studyFolder()).toString().replace('\\', '/');
            page.append("<section id=\"").append(e.id()).append("\">\n<h2>").append(escape(e.title())).append("</h2>\n")
                    .append("<figure><a href=\"").append(e.id()).append(".svg\"><img src=\"").append(e.id())
                    .append(".png\" alt=\"").append(escape(e.title())).append("\"></a>\n<figcaption>")
                    .append(escape(e.caption())).append("</figcaption></figure>\n")
                    .append("<p class=\"meta\">Run time: ").append(String.format("%.1f s", b.wallSeconds()))
                    .append(" wall for this gallery run");
            if (!Double.isNaN(b.computeSeconds())) {
                page.append(String.format(", %.1f s of compute summed over all units", b.computeSeconds()));
            }
            page.append(". Config: <a href=\"").append(e.id()).append(".yaml\">").append(escape(b.config().toString()))
                    .append("</a>; all results (CSV, run.json, timing.json): <a href=\"").append(escape(runFolder))
                    .append("/\">").append(escape(runFolder)).append("/</a>. PNG: <a href=\"").append(e.id())
                    .append(".png\">").append(e.id()).append(".png</a>, SVG: <a href=\"").append(e.id()).append(".svg\">")
                    .append(e.id()).append(".svg</a>.</p>\n<pre>").append(escape(b.configText())).append("</pre>\n</section>\n");
        }
        page.append("</body>\n</html>\n");
        return page.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
