package org.saddle.simulation.potts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddle.simulation.ProgressListener;
import org.saddle.theory.potts.PottsFreeEnergy;

/**
 * The null hidden state of the Potts DAM (h = 0, no memory, energy 0; derivation in {@link PottsDam}): loss by its
 * definition, gradients and Hessian against finite differences, EM stationarity, the physics of the background
 * component, the memory file (version 2, version 1 still read) and training.
 */
class NullStateTest {
    private static final int N = 7;
    private static final int M = 23;
    private static final int P = 4;
    private static final int C = 3;
    private static final double BETA = 0.6;

    private static PottsDam damWithNull(long seed) {
        PottsDam dam = SmallData.randomDam(N, P, C, seed).withNullState(0.3);
        dam.logits()[P * C + 1] += 0.4; // uneven null weights across classes
        return dam;
    }

    @Test
    void lossIsTheDefinitionWithTheNullComponent() {
        SphereData data = SmallData.clusters(N, M, C, 0.8, 3);
        PottsDam dam = damWithNull(5);
        double[] p = dam.classWeights();
        double zeta = PottsFreeEnergy.logNormalizer(BETA, N);
        double expected = 0;
        for (int a = 0; a < M; a++) {
            int y = data.labels()[a];
            double sum = p[P * C + y] * Math.exp(zeta - BETA * N);
            for (int mu = 0; mu < P; mu++) {
                double overlap = 0;
                for (int i = 0; i < N; i++) {
                    overlap += dam.memoryWeights()[mu * N + i] * data.x()[a * N + i] / N;
                }
                sum += p[mu * C + y] * Math.exp(-BETA * N * (1 - overlap));
            }
            expected -= Math.log(sum) / M;
        }
        assertEquals(expected, new PottsLoss(data, BETA, 5).loss(dam), 1e-12 * Math.abs(expected));
        double total = 0;
        for (double v : p) {
            total += v;
        }
        assertEquals(1, total, 1e-12);
        assertEquals(P + 1, dam.hiddenStates());
    }

    @Test
    void gradientsAndHessianMatchFiniteDifferences() {
        PottsLossTest.assertGradientsMatchFiniteDifferences(SmallData.clusters(N, M, C, 0.8, 3), damWithNull(5), BETA);
        PottsHessianTest.assertEuclideanHessianMatchesFiniteDifferences(SmallData.clusters(5, 17, 2, 0.7, 11),
                SmallData.randomDam(5, 3, 2, 12).withNullState(0.2), 0.8);
    }

    @Test
    void emReachesAStationaryPointOfMemoriesAndAllClassWeights() {
        SphereData data = SmallData.clusters(6, 40, 2, 0.9, 21);
        PottsLoss loss = new PottsLoss(data, 0.5, 40);
        PottsDam start = SmallData.randomDam(6, 3, 2, 22).withNullState(0.1);
        double before = loss.loss(start);
        StationaryPoint point = StationaryPoint.solve(start, loss, true, 1e-10, 20_000);
        assertTrue(point.converged(), "EM residual " + point.gradientNorm());
        assertTrue(point.loss() <= before);
        double[] gt = new double[start.logits().length];
        new PottsLoss(data, 0.5, 40).fullGradient(point.dam(), new double[6 * 3], gt);
        for (double g : gt) {
            assertEquals(0, g, 1e-9, "dL/dtheta vanishes, the null row included");
        }
    }

    /**
     * N = 200, beta = 1: an example at the equilibrium overlap m*(1) = 0.618 with a memory scores beta N m = 124 against
     * the null state's ln z_N(1) ~ N (-beta f) = 75 (-beta f(1) = 0.377), so the memory explains it (posterior of the
     * null ~ e^-49); a uniform random example (overlap O(N^-1/2)) scores ~ 0 +- 14 against 75: the null state explains it.
     */
    @Test
    void nullStateExplainsExamplesFarFromEveryMemory() {
        int n = 200;
        PottsDam teacher = SmallData.randomDam(n, 1, 1, 31);
        java.util.Arrays.fill(teacher.logits(), 0);
        SphereData near = new TeacherSampler(teacher, 1.0, 32).ancestral(50, null);
        SplittableRandom random = new SplittableRandom(33);
        double[] x = new double[n * 100];
        System.arraycopy(near.x(), 0, x, 0, n * 50);
        for (int a = 50; a < 100; a++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                x[a * n + i] = SmallData.gaussian(random);
                norm += x[a * n + i] * x[a * n + i];
            }
            for (int i = 0; i < n; i++) {
                x[a * n + i] *= Math.sqrt(n / norm);
            }
        }
        SphereData data = new SphereData(n, 100, 1, x, new int[100]);
        PottsDam dam = teacher.withNullState(0.5);
        double[] r = new double[100];
        new PottsLoss(data, 1.0, 100).evaluate(dam, null, 0, 100, null, null, r);
        for (int a = 0; a < 100; a++) {
            double nullPosterior = 1 - r[a];
            if (a < 50) {
                assertTrue(nullPosterior < 1e-10, "teacher sample " + a + ": null posterior " + nullPosterior);
            } else {
                assertTrue(nullPosterior > 1 - 1e-10, "random point " + a + ": null posterior " + nullPosterior);
            }
        }
        assertEquals(PottsFreeEnergy.logPartitionPerNeuron(1.0), new PottsLoss(data, 1.0, 1).nullScore() / n, 0.02);
    }

    @Test
    void memoryFileKeepsTheNullStateAndStillReadsVersionOne(@TempDir Path dir) throws IOException {
        PottsDam dam = damWithNull(7);
        Path file = dir.resolve("n.pdam");
        new MemoryFile(dam, 1, N, 0.6, 1).write(file);
        MemoryFile back = MemoryFile.read(file);
        assertTrue(back.dam().hasNullState());
        assertEquals(P + 1, back.dam().hiddenStates());
        double[] p = dam.classWeights();
        double[] q = back.dam().classWeights();
        for (int k = 0; k < p.length; k++) {
            assertEquals(p[k], q[k], 1e-15);
        }
        // a version-1 file written by hand: no null-state field, P x C class weights
        Path v1 = dir.resolve("v1.pdam");
        PottsDam plain = SmallData.randomDam(N, P, C, 8);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(v1))) {
            out.write("SDLPDAM\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeInt(1);
            for (int v : new int[] {N, P, C, 1, N}) {
                out.writeInt(v);
            }
            out.writeDouble(0.2);
            out.writeDouble(1);
            for (double v : plain.memoryWeights()) {
                out.writeDouble(v);
            }
            for (double v : plain.classWeights()) {
                out.writeDouble(v);
            }
        }
        MemoryFile old = MemoryFile.read(v1);
        assertFalse(old.dam().hasNullState());
        assertEquals(P, old.dam().memories());
        assertEquals(plain.classWeights()[5], old.dam().classWeights()[5], 1e-15);
    }

    @Test
    void trainingAndClassifierRunWithTheNullState() {
        SphereData data = SmallData.clusters(20, 200, 2, 0.6, 41);
        PottsDam dam = PottsDam.startingOnExamples(data, 4, 42).withNullState(0.05);
        PottsLoss loss = new PottsLoss(data, 0.5, 200);
        double before = loss.loss(dam);
        PottsTrainer.train(dam, data, new TrainingSettings(0.5, 1, 5, 20, 0.05, 0.05, 43), ProgressListener.NONE);
        assertTrue(dam.hasNullState() && dam.hiddenStates() == 5);
        assertTrue(loss.loss(dam) < before, "training lowers the loss");
        // well-separated clusters: the DAM posterior (null state included) classifies the training data
        assertTrue(PottsClassifier.damAccuracy(dam, data, 0.5) > 0.95);
        PottsDam grown = dam.split(new int[] {0}, null, 0);
        assertEquals(loss.loss(dam), loss.loss(grown), 1e-12, "duplication with the null state kept last leaves the loss unchanged");
    }
}
