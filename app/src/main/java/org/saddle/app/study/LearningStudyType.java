package org.saddle.app.study;

import java.util.ArrayList;
import java.util.List;
import org.saddle.app.config.ConfigNode;
import org.saddle.app.config.LearningStudy;

/** {@code model: learning}: phase diagrams and learning thresholds of dense Hebbian learning (LearningStudyRunner). */
public final class LearningStudyType implements StudyType {
    @Override
    public String model() {
        return "learning";
    }

    @Override
    public RunnableStudy load(ConfigNode root, String text) {
        LearningStudy study = LearningStudy.parse(root, text);
        return new RunnableStudy() {
            @Override
            public String name() {
                return study.name();
            }

            @Override
            public StudySummary run(RunSettings settings) {
                LearningStudyRunner.Outcome o = new LearningStudyRunner(settings.resultsRoot(), settings.threads(),
                        settings.showProgress()).run(study);
                List<String> warnings = new ArrayList<>();
                if (o.unconverged() > 0) {
                    warnings.add("warning: " + o.unconverged() + " solves did not converge; see the status columns");
                }
                List<String> lines = new ArrayList<>(List.of(String.format(
                        "study %s: %d dataset entropies x %d loads of phase lines, %d 1RSB solves", study.name(),
                        study.entropies().size(), study.lineLoads().size(), o.oneStepSolves())));
                lines.addAll(o.simulationLines());
                return new StudySummary(o.folder(), o.seconds(), lines, warnings);
            }
        };
    }
}
