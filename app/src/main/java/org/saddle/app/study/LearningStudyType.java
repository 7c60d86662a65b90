package org.saddle.app.study;

import org.saddle.app.config.ConfigNode;
import org.saddle.app.config.LearningStudy;

/** {@code model: learning}: phase diagrams and learning thresholds of dense Hebbian learning (LearningStudyRunner, sharded). */
public final class LearningStudyType implements StudyType {
    @Override
    public String model() {
        return "learning";
    }

    @Override
    public RunnableStudy load(ConfigNode root, String text) {
        return new LearningStudyRunner(LearningStudy.parse(root, text));
    }
}
