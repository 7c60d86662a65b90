package org.saddle.simulation.potts;

/**
 * Unsupervised training with C latent classes, and its read-out (derived here; the paper's procedure could not be
 * read).
 *
 * <p><b>Model.</b> With the class y latent, the likelihood of an example sums over y and over the hidden state:
 * P(x) = sum_mu (sum_y p^mu_y) exp(beta w^mu . x) / Z = sum_mu q^mu exp(beta w^mu . x) / Z, with q^mu = sum_y p^mu_y.
 * It depends on the class weights only through the memory weights q^mu: any division of q^mu among the C classes has the
 * same likelihood, and the natural-gradient (EM) step p^mu_y &lt;- p^mu_y rbar_mu / q^mu keeps the ratios p^mu_y / q^mu
 * of the start. <b>The C latent classes are therefore not identifiable from the likelihood</b>; training is the C = 1
 * problem (memories and q^mu), and the classes are a read-out.
 *
 * <p><b>Read-out by the saddle hierarchy.</b> The C-memory stationary point of the same loss (EM from C training
 * examples) is the coarse level of the hierarchy: each of its memories defines a latent class, and every memory of
 * the trained P-memory DAM joins the class of the coarse memory it overlaps most (its ancestor in the hierarchy). The
 * C-class DAM p^mu_y = q^mu delta(y, class(mu)) has exactly the trained likelihood (sum_y p^mu_y = q^mu) and a class
 * posterior P(y | x) proportional to sum over mu in class y of q^mu exp(beta w^mu . x). With the null hidden state, its
 * weight q^0 is spread evenly over the classes (the background belongs to none).
 *
 * <p><b>Evaluation (cluster accuracy).</b> Each latent class is mapped to the majority label of the training examples
 * the DAM assigns to it (argmax of the class posterior); the accuracy of the mapped predictions on held-out examples
 * is the cluster accuracy. Labels are used only for this evaluation, never in training.
 */
public final class LatentClasses {
    private LatentClasses() {}

    /** The coarse C-memory DAM: EM from C training examples (seeded) to a stationary point of the loss at beta. */
    public static StationaryPoint coarse(SphereData unlabelled, int classes, double inverseTemperature, long seed) {
        PottsDam start = PottsDam.startingOnExamples(unlabelled, classes, seed);
        return StationaryPoint.solve(start, new PottsLoss(unlabelled, inverseTemperature, Math.min(unlabelled.count(), 512)), true,
                1e-8 * Math.sqrt(unlabelled.neurons()), 300);
    }

    /** For each memory of {@code fine}, the coarse memory with the largest overlap (its latent class). */
    public static int[] assign(PottsDam fine, PottsDam coarse) {
        int n = fine.neurons();
        int[] classOf = new int[fine.memories()];
        for (int mu = 0; mu < fine.memories(); mu++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < coarse.memories(); k++) {
                double overlap = 0;
                for (int i = 0; i < n; i++) {
                    overlap += fine.memoryWeights()[mu * n + i] * coarse.memoryWeights()[k * n + i];
                }
                if (overlap > best) {
                    best = overlap;
                    classOf[mu] = k;
                }
            }
        }
        return classOf;
    }

    /** The C-class DAM p^mu_y = q^mu delta(y, class(mu)) of a DAM trained without classes (same memories, same likelihood). */
    public static PottsDam withLatentClasses(PottsDam trained, int[] classOf, int classes) {
        int p = trained.memories();
        double[] q = new double[trained.hiddenStates()];
        double[] weights = trained.classWeights();
        int c0 = trained.classes();
        for (int h = 0; h < q.length; h++) {
            for (int y = 0; y < c0; y++) {
                q[h] += weights[h * c0 + y];
            }
        }
        double[] theta = new double[trained.hiddenStates() * classes];
        java.util.Arrays.fill(theta, Math.log(Double.MIN_NORMAL));
        for (int mu = 0; mu < p; mu++) {
            theta[mu * classes + classOf[mu]] = Math.log(q[mu]);
        }
        if (trained.hasNullState()) {
            for (int y = 0; y < classes; y++) {
                theta[p * classes + y] = Math.log(q[p] / classes);
            }
        }
        return new PottsDam(trained.neurons(), p, classes, trained.memoryWeights().clone(), theta, trained.hasNullState());
    }

    /**
     * A DAM read out into latent classes and evaluated.
     *
     * @param dam                  the C-class DAM p^mu_y = q^mu delta(y, class(mu)) (same memories, same likelihood)
     * @param labelOfClass         majority training label of each latent class (-1: a class that receives no example)
     * @param clusterAccuracyDam   cluster accuracy of the DAM's class posterior on the test examples
     * @param clusterAccuracyOneNn cluster accuracy of the nearest memory's latent class on the test examples
     */
    public record Readout(PottsDam dam, int[] labelOfClass, double clusterAccuracyDam, double clusterAccuracyOneNn) {}

    /**
     * Reads {@code trained} (a DAM trained without classes) out into C latent classes, memory mu in class classOf[mu]
     * ({@link #assign} against the coarse stationary point), maps each class to the majority label of the training
     * examples the DAM assigns to it (class posterior at {@code inverseTemperature}) and evaluates on {@code test}.
     *
     * @param unlabelledTrain the training examples (their labels are not read)
     * @param trainLabels     the training examples' labels, for the majority map only
     * @param test            held-out examples with their labels
     */
    public static Readout readOut(PottsDam trained, int[] classOf, int classes, SphereData unlabelledTrain, int[] trainLabels,
            SphereData test, double inverseTemperature) {
        PottsDam latent = withLatentClasses(trained, classOf, classes);
        int[] map = majorityLabels(PottsClassifier.damPredictions(latent, unlabelledTrain, inverseTemperature), trainLabels, classes);
        return new Readout(latent, map,
                clusterAccuracy(PottsClassifier.damPredictions(latent, test, inverseTemperature), map, test.labels()),
                clusterAccuracy(PottsClassifier.nearestMemoryPredictions(latent, test), map, test.labels()));
    }

    /** The majority label of the examples predicted in each latent class (-1 for a class that receives none). */
    public static int[] majorityLabels(int[] predictedClass, int[] labels, int classes) {
        int labelCount = 0;
        for (int l : labels) {
            labelCount = Math.max(labelCount, l + 1);
        }
        int[][] counts = new int[classes][labelCount];
        for (int a = 0; a < labels.length; a++) {
            counts[predictedClass[a]][labels[a]]++;
        }
        int[] map = new int[classes];
        for (int k = 0; k < classes; k++) {
            map[k] = -1;
            int best = 0;
            for (int l = 0; l < labelCount; l++) {
                if (counts[k][l] > best) {
                    best = counts[k][l];
                    map[k] = l;
                }
            }
        }
        return map;
    }

    /** Fraction of examples whose mapped latent class equals their label. */
    public static double clusterAccuracy(int[] predictedClass, int[] map, int[] labels) {
        int right = 0;
        for (int a = 0; a < labels.length; a++) {
            right += map[predictedClass[a]] == labels[a] ? 1 : 0;
        }
        return (double) right / labels.length;
    }
}
