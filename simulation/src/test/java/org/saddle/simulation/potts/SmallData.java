package org.saddle.simulation.potts;

import java.util.SplittableRandom;

/** Small synthetic data on the sphere for the exact (dense-Hessian) tests. */
final class SmallData {
    private SmallData() {}

    /**
     * M examples in N dimensions around C class centres (Gaussian noise of the given width), normalized
     * onto |x|^2 = N; example a has class a mod C.
     */
    static SphereData clusters(int n, int m, int c, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[c][n];
        for (int y = 0; y < c; y++) {
            for (int i = 0; i < n; i++) {
                centres[y][i] = gaussian(random);
            }
        }
        double[] x = new double[n * m];
        int[] labels = new int[m];
        for (int a = 0; a < m; a++) {
            int y = a % c;
            labels[a] = y;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double v = centres[y][i] + noise * gaussian(random);
                x[a * n + i] = v;
                norm += v * v;
            }
            double scale = Math.sqrt(n / norm);
            for (int i = 0; i < n; i++) {
                x[a * n + i] *= scale;
            }
        }
        return new SphereData(n, m, c, x, labels);
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** A DAM with random memories and random class-weight logits. */
    static PottsDam randomDam(int n, int p, int c, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[n * p];
        for (int k = 0; k < w.length; k++) {
            w[k] = gaussian(random);
        }
        double[] theta = new double[p * c];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = 0.5 * gaussian(random);
        }
        return new PottsDam(n, p, c, w, theta);
    }

    /**
     * The three separated clusters of the latent-class tests (N = 30, noise 0.5): 300 training examples without their
     * labels (one class), their labels apart (for the evaluation only), and 300 labelled test examples.
     */
    record Unlabelled(SphereData train, int[] trainLabels, SphereData test) {}

    static Unlabelled threeClustersWithoutLabels() {
        SphereData labelled = clusters(30, 600, 3, 0.5, 51);
        return new Unlabelled(new SphereData(30, 300, 1, java.util.Arrays.copyOf(labelled.x(), 30 * 300), new int[300]),
                java.util.Arrays.copyOf(labelled.labels(), 300),
                new SphereData(30, 300, 3, java.util.Arrays.copyOfRange(labelled.x(), 30 * 300, 30 * 600),
                        java.util.Arrays.copyOfRange(labelled.labels(), 300, 600)));
    }
}
