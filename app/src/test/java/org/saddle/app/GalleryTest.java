package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddle.app.gallery.Gallery;
import org.saddle.app.output.ReferencePoints;
import org.saddle.app.study.RunnableStudy;
import org.saddle.app.study.StudyTypes;
import org.saddle.app.sweep.ShardableStudy;
import org.saddle.simulation.dense.CapacitySearch;

/** The gallery: index page, figures and config copies from a small entry; the shipped entries' files are valid. */
class GalleryTest {
    /** Tests run in app/; the configs and results/reference/ are one level up. */
    static final Path ROOT = Path.of("..");

    @TempDir
    Path dir;

    @Test
    void buildsAnIndexWithEachFigureItsConfigAndRunTime() throws IOException {
        Path config = dir.resolve("gallery-tiny.yaml");
        Files.writeString(config, TinyStudy.CONFIG.replace("study: tiny", "study: gallery-tiny")
                + "reference: " + ROOT.resolve("results/reference/ags-1987-phase-diagram.csv") + "\n");
        Gallery.Entry entry = new Gallery.Entry("tiny-figure", "Tiny <phase> diagram", config.toString(), config.toString(),
                "phase-diagram", "A caption & more");
        Path gallery = dir.resolve("results/gallery");
        StringWriter log = new StringWriter();
        List<Gallery.Built> built = Gallery.build(List.of(entry), gallery, false, false, 2, false, new PrintWriter(log, true));
        assertEquals(1, built.size());
        assertTrue(built.get(0).wallSeconds() > 0);
        byte[] png = Files.readAllBytes(gallery.resolve("tiny-figure.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "a PNG file");
        assertTrue(Files.readString(gallery.resolve("tiny-figure.svg")).contains("<svg"), "an SVG file");
        assertEquals(Files.readString(config), Files.readString(gallery.resolve("tiny-figure.yaml")));
        assertTrue(Files.exists(gallery.resolve("runs/gallery-tiny/run.json")), "the study's own folder under runs/");

        String html = Files.readString(gallery.resolve("index.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<h2>Tiny &lt;phase&gt; diagram</h2>"), "titles are escaped");
        assertTrue(html.contains("<a href=\"tiny-figure.svg\"><img src=\"tiny-figure.png\""), "relative links: opens from disk");
        assertTrue(html.contains("A caption &amp; more"));
        assertTrue(html.contains("Run time: "), html);
        assertTrue(html.contains("of compute summed over all units"), html);
        assertTrue(html.contains("<pre>study: gallery-tiny\nmodel: hopfield\n"), "the config is shown");
        assertTrue(html.contains("href=\"runs/gallery-tiny/\""), html);
        assertTrue(!html.contains("http://") && !html.contains("https://"), "nothing fetched from a server");

        // A second build resumes from the journals and rewrites the same figure.
        Gallery.build(List.of(entry), gallery, false, false, 1, false, new PrintWriter(new StringWriter(), true));
        assertArrayEquals(png, Files.readAllBytes(gallery.resolve("tiny-figure.png")));
    }

    @Test
    void shippedGalleryEntriesHaveValidConfigsAndReferences() throws IOException {
        for (Gallery.Entry entry : Gallery.ENTRIES) {
            for (String config : List.of(entry.quickConfig(), entry.fullConfig())) {
                Path file = ROOT.resolve(config);
                assertTrue(Files.exists(file), config);
                // The configs name results/reference/ relative to the repository root, where saddle runs.
                String text = Files.readString(file).replace("reference: results/", "reference: ../results/");
                RunnableStudy study = StudyTypes.fromText(config, text);
                // Every figure's study shards and resumes.
                assertTrue(study instanceof ShardableStudy<?>, config + " shards and resumes");
            }
        }
        assertEquals(List.of("ags-phase-diagram", "dense-capacity", "krotov-hopfield-capacity", "dense-hebbian-learning",
                "teacher-student"),
                Gallery.ENTRIES.stream().map(Gallery.Entry::id).toList());
        // The Krotov-Hopfield law drawn on the figure uses the constants c_n of the reference file (KH 2016 eq. 5,
        // McEliece et al. 1987 for n = 2): K_max = N^(n-1) / (c_n ln N).
        List<ReferencePoints.Point> kh = ReferencePoints.read(ROOT.resolve("results/reference/krotov-hopfield-capacity.csv"), "test");
        assertEquals(3, kh.size());
        for (ReferencePoints.Point c : kh) {
            int n = (int) c.x();
            for (double neurons : new double[] {50, 300, 1e4}) {
                assertEquals(Math.pow(neurons, n - 1) / (c.y() * Math.log(neurons)),
                        CapacitySearch.krotovHopfieldCapacity(n, neurons), 1e-12 * CapacitySearch.krotovHopfieldCapacity(n, neurons));
            }
        }
        List<ReferencePoints.Point> dense = ReferencePoints.read(ROOT.resolve("results/reference/dense-capacity-vs-order.csv"), "test");
        assertTrue(dense.stream().allMatch(p -> p.x() == 2 && !p.source().isBlank()), "published points only for P = 2");
        List<ReferencePoints.Point> ags = ReferencePoints.read(ROOT.resolve("results/reference/ags-1987-phase-diagram.csv"), "test");
        assertTrue(ags.stream().allMatch(p -> p.source().contains("AGS")), "every point names its source");
        // alpha_c = 0.138 at T = 0 and the T = 0 end of T_c at alpha = 0.051 (AGS 1987), as PHYSICS.md sec. 1 quotes them.
        assertTrue(ags.contains(new ReferencePoints.Point("AGS 1987: T_M", 0.138, 0.0, "AGS 1987: retrieval ends at alpha_c = 0.138 at T = 0")));
        assertTrue(ags.stream().anyMatch(p -> p.series().endsWith("T_c") && p.x() == 0.051 && p.y() == 0.0));
    }

    /** Tiny versions of the dense-capacity, Krotov-Hopfield and dense Hebbian learning entries: each writes its figure. */
    @Test
    void theNewEntriesFiguresAreWrittenFromTinyConfigs() throws IOException {
        Path dense = dir.resolve("dense.yaml");
        Files.writeString(dense, """
                study: g-dense
                model: dense-capacity
                seed: 3
                energy: gardner
                interaction-orders: [2, 3]
                neurons: {2: [40, 60], 3: [10, 14]}
                retrieval: {trials: 8, resolution: 0.2}
                theory: {critical-loads: rs, quadrature-order: 30}
                reference: %s
                """.formatted(ROOT.resolve("results/reference/dense-capacity-vs-order.csv").toAbsolutePath()));
        Path kh = dir.resolve("kh.yaml");
        Files.writeString(kh, """
                study: g-kh
                model: dense-capacity
                seed: 3
                energy: polynomial
                interaction-orders: [2, 3]
                neurons: [16, 24]
                retrieval: {trials: 8, resolution: 0.2}
                """);
        Path learning = dir.resolve("learning.yaml");
        Files.writeString(learning, """
                study: g-learning
                model: learning
                theory:
                  interaction-order: 4
                  mode: supervised
                  dataset-entropies: [0.0]
                  line-loads: [0.0, 0.02]
                  critical-load-entropies: [0.0]
                  ansatz: rs
                  quadrature-order: 30
                """);
        List<Gallery.Entry> entries = List.of(
                new Gallery.Entry("dense-capacity", "d", dense.toString(), dense.toString(), "capacity-vs-order", "c"),
                new Gallery.Entry("krotov-hopfield-capacity", "k", kh.toString(), kh.toString(), "capacity", "c"),
                new Gallery.Entry("dense-hebbian-learning", "l", learning.toString(), learning.toString(), "phase-diagram", "c"));
        Path gallery = dir.resolve("gallery");
        Gallery.build(entries, gallery, false, false, 2, false, new PrintWriter(new StringWriter(), true));
        for (Gallery.Entry e : entries) {
            byte[] png = Files.readAllBytes(gallery.resolve(e.id() + ".png"));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), e.id());
            assertTrue(Files.readString(gallery.resolve(e.id() + ".svg")).contains("<svg"), e.id());
        }
        // The extrapolation N -> inf drawn on the figure: one row per P.
        assertEquals(3, Files.readAllLines(gallery.resolve("runs/g-dense/extrapolation.csv")).size());
        List<String> critical = Files.readAllLines(gallery.resolve("runs/g-dense/critical-loads.csv"));
        // RS alpha_c: 0.13790557 for P = 2 (AGS 1987) and 0.1260952 for P = 3 (results/reference/dense.csv).
        assertTrue(critical.get(1).startsWith("2,rs,0.1379"), critical.get(1));
        assertTrue(critical.get(2).startsWith("3,rs,0.1260"), critical.get(2));
        String index = Files.readString(gallery.resolve("index.html"));
        assertTrue(index.contains("id=\"dense-hebbian-learning\""), index);
    }

    @Test
    void aMissingReferenceFileIsBadInput() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, TinyStudy.CONFIG + "reference: results/reference/no-such-file.csv\n");
        CliHarness.Outcome outcome = CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("results").toString());
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("key 'reference'") && outcome.err().contains("series,x,y,source"), outcome.err());
        assertTrue(!Files.exists(dir.resolve("results")));
    }
}
