package org.saddle.simulation.potts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The saddle hierarchy (Thériault-Tantari, arXiv 2508.19151: stationary points of narrower DAMs are saddles
 * of wider ones) on small problems where the full Hessian is diagonalized with LAPACK dsyev, and the analytic
 * Hessian checked against finite differences of the analytic gradient.
 */
class PottsHessianTest {

    @Test
    void euclideanHessianMatchesFiniteDifferencesOfTheGradient() {
        int n = 5;
        int p = 3;
        SphereData data = SmallData.clusters(n, 17, 2, 0.7, 11);
        assertEuclideanHessianMatchesFiniteDifferences(data, SmallData.randomDam(n, p, 2, 12), 0.8);
    }

    /** {@link PottsHessian#euclidean} against central differences of the gradient, on all of {@code data}. */
    static void assertEuclideanHessianMatchesFiniteDifferences(SphereData data, PottsDam dam, double beta) {
        int m = data.count();
        PottsLoss loss = new PottsLoss(data, beta, m);
        double[] h = PottsHessian.euclidean(dam, loss);
        int dim = dam.memoryWeights().length;
        double step = 1e-6;
        double[] w = dam.memoryWeights();
        double[] plus = new double[dim];
        double[] minus = new double[dim];
        double[] gt = new double[dam.logits().length];
        for (int k = 0; k < dim; k++) {
            double keep = w[k];
            w[k] = keep + step;
            loss.evaluate(dam, null, 0, m, plus, gt, null);
            w[k] = keep - step;
            loss.evaluate(dam, null, 0, m, minus, gt, null);
            w[k] = keep;
            for (int j = 0; j < dim; j++) {
                assertEquals((plus[j] - minus[j]) / (2 * step), h[k * dim + j], 1e-6, "H[" + j + "," + k + "]");
            }
        }
    }

    @Test
    void emSolvesTheStationarityEquations() {
        SphereData data = SmallData.clusters(6, 40, 2, 0.9, 21);
        PottsLoss loss = new PottsLoss(data, 0.5, 40);
        PottsDam start = SmallData.randomDam(6, 3, 2, 22);
        double before = loss.loss(start);
        StationaryPoint point = StationaryPoint.solve(start, loss, true, 1e-10, 20_000);
        assertTrue(point.converged(), "EM residual " + point.gradientNorm() + " after " + point.iterations());
        assertTrue(point.loss() <= before, "EM does not increase the loss");
        // dL/dtheta = 0 as well: p^mu_y equals the posterior mass
        double[] gt = new double[3 * 2];
        new PottsLoss(data, 0.5, 40).fullGradient(point.dam(), new double[6 * 3], gt);
        for (double g : gt) {
            assertEquals(0, g, 1e-9);
        }
    }

    /**
     * Duplicating a memory of a stationary DAM (two copies with half the class weights) leaves the loss and
     * the stationarity unchanged: the stationary point of P memories is one of P + 1.
     */
    @Test
    void duplicatedStationaryPointIsStationary() {
        SphereData data = SmallData.clusters(6, 40, 2, 0.9, 21);
        PottsLoss loss = new PottsLoss(data, 0.5, 40);
        StationaryPoint point = StationaryPoint.solve(SmallData.randomDam(6, 2, 2, 23), loss, true, 1e-11, 20_000);
        assertTrue(point.converged());
        PottsDam wide = point.dam().split(new int[] {1}, null, 0);
        assertEquals(3, wide.memories());
        assertEquals(point.loss(), loss.loss(wide), 1e-12 * point.loss());
        assertEquals(0, StationaryPoint.norm(PottsHessian.riemannianGradient(wide, loss)), 1e-10);
        double[] gt = new double[3 * 2];
        loss.fullGradient(wide, new double[6 * 3], gt);
        for (double g : gt) {
            assertEquals(0, g, 1e-10);
        }
    }

    /**
     * One memory (P = 1, r = 1) on the data's mean direction is stationary at every beta; duplicated, it is a
     * saddle of the P = 2 DAM exactly when beta > beta_split = mbar / lambda_max(C) (derivation in
     * {@link PottsHessian}), and the Hessian's most negative eigenvalue equals that of the splitting matrix.
     */
    @Test
    void duplicatedMemoryBecomesASaddleAboveTheSplittingThreshold() {
        int n = 6;
        SphereData two = SmallData.clusters(n, 60, 2, 0.6, 31);
        SphereData data = new SphereData(n, 60, 1, two.x(), new int[60]);
        double[] mean = new double[n];
        for (int a = 0; a < 60; a++) {
            for (int i = 0; i < n; i++) {
                mean[i] += data.x()[a * n + i];
            }
        }
        PottsDam one = new PottsDam(n, 1, 1, mean, new double[1]);
        // threshold from the data alone: mbar and the top eigenvalue of the tangent covariance
        double[] w = one.memoryWeights();
        double mbar = 0;
        double[] cov = new double[n * n];
        for (int a = 0; a < 60; a++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += w[i] * data.x()[a * n + i] / n;
            }
            mbar += m / 60;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    cov[j * n + i] += (data.x()[a * n + i] - m * w[i]) * (data.x()[a * n + j] - m * w[j]) / 60;
                }
            }
        }
        double lambdaMax = SymmetricEigen.of(cov, n).values()[n - 1];
        double betaSplit = mbar / lambdaMax;
        for (double factor : new double[] {0.5, 2.0}) {
            double beta = factor * betaSplit;
            PottsLoss loss = new PottsLoss(data, beta, 60);
            assertEquals(0, StationaryPoint.norm(PottsHessian.riemannianGradient(one, loss)), 1e-10, "mean direction is stationary");
            PottsDam wide = one.split(new int[] {0}, null, 0);
            assertEquals(0, StationaryPoint.norm(PottsHessian.riemannianGradient(wide, loss)), 1e-10);
            double hessianMin = SymmetricEigen.of(PottsHessian.riemannian(wide, loss), 2 * n).values()[0];
            double[] splitting = SymmetricEigen.of(PottsHessian.splittingMatrix(one, loss, 0), n).values();
            // tangent curvature along the top eigenvector of C: -(beta/2)(beta lambda_max - mbar); the radial
            // direction w is a null vector of S, so it is values[0] above the threshold and values[1] below
            double predicted = -(beta / 2) * (beta * lambdaMax - mbar);
            double splittingMin = splitting[0];
            assertEquals(predicted, factor > 1 ? splitting[0] : splitting[1], 1e-10);
            assertEquals(0, factor > 1 ? splitting[1] : splitting[0], 1e-10);
            if (factor > 1) {
                assertTrue(hessianMin < 0, "saddle above the threshold: lambda_min = " + hessianMin);
                assertEquals(splittingMin, hessianMin, 1e-10, "the antisymmetric block is the splitting matrix");
            } else {
                assertTrue(hessianMin > -1e-12, "minimum below the threshold: lambda_min = " + hessianMin);
            }
        }
    }
}
