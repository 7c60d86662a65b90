package org.saddle.simulation.potts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.saddle.simulation.ProgressListener;

/**
 * Network growth by splitting steepest descent on the saddle hierarchy (Thériault-Tantari, arXiv 2508.19151):
 * train a narrow DAM to (near) stationarity, split the memories whose splitting matrix S_mu has the most
 * negative eigenvalue along its eigenvector (two copies w +- eps v with half the class weights each, see
 * {@link PottsHessian}), train again, and repeat until P reaches the target.
 *
 * <p>The most negative direction of S_mu = -(1/(2M)) [beta^2 Ctilde_mu - beta (sum_a r_mu m_mu) P_mu] is the
 * top eigenvector of Ctilde_mu = sum_a r_mu(a) x_a^perp x_a^perp^T. With A = rows sqrt(r_mu(a)) x_a^perp over the K examples with the largest
 * posteriors (r_mu(a) > 1e-6 max_a r, at most {@link #MAX_EXAMPLES}), it is the top eigenvector of A^T A:
 * for K <= {@link #DENSE_LIMIT} from LAPACK dsyevr (largest eigenpair only) on the K x K Gram matrix A A^T
 * (same non-zero spectrum; the eigenvector is A^T u / |A^T u|), beyond by power iteration with BLAS.
 *
 * <p><b>Null hidden state</b> ({@link Settings#nullStateWeight} &gt; 0; see {@link PottsDam}). The narrow DAM starts with
 * the null state h = 0 at that total weight, and the null state is carried through every width: it has no memory, so it
 * is <em>never split</em>, and a split leaves its class weights p^0_y exactly as they are, while each split memory's
 * class weights are halved between its two copies. The joint weights p^h_y over (h, y) therefore still sum to 1 after a
 * split, and at eps = 0 the model distribution, hence the loss, is unchanged: the duplicated stationary point is a
 * stationary point of the wider DAM (every dL/dtheta^h_y = p^h_y - rbar^h_y still vanishes, the null row because its
 * posterior r_0(a) is unchanged, each copy's because both its weight and its posterior are halved). The splitting
 * matrix keeps its form, with r_mu(a) the posterior normalized over the memories and the null state together (the
 * null state enters the loss change of a split only through that normalization).
 *
 * <p><b>Unsupervised growth with latent classes.</b> Without labels the data have one class (C = 1) and growth splits
 * the memory weights q^mu exactly as the supervised class weights. The C latent classes are not identifiable from the
 * likelihood ({@link LatentClasses}), so growth does not carry them: they are read out of the grown DAM by the
 * C-memory stationary point, as for a directly trained DAM ({@link LatentClasses#readOut}).
 *
 * <p><b>Training at each width.</b> SGD ({@link PottsTrainer}) or mean-field iterations ({@link EmTrainer}): see
 * {@link Trainer}. Either a fixed number of epochs (iterations) ({@link Settings#stageEpochs}), or, with
 * {@link Settings#stationarityTolerance} &gt; 0, epochs until the stationarity residual rho of an epoch (the
 * Riemannian gradient norm in the memories, made dimensionless: {@link PottsTrainer}) is at most the tolerance, with
 * {@code stageEpochs} as the cap: the hierarchy splits stationary points, so each width is trained only until it is
 * one.
 */
public final class NetworkGrowth {
    /** Largest number of examples entering one memory's splitting matrix. */
    public static final int MAX_EXAMPLES = 4000;
    /** Up to this many examples the Gram matrix is diagonalized with LAPACK; beyond, power iteration. */
    public static final int DENSE_LIMIT = 256;
    /** Most power-iteration steps. */
    public static final int POWER_STEPS = 300;

    /**
     * @param initialMemories P at the start (started on training examples)
     * @param finalMemories   P at the end
     * @param stageEpochs     SGD epochs after each split (and at the start); the most epochs per width with a
     *                        stationarity tolerance
     * @param splitStep       eps / sqrt(N): the copies move by eps v with |v| = 1, eps = splitStep sqrt(N)
     * @param nullStateWeight initial total weight of the null hidden state, in [0, 1) (0: no null state)
     * @param stationarityTolerance stop training a width after the first epoch with stationarity residual rho at most
     *                        this (0: always {@code stageEpochs} epochs)
     * @param trainer         how each width is trained: SGD epochs, or mean-field (EM) iterations (then
     *                        {@code stageEpochs} counts iterations)
     */
    public record Settings(int initialMemories, int finalMemories, int stageEpochs, double splitStep, double nullStateWeight,
            double stationarityTolerance, Trainer trainer) {
        public Settings {
            if (initialMemories < 1 || finalMemories < initialMemories || stageEpochs < 0 || !(splitStep > 0)) {
                throw new IllegalArgumentException("need 1 <= initial <= final memories, stage epochs >= 0, split step > 0");
            }
            if (!(nullStateWeight >= 0 && nullStateWeight < 1) || !(stationarityTolerance >= 0 && stationarityTolerance < 1)) {
                throw new IllegalArgumentException("null-state weight and stationarity tolerance must be in [0, 1)");
            }
            java.util.Objects.requireNonNull(trainer, "trainer");
        }

        /** Fixed SGD epochs per width, no null state. */
        public Settings(int initialMemories, int finalMemories, int stageEpochs, double splitStep) {
            this(initialMemories, finalMemories, stageEpochs, splitStep, 0, 0, Trainer.SGD);
        }
    }

    /**
     * How a width is trained. {@code SGD}: epochs of {@link PottsTrainer} (its noise keeps the memories a distance from
     * the stationary point that grows like (eta P / B)^(1/2), so rho has a floor). {@code EM}: full-batch mean-field
     * iterations of {@link EmTrainer}, which converge to the stationary point itself (rho -&gt; 0); one iteration costs
     * the M P gradient terms of an epoch.
     */
    public enum Trainer {
        SGD, EM;

        /**
         * Trains {@code dam} in place for at most {@code units} epochs (SGD) or iterations (EM), stopping at rho &lt;=
         * {@code tolerance} (0: never); {@code seed} fixes the SGD batch order.
         */
        public PottsTrainer.History train(PottsDam dam, SphereData data, TrainingSettings training, int units, double tolerance, long seed) {
            return this == SGD
                    ? PottsTrainer.train(dam, data, training.withEpochs(units).withSeed(seed), tolerance, ProgressListener.NONE)
                    : EmTrainer.train(dam, data, training.effectiveInverseTemperature(), units, tolerance);
        }
    }

    /**
     * One stage: the DAM after training at this width.
     *
     * @param memories         P
     * @param epochs           SGD epochs trained at this width
     * @param loss             mean training loss of the last epoch
     * @param residual         stationarity residual rho of the last epoch (NaN without an epoch)
     * @param nullStateWeight  P(h = 0) after training at this width (0 without the null state)
     * @param updates          cumulative example-memory gradient terms (cost)
     * @param seconds          cumulative wall time, splitting included
     * @param splitCurvature   most negative eigenvalue of the splitting matrices before the split that led here (NaN at the start)
     */
    public record Stage(int memories, int epochs, double loss, double residual, double nullStateWeight, long updates, double seconds,
            double splitCurvature) {}

    /** The grown DAM and its stages. */
    public record Result(PottsDam dam, List<Stage> stages) {}

    private NetworkGrowth() {}

    public static Result grow(SphereData data, TrainingSettings training, Settings settings, ProgressListener progress) {
        long start = System.nanoTime();
        PottsDam dam = PottsDam.startingOnExamples(data, settings.initialMemories(), training.seed());
        if (settings.nullStateWeight() > 0) {
            dam = dam.withNullState(settings.nullStateWeight());
        }
        List<Stage> stages = new ArrayList<>();
        long updates = 0;
        int stage = 0;
        int totalStages = 1;
        for (int p = settings.initialMemories(); p < settings.finalMemories(); p = Math.min(2 * p, settings.finalMemories())) {
            totalStages++;
        }
        double curvature = Double.NaN;
        while (true) {
            PottsTrainer.History h = settings.trainer().train(dam, data, training, settings.stageEpochs(), settings.stationarityTolerance(),
                    training.seed() * 1_000_003L + stage);
            updates += h.exampleMemoryUpdates();
            double loss = h.epochs() == 0 ? new PottsLoss(data, training.effectiveInverseTemperature(), 512).loss(dam) : h.lastLoss();
            stages.add(new Stage(dam.memories(), h.epochs(), loss, h.epochs() == 0 ? Double.NaN : h.lastResidual(), dam.nullStateWeight(),
                    updates, (System.nanoTime() - start) / 1e9, curvature));
            progress.progress(++stage, totalStages);
            if (dam.memories() >= settings.finalMemories()) {
                return new Result(dam, stages);
            }
            int add = Math.min(dam.memories(), settings.finalMemories() - dam.memories());
            SplitDirections directions = splitDirections(dam, new PottsLoss(data, training.effectiveInverseTemperature(), 512));
            Integer[] order = new Integer[dam.memories()];
            for (int mu = 0; mu < order.length; mu++) {
                order[mu] = mu;
            }
            Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : directions.curvature[a] != directions.curvature[b]
                    ? Double.compare(directions.curvature[a], directions.curvature[b]) : Integer.compare(a, b));
            int[] split = new int[add];
            double[][] v = new double[add][];
            for (int k = 0; k < add; k++) {
                split[k] = order[k];
                v[k] = directions.vectors[order[k]];
            }
            curvature = directions.curvature[order[0]];
            dam = dam.split(split, v, settings.splitStep() * Math.sqrt(dam.neurons()));
        }
    }

    /**
     * Most negative eigenvalue of each memory's splitting matrix and its unit eigenvector.
     *
     * @param curvature lambda_min(S_mu) over tangent directions (may be positive: no descent by splitting)
     * @param vectors   the corresponding unit tangent vectors
     */
    public record SplitDirections(double[] curvature, double[][] vectors) {}

    public static SplitDirections splitDirections(PottsDam dam, PottsLoss loss) {
        SphereData data = loss.data();
        int n = dam.neurons();
        int pCount = dam.memories();
        int m = data.count();
        double beta = loss.inverseTemperature();
        double[] r = PottsHessian.responsibilities(dam, loss);
        double[] w = dam.memoryWeights();
        double[] x = data.x();
        double[] curvature = new double[pCount];
        double[][] vectors = new double[pCount][];
        for (int mu = 0; mu < pCount; mu++) {
            double max = 0;
            for (int a = 0; a < m; a++) {
                max = Math.max(max, r[a * pCount + mu]);
            }
            Integer[] owners = selectExamples(r, pCount, mu, m, 1e-6 * max);
            int k = owners.length;
            double weightedOverlap = 0;
            double[] rows = new double[k * n]; // A^T, N x K column-major: column j is sqrt(r) x^perp of example j
            for (int j = 0; j < k; j++) {
                int a = owners[j];
                double ra = r[a * pCount + mu];
                double overlap = 0;
                for (int i = 0; i < n; i++) {
                    overlap += w[mu * n + i] * x[a * n + i];
                }
                overlap /= n;
                weightedOverlap += ra * overlap;
                double s = Math.sqrt(ra);
                for (int i = 0; i < n; i++) {
                    rows[j * n + i] = s * (x[a * n + i] - overlap * w[mu * n + i]);
                }
            }
            // examples below the cutoff still contribute to sum r m (cheap, exact)
            for (int a = 0; a < m; a++) {
                double ra = r[a * pCount + mu];
                if (ra > 0 && ra <= 1e-6 * max) {
                    double overlap = 0;
                    for (int i = 0; i < n; i++) {
                        overlap += w[mu * n + i] * x[a * n + i];
                    }
                    weightedOverlap += ra * overlap / n;
                }
            }
            double[] v = new double[n];
            double lambdaMax = 0;
            if (k > 0) {
                lambdaMax = k <= DENSE_LIMIT ? topByGram(rows, n, k, v) : topByPowerIteration(rows, n, k, v);
            }
            curvature[mu] = -(beta * beta * lambdaMax - beta * weightedOverlap) / (2.0 * m);
            vectors[mu] = v;
        }
        return new SplitDirections(curvature, vectors);
    }

    /** Largest eigenpair of A^T A (A^T = rows, N x K) from LAPACK dsyevr on the K x K Gram matrix A A^T. */
    private static double topByGram(double[] rows, int n, int k, double[] v) {
        double[] gram = new double[k * k];
        dev.ludovic.netlib.blas.BLAS.getInstance().dgemm("T", "N", k, k, n, 1.0, rows, n, rows, n, 0.0, gram, k);
        SymmetricEigen eigen = SymmetricEigen.largest(gram, k);
        double[] u = eigen.vector(0);
        dev.ludovic.netlib.blas.BLAS.getInstance().dgemv("N", n, k, 1.0, rows, n, u, 1, 0.0, v, 1);
        normalize(v);
        return eigen.values()[0];
    }

    /**
     * Largest eigenpair of A^T A by power iteration v <- A^T (A v) (two dgemv per step), started from the
     * posterior-weighted mean of the rows plus a fixed tilt; stops when the Rayleigh quotient changes by less than
     * 1e-10 relatively or after {@link #POWER_STEPS} steps. Returns v^T A^T A v, the curvature of the returned
     * direction (a lower bound of lambda_max, equal to it at convergence).
     */
    private static double topByPowerIteration(double[] rows, int n, int k, double[] v) {
        dev.ludovic.netlib.blas.BLAS blas = dev.ludovic.netlib.blas.BLAS.getInstance();
        double[] av = new double[k];
        for (int i = 0; i < n; i++) {
            v[i] = 1.0 / (1 + i % 7);
        }
        normalize(v);
        double rayleigh = 0;
        for (int step = 0; step < POWER_STEPS; step++) {
            blas.dgemv("T", n, k, 1.0, rows, n, v, 1, 0.0, av, 1);
            double next = 0;
            for (double e : av) {
                next += e * e;
            }
            blas.dgemv("N", n, k, 1.0, rows, n, av, 1, 0.0, v, 1);
            normalize(v);
            if (Math.abs(next - rayleigh) <= 1e-10 * next) {
                return next;
            }
            rayleigh = next;
        }
        blas.dgemv("T", n, k, 1.0, rows, n, v, 1, 0.0, av, 1);
        double last = 0;
        for (double e : av) {
            last += e * e;
        }
        return last;
    }

    private static void normalize(double[] v) {
        double norm = 0;
        for (double e : v) {
            norm += e * e;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] = norm > 0 ? v[i] / norm : 0;
        }
    }

    private static Integer[] selectExamples(double[] r, int pCount, int mu, int m, double cutoff) {
        List<Integer> owners = new ArrayList<>();
        for (int a = 0; a < m; a++) {
            if (r[a * pCount + mu] > cutoff) {
                owners.add(a);
            }
        }
        owners.sort((a, b) -> a.equals(b) ? 0 : r[b * pCount + mu] != r[a * pCount + mu]
                ? Double.compare(r[b * pCount + mu], r[a * pCount + mu]) : Integer.compare(a, b));
        return owners.subList(0, Math.min(MAX_EXAMPLES, owners.size())).toArray(new Integer[0]);
    }
}
