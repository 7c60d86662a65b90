package org.saddle.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A small Hopfield study (22 units: 4 line loads, 4 grid points, 2 curves, 12 samples) and file comparisons. */
final class TinyStudy {
    static final String CONFIG = """
            study: tiny
            model: hopfield
            seed: 11
            theory:
              quadrature-order: 40
              line-loads: [0.0, 0.03, 0.06, 0.1]
            grid:
              loads: [0.02, 0.1]
              temperatures: [0.0, 0.5]
            simulation:
              neurons: 200
              samples: 3
              equilibration-sweeps: 10
              measurement-sweeps: 10
            """;
    /** 4 line loads + 4 grid points + 2 overlap curves + 4 x 3 samples. */
    static final int UNITS = 22;

    private TinyStudy() {}

    /** Theory only, one line load and one grid point: 3 units. */
    static final String SMALL = """
            study: small
            model: hopfield
            seed: 5
            theory:
              quadrature-order: 30
              line-loads: [0.05]
            grid:
              loads: [0.05]
              temperatures: [0.3]
            """;

    static Path write(Path dir) throws IOException {
        Path config = dir.resolve("tiny.yaml");
        Files.writeString(config, CONFIG);
        return config;
    }

    /**
     * Writes {@code text} to {@code dir/<study>.yaml}, runs it unsharded on two threads into {@code dir/single} (all
     * {@code units} computed, exit 0) and returns the config; the study's files are in {@code dir/single/<study>}.
     */
    static Path runSingle(Path dir, String study, String text, int units) throws IOException {
        Path config = dir.resolve(study + ".yaml");
        Files.writeString(config, text);
        CliHarness.Outcome single = CliHarness.run("run", config.toString(), "--results-dir", dir.resolve("single").toString(),
                "--quiet", "--threads", "2");
        if (single.exitCode() != 0 || !single.out().contains("run: " + units + " of " + units + " units computed now")) {
            throw new AssertionError("single run of " + study + ": exit " + single.exitCode() + "\n" + single.out()
                    + single.err());
        }
        return config;
    }

    /** The regular files at the top of a study folder, timing.json excluded (host, JVM and times). */
    static List<String> resultFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("timing.json")).sorted().collect(Collectors.toList());
        }
    }

    /** Copies a folder tree. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Names of the files that differ in bytes between two study folders (and of files only one has). */
    static List<String> differences(Path a, Path b) throws IOException {
        List<String> names = resultFiles(a);
        List<String> different = new ArrayList<>();
        if (!names.equals(resultFiles(b))) {
            different.add("file sets " + names + " vs " + resultFiles(b));
            return different;
        }
        for (String name : names) {
            if (Files.mismatch(a.resolve(name), b.resolve(name)) != -1) {
                different.add(name);
            }
        }
        return different;
    }
}
