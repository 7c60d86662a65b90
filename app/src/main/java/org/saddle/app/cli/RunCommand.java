package org.saddle.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.saddle.app.InputException;
import org.saddle.app.study.RunSettings;
import org.saddle.app.study.RunnableStudy;
import org.saddle.app.study.StudySummary;
import org.saddle.app.study.StudyTypes;
import org.saddle.app.sweep.Shard;
import org.saddle.app.sweep.ShardableStudy;
import org.saddle.app.sweep.Sweeps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code saddle run CONFIG}: runs a YAML study and writes results/&lt;study&gt;/. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a YAML study (theory, simulation, comparison, figures).",
            "The config's model: key selects the study type (see README, 'Config files').",
            "Writes results/<study>/ (CSV, run.json, PNG/SVG figures) when the run completes; every finished unit",
            "(theory point, Monte Carlo sample) is journaled in results/<study>/journal/ as it completes, so the same",
            "command after a crash or kill redoes only unfinished work."})
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

    @Option(names = "--shard", paramLabel = "i/n", description = {"compute only shard i of n (1 <= i <= n) and journal it "
        + "under results/<study>/journal/; 'saddle merge results/<study>' writes the study's files once every shard is done"})
    String shard;

    @Option(names = "--fresh", description = "discard the study's journals (finished work of an earlier run) before running")
    boolean fresh;

    @Override
    public Integer call() {
        int workers = Options.threads(threads);
        Shard part = shard == null ? Shard.WHOLE : Shard.parse("--shard", shard);
        RunnableStudy study = StudyTypes.load(config);
        RunSettings settings = new RunSettings(resultsDir, workers, !quiet);
        StudySummary summary;
        if (study instanceof ShardableStudy<?> shardable) {
            summary = Sweeps.run(shardable, settings, part, fresh);
        } else if (shard != null || fresh) {
            throw new InputException("option '" + (shard != null ? "--shard" : "--fresh") + "': the study type of "
                    + config + " runs whole (a training run is one sequential trajectory, not a grid of independent units); "
                    + "study types that shard: hopfield, teacher-student, dense, dense-capacity, learning, potts-teacher-student");
        } else {
            summary = study.run(settings);
        }
        var out = spec.commandLine().getOut();
        for (String line : summary.lines()) {
            out.println(line);
        }
        out.printf("finished in %.1f s%n", summary.seconds());
        for (String warning : summary.warnings()) {
            out.println(warning);
        }
        out.printf("wrote %s%n", summary.folder());
        return 0;
    }
}
