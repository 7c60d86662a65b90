package org.saddle.simulation.potts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.saddle.simulation.ProgressListener;

/**
 * Growth by splitting with the null hidden state and without labels (latent classes), and the stationarity residual
 * that can stop the training of each width (definitions in {@link NetworkGrowth}, {@link PottsTrainer}).
 */
class GrowthSplitTest {

    /** Two clusters in N = 8; C = 2 keeps their labels (supervised), C = 1 drops them (unsupervised: the latent-class case). */
    private static SphereData data(int classes) {
        SphereData two = SmallData.clusters(8, 50, 2, 0.8, 41);
        return classes == 2 ? two : new SphereData(8, 50, 1, two.x(), new int[50]);
    }

    /**
     * The saddle hierarchy with the null state: EM reaches a stationary point of P = 2 memories, the class weights and
     * the null state's weights (beta = 1.5); memory 0 duplicated with half its class weights (null state untouched) is a
     * stationary point of P = 3: same loss, Riemannian gradient and every dL/dtheta (null row included) zero to rounding,
     * the null weights and the total weight unchanged. On the antisymmetric directions (v, -v)/sqrt 2 of the two copies
     * the full Riemannian Hessian (LAPACK dsyev) is the splitting matrix S_0 of the narrow DAM (derivation in
     * {@link PottsHessian}; the null state enters only through the normalization of r_mu): that subspace is invariant and
     * the N eigenvalues of the restricted block equal those of S_0. Tolerances: the EM residual is 1e-11; the Hessian
     * entries are O(beta^2) = O(1) sums of 50 terms, so 1e-10 is rounding.
     */
    @ParameterizedTest(name = "C = {0}")
    @ValueSource(ints = {2, 1})
    void duplicatedStationaryPointWithTheNullStateIsAStationaryPointWhoseSplittingBlockIsTheSplittingMatrix(int classes) {
        int n = 8;
        SphereData data = data(classes);
        PottsLoss loss = new PottsLoss(data, 1.5, 50);
        StationaryPoint point = StationaryPoint.solve(SmallData.randomDam(n, 2, classes, 42).withNullState(0.2), loss, true, 1e-11, 20_000);
        assertTrue(point.converged(), "EM residual " + point.gradientNorm());
        PottsDam narrow = point.dam();
        double nullWeight = narrow.nullStateWeight();
        assertTrue(nullWeight > 1e-3, "the null state explains part of the data here (P(h = 0) = " + nullWeight + "), so it is tested");
        PottsDam wide = narrow.split(new int[] {0}, null, 0);
        assertEquals(3, wide.memories());
        assertTrue(wide.hasNullState());
        assertEquals(point.loss(), loss.loss(wide), 1e-12 * point.loss());
        assertEquals(0, StationaryPoint.norm(PottsHessian.riemannianGradient(wide, loss)), 1e-10);
        double[] gt = new double[wide.logits().length];
        loss.fullGradient(wide, new double[n * 3], gt);
        for (double g : gt) {
            assertEquals(0, g, 1e-10, "dL/dtheta = p - rbar vanishes for the copies and the null state");
        }
        double[] before = narrow.classWeights();
        double[] after = wide.classWeights();
        double total = 0;
        for (double p : after) {
            total += p;
        }
        assertEquals(1, total, 1e-14);
        for (int y = 0; y < classes; y++) {
            assertEquals(before[2 * classes + y], after[3 * classes + y], 1e-15, "null weight p^0_y kept, its row last");
            assertEquals(before[y] / 2, after[y], 1e-15, "copy 0 has half the weight");
            assertEquals(before[y] / 2, after[2 * classes + y], 1e-15, "copy 2 has the other half");
        }
        assertEquals(nullWeight, wide.nullStateWeight(), 1e-15);
        // the Hessian restricted to the antisymmetric directions of copies 0 and 2
        int dim = 3 * n;
        double[] h = PottsHessian.riemannian(wide, loss);
        double[] u = new double[dim * n]; // column i: (e_{0,i} - e_{2,i}) / sqrt 2
        for (int i = 0; i < n; i++) {
            u[i * dim + i] = Math.sqrt(0.5);
            u[i * dim + 2 * n + i] = -Math.sqrt(0.5);
        }
        double[] hu = new double[dim * n];
        dev.ludovic.netlib.blas.BLAS.getInstance().dgemm("N", "N", dim, n, dim, 1.0, h, dim, u, dim, 0.0, hu, dim);
        double[] block = new double[n * n];
        dev.ludovic.netlib.blas.BLAS.getInstance().dgemm("T", "N", n, n, dim, 1.0, u, dim, hu, dim, 0.0, block, n);
        double[] uBlock = new double[dim * n];
        dev.ludovic.netlib.blas.BLAS.getInstance().dgemm("N", "N", dim, n, n, 1.0, u, dim, block, n, 0.0, uBlock, dim);
        for (int k = 0; k < dim * n; k++) {
            assertEquals(uBlock[k], hu[k], 1e-10, "the antisymmetric subspace is invariant under the Hessian");
        }
        double[] restricted = SymmetricEigen.of(block, n).values();
        double[] splitting = SymmetricEigen.of(PottsHessian.splittingMatrix(narrow, loss, 0), n).values();
        for (int k = 0; k < n; k++) {
            assertEquals(splitting[k], restricted[k], 1e-10, "eigenvalue " + k);
        }
        assertTrue(splitting[0] < 0, "beta = 1.5 is above the splitting threshold of memory 0: lambda_min(S_0) = " + splitting[0]);
        // the Gram-matrix route of growth finds the same most negative tangent curvature, up to the examples it leaves
        // out (r_0(a) <= 1e-6 max_a r_0): each shifts lambda_min by at most beta^2 r_0(a) |x^perp|^2 / (2M) <= beta^2 N r_0(a) / (2M)
        double[] r = PottsHessian.responsibilities(narrow, loss);
        double max = 0;
        for (int a = 0; a < 50; a++) {
            max = Math.max(max, r[a * 2]);
        }
        double leftOut = 0;
        for (int a = 0; a < 50; a++) {
            leftOut += r[a * 2] <= 1e-6 * max ? 1.5 * 1.5 * n * r[a * 2] / (2 * 50) : 0;
        }
        assertEquals(splitting[0], NetworkGrowth.splitDirections(narrow, loss).curvature()[0], leftOut + 1e-12);
    }

    /**
     * rho by hand for one memory without the null state (r = 1, Q = 1): rho = |xbar^perp| / sqrt N with xbar the mean
     * example and xbar^perp = xbar - (w . xbar / N) w; the trainer's epoch value with zero learning rates (nothing moves,
     * every example's term at the same memories) equals the full-data value; and rho vanishes at a stationary point.
     */
    @Test
    void stationarityResidualByHandAndFromTheTrainer() {
        int n = 8;
        SphereData data = data(1);
        PottsDam one = SmallData.randomDam(n, 1, 1, 43);
        double[] xbar = new double[n];
        for (int a = 0; a < 50; a++) {
            for (int i = 0; i < n; i++) {
                xbar[i] += data.x()[a * n + i] / 50;
            }
        }
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += one.memoryWeights()[i] * xbar[i] / n;
        }
        double perp2 = 0;
        for (int i = 0; i < n; i++) {
            double e = xbar[i] - m * one.memoryWeights()[i];
            perp2 += e * e;
        }
        PottsLoss loss = new PottsLoss(data, 1.5, 50);
        assertEquals(Math.sqrt(perp2 / n), PottsHessian.stationarityResidual(one, loss), 1e-14);
        // P = 3 with the null state, supervised: trainer (learning rates 0, batches of 7) against the full-data value
        SphereData labelled = data(2);
        PottsDam dam = SmallData.randomDam(n, 3, 2, 44).withNullState(0.1);
        double exact = PottsHessian.stationarityResidual(dam, new PottsLoss(labelled, 1.5, 50));
        PottsTrainer.History h = PottsTrainer.train(dam, labelled, new TrainingSettings(1.5, 1, 1, 7, 0, 0, 45), ProgressListener.NONE);
        assertEquals(exact, h.lastResidual(), 1e-12 * exact);
        assertTrue(exact > 0 && exact <= 1, "rho in (0, 1] away from stationarity: " + exact);
        StationaryPoint point = StationaryPoint.solve(dam, new PottsLoss(labelled, 1.5, 50), true, 1e-11, 20_000);
        assertTrue(PottsHessian.stationarityResidual(point.dam(), new PottsLoss(labelled, 1.5, 50)) < 1e-10);
    }

    /**
     * Unsupervised growth with the null state on three well-separated clusters in N = 30 (the data of
     * {@link LatentClassesTest}): 3 -> 6 -> 9 memories, the null state carried through every width, then the latent-class
     * read-out through the coarse 3-memory stationary point. Every grown memory sits inside one cluster, so the mapped
     * latent classes reproduce the held-out labels (cluster accuracy above 0.98, as for direct training there).
     */
    @Test
    void unsupervisedGrowthWithTheNullStateReadsOutTheClusters() {
        SmallData.Unlabelled clusters = SmallData.threeClustersWithoutLabels();
        SphereData train = clusters.train();
        int[] trainLabels = clusters.trainLabels();
        SphereData test = clusters.test();
        NetworkGrowth.Result grown = NetworkGrowth.grow(train, new TrainingSettings(0.3, 1, 5, 30, 0.05, 0.05, 53),
                new NetworkGrowth.Settings(3, 9, 5, 0.05, 0.05, 0, NetworkGrowth.Trainer.SGD), ProgressListener.NONE);
        assertEquals(9, grown.dam().memories());
        assertTrue(grown.dam().hasNullState());
        assertEquals(3, grown.stages().size(), "3 -> 6 -> 9");
        for (NetworkGrowth.Stage stage : grown.stages()) {
            assertTrue(stage.nullStateWeight() > 0 && stage.nullStateWeight() < 1, "null weight " + stage.nullStateWeight());
        }
        StationaryPoint coarse = LatentClasses.coarse(train, 3, 0.3, 54);
        LatentClasses.Readout readout = LatentClasses.readOut(grown.dam(), LatentClasses.assign(grown.dam(), coarse.dam()), 3, train,
                trainLabels, test, 0.3);
        assertTrue(readout.dam().hasNullState());
        assertTrue(readout.clusterAccuracyDam() > 0.98, "cluster accuracy " + readout.clusterAccuracyDam());
        assertTrue(readout.clusterAccuracyOneNn() > 0.98, "cluster accuracy (nearest memory) " + readout.clusterAccuracyOneNn());
    }

    /**
     * Width stopping by stationarity: every width is trained until the first epoch whose residual rho is at most the
     * tolerance, or to the cap; and the cap is not always needed (else the rule would be the fixed-epochs rule).
     */
    @Test
    void widthStoppingTrainsEachWidthUntilItsEpochResidualIsBelowTheTolerance() {
        SphereData data = SmallData.clusters(10, 120, 3, 0.9, 51);
        TrainingSettings training = new TrainingSettings(1.0, 1.0, 0, 20, 0.05, 0.05, 5);
        double tolerance = 0.02;
        int cap = 40;
        NetworkGrowth.Result result = NetworkGrowth.grow(data, training, new NetworkGrowth.Settings(2, 8, cap, 0.05, 0, tolerance, NetworkGrowth.Trainer.SGD),
                ProgressListener.NONE);
        boolean early = false;
        for (NetworkGrowth.Stage stage : result.stages()) {
            assertTrue(stage.residual() <= tolerance || stage.epochs() == cap, stage.toString());
            early |= stage.epochs() < cap;
        }
        assertTrue(early, "some width became stationary before the cap");
        PottsDam dam = PottsDam.startingOnExamples(data, 4, 6);
        PottsTrainer.History h = PottsTrainer.train(dam, data, training.withEpochs(cap), tolerance, ProgressListener.NONE);
        for (int e = 0; e < h.epochs() - 1; e++) {
            assertTrue(h.residualPerEpoch()[e] > tolerance, "epoch " + e + " was not yet stationary");
        }
        // with EM every width reaches a stationary point (rho -> 0), here rho <= 1e-6, well before a cap of 5000 iterations
        NetworkGrowth.Result em = NetworkGrowth.grow(data, training, new NetworkGrowth.Settings(2, 8, 5000, 0.05, 0.05, 1e-6,
                NetworkGrowth.Trainer.EM), ProgressListener.NONE);
        for (NetworkGrowth.Stage stage : em.stages()) {
            assertTrue(stage.residual() <= 1e-6 && stage.epochs() < 5000, stage.toString());
        }
    }

    /**
     * {@link EmTrainer} is the iteration of {@link StationaryPoint#solve} (same stationarity equations, here with BLAS):
     * from the same start, 40 iterations of each give the same memories and class weights (null state included) to
     * rounding; the loss never increases (EM); the rho of the first iteration is the full-data rho of the start; and
     * with a tolerance it stops at a point whose rho is at most the tolerance, without moving it.
     */
    @Test
    void emTrainerIteratesTheStationarityEquations() {
        SphereData data = data(2);
        PottsDam start = SmallData.randomDam(8, 3, 2, 46).withNullState(0.1);
        PottsLoss loss = new PottsLoss(data, 1.5, 50);
        PottsDam em = start.copy();
        PottsTrainer.History h = EmTrainer.train(em, data, 1.5, 40, 0);
        assertEquals(40, h.epochs());
        assertEquals(40L * 50 * 3, h.exampleMemoryUpdates(), "one E-step of M P terms per iteration");
        assertEquals(PottsHessian.stationarityResidual(start, loss), h.residualPerEpoch()[0], 1e-12);
        assertEquals(loss.loss(start), h.lossPerEpoch()[0], 1e-12);
        for (int k = 1; k < 40; k++) {
            assertTrue(h.lossPerEpoch()[k] <= h.lossPerEpoch()[k - 1] + 1e-12, "EM does not increase the loss, iteration " + k);
        }
        PottsDam reference = StationaryPoint.solve(start, loss, true, 0, 40).dam();
        for (int k = 0; k < em.memoryWeights().length; k++) {
            assertEquals(reference.memoryWeights()[k], em.memoryWeights()[k], 1e-10);
        }
        for (int k = 0; k < em.logits().length; k++) {
            assertEquals(reference.classWeights()[k], em.classWeights()[k], 1e-12);
        }
        PottsDam stopped = start.copy();
        PottsTrainer.History toTolerance = EmTrainer.train(stopped, data, 1.5, 5000, 1e-6);
        assertTrue(toTolerance.lastResidual() <= 1e-6 && toTolerance.epochs() < 5000);
        assertEquals(toTolerance.lastResidual(), PottsHessian.stationarityResidual(stopped, loss), 1e-12, "the point returned is the one evaluated");
    }

    /**
     * The data-blind start of direct training: memories on the sphere (|w|^2 = N), in independent random directions
     * (overlaps w . w' / N of independent uniform directions have mean 0 and standard deviation N^-1/2: all within 5 of
     * those at N = 400), reproducible from the seed.
     */
    @Test
    void randomStartIsOnTheSphereInIndependentDirections() {
        int n = 400;
        PottsDam dam = PottsDam.randomOnSphere(n, 6, 2, 47);
        double[] w = dam.memoryWeights();
        for (int mu = 0; mu < 6; mu++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += w[mu * n + i] * w[mu * n + i];
            }
            assertEquals(n, norm, 1e-9 * n);
            for (int nu = 0; nu < mu; nu++) {
                double overlap = 0;
                for (int i = 0; i < n; i++) {
                    overlap += w[mu * n + i] * w[nu * n + i] / n;
                }
                assertTrue(Math.abs(overlap) < 5 / Math.sqrt(n), "overlap " + overlap);
            }
        }
        assertEquals(w[17], PottsDam.randomOnSphere(n, 6, 2, 47).memoryWeights()[17]);
    }
}
