package org.saddle.simulation.potts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.saddle.simulation.ProgressListener;

/** Unsupervised training with C latent classes and the hierarchy read-out of {@link LatentClasses}. */
class LatentClassesTest {

    /**
     * Three well-separated clusters in N = 30 (centre overlaps O(N^-1/2), noise 0.5 per component): a P = 9 DAM
     * trained without labels, read out into C = 3 latent classes through the coarse 3-memory stationary point. Every
     * memory sits inside one cluster, so the mapped latent classes must reproduce the labels of held-out examples
     * (cluster accuracy above 0.98: the clusters are separated by many noise widths), and the read-out must keep the
     * memory weights q^mu (the likelihood) unchanged.
     */
    @Test
    void latentClassesOfWellSeparatedClustersRecoverTheLabels() {
        SmallData.Unlabelled clusters = SmallData.threeClustersWithoutLabels();
        SphereData train = clusters.train();
        int[] trainLabels = clusters.trainLabels();
        SphereData test = clusters.test();
        PottsDam dam = PottsDam.startingOnExamples(train, 9, 52);
        PottsTrainer.train(dam, train, new TrainingSettings(0.3, 1, 10, 30, 0.05, 0.05, 53), ProgressListener.NONE);
        StationaryPoint coarse = LatentClasses.coarse(train, 3, 0.3, 54);
        assertTrue(coarse.converged(), "coarse EM residual " + coarse.gradientNorm());
        int[] classOf = LatentClasses.assign(dam, coarse.dam());
        PottsDam latent = LatentClasses.withLatentClasses(dam, classOf, 3);
        double[] before = dam.classWeights();
        double[] after = latent.classWeights();
        for (int mu = 0; mu < 9; mu++) {
            double q = 0;
            for (int y = 0; y < 3; y++) {
                q += after[mu * 3 + y];
            }
            assertEquals(before[mu], q, 1e-12, "memory weight q^mu kept");
            assertEquals(classOf[mu], latent.memoryClass(mu));
        }
        int[] map = LatentClasses.majorityLabels(PottsClassifier.damPredictions(latent, train, 0.3), trainLabels, 3);
        java.util.Set<Integer> distinct = new java.util.HashSet<>();
        for (int l : map) {
            distinct.add(l);
        }
        assertEquals(3, distinct.size(), "three latent classes, three labels");
        double accuracy = LatentClasses.clusterAccuracy(PottsClassifier.damPredictions(latent, test, 0.3), map, test.labels());
        assertTrue(accuracy > 0.98, "cluster accuracy " + accuracy);
    }

    @Test
    void majorityMapAndAccuracyByHand() {
        int[] predicted = {0, 0, 0, 1, 1, 2};
        int[] labels = {5, 5, 3, 2, 2, 2};
        int[] map = LatentClasses.majorityLabels(predicted, labels, 4);
        assertEquals(5, map[0]);
        assertEquals(2, map[1]);
        assertEquals(2, map[2]);
        assertEquals(-1, map[3], "a class that receives no example has no label");
        assertEquals(5.0 / 6, LatentClasses.clusterAccuracy(predicted, map, labels), 1e-15);
    }
}
