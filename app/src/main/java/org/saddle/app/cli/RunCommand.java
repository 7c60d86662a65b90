package org.saddle.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.saddle.app.config.HopfieldStudy;
import org.saddle.app.config.StudyLoader;
import org.saddle.app.study.HopfieldStudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code saddle run CONFIG}: runs a YAML study and writes results/&lt;study&gt;/. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a YAML study (theory, simulation, comparison, figures).",
            "Writes results/<study>/: theory.csv, phase-lines.csv, simulation.csv, comparison.csv, run.json,",
            "phase-diagram.png/.svg and overlap.png/.svg, all at once when the run completes."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "the study file, e.g. configs/hopfield-ags.yaml")
    Path config;

    @Option(names = "--threads", defaultValue = "0", description = "threads for Monte Carlo samples (default: all cores); results do not depend on it")
    int threads;

    @Option(names = "--results-dir", defaultValue = "results", description = "folder the study's folder is written into (default: ${DEFAULT-VALUE})")
    Path resultsDir;

    @Option(names = "--quiet", description = "no progress bar on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        int workers = Options.threads(threads);
        HopfieldStudy study = StudyLoader.load(config);
        HopfieldStudyRunner.Outcome outcome = new HopfieldStudyRunner(resultsDir, workers, !quiet).run(study);
        var out = spec.commandLine().getOut();
        out.printf("study %s: %d grid points, %d phase-line loads, %.1f s%n", study.name(), outcome.points().size(),
                study.lineLoads().size(), outcome.seconds());
        if (outcome.unconverged() > 0) {
            out.printf("warning: %d RS branches did not converge; see the status column of theory.csv%n", outcome.unconverged());
        }
        out.printf("wrote %s%n", outcome.folder());
        return 0;
    }
}
