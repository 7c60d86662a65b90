package org.saddle.simulation.potts;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.saddle.theory.Softmax;

/**
 * The parameters of the Potts-hidden-unit dense associative memory (Thériault-Tantari, arXiv 2508.19151):
 * P memories w^mu on the sphere |w|^2 = N and the class weights p^mu_y of the hidden state mu and the
 * class y, a joint distribution over (mu, y) (p^mu_y >= 0, sum over mu and y equal to 1), held through
 * logits theta: p^mu_y = exp(theta^mu_y) / sum exp(theta).
 *
 * <p>The model (three layers: visible v on the sphere, one Potts hidden unit h in 1..P, class y):
 * P(v, h = mu, y) = p^mu_y exp(beta w^mu . v) / Z, where Z = I_N(beta) |S| does not depend on the
 * memories (rotation invariance of the sphere), so the likelihood of a labelled example is
 * log P(x, y) = log sum_mu p^mu_y exp(beta N m_mu(x)) - log Z with the overlap m_mu = w^mu . x / N.
 * Marginalizing the hidden unit gives the DAM energy -beta^-1 log sum_mu p^mu_y exp(beta w^mu . x),
 * the log-sum-exp (attention) energy of dense associative memories.
 *
 * <p><b>Null hidden state</b> (optional): a Potts state h = 0 with no memory, energy 0, and class weights
 * p^0_y: P(v, h = 0, y) proportional to p^0_y. The class weights are the marginal P(h, y) (the mixture weights: for
 * the memories this is what the exp(beta w . v) weights already are, since every memory has the same normalizer
 * z_N(beta)), so the null state is a uniform "background" component of the mixture whose score, relative to a
 * memory's beta w . x, is ln z_N(beta) (PottsFreeEnergy.logNormalizer): an example is explained by the null state
 * when no memory has an overlap above about ln z_N / (beta N) (derived; the paper's treatment could not be read).
 *
 * <p>Layout: {@code w[mu * N + i]} (column-major N x P, memory after memory), {@code theta[mu * C + y]}, with the
 * null state (when present) in the last row, {@code theta[P * C + y]}.
 * Mutable: training updates it in place; {@link #copy()} before keeping a snapshot.
 */
public final class PottsDam {
    private final int neurons;
    private final int memories;
    private final int classes;
    private final double[] w;
    private final double[] theta;
    private final boolean nullState;

    public PottsDam(int neurons, int memories, int classes, double[] w, double[] theta) {
        this(neurons, memories, classes, w, theta, false);
    }

    /** @param nullState whether the last row of {@code theta} ((P + 1) C values then) is the null hidden state */
    public PottsDam(int neurons, int memories, int classes, double[] w, double[] theta, boolean nullState) {
        if (neurons < 1 || memories < 1 || classes < 1) {
            throw new IllegalArgumentException("N, P, C must be >= 1, got " + neurons + ", " + memories + ", " + classes);
        }
        int rows = memories + (nullState ? 1 : 0);
        if (w.length != neurons * memories || theta.length != rows * classes) {
            throw new IllegalArgumentException("w must hold N*P values and theta " + (nullState ? "(P+1)*C" : "P*C") + " values");
        }
        this.nullState = nullState;
        this.neurons = neurons;
        this.memories = memories;
        this.classes = classes;
        this.w = w;
        this.theta = theta;
        for (int mu = 0; mu < memories; mu++) {
            double norm = 0;
            for (int i = 0; i < neurons; i++) {
                norm += w[mu * neurons + i] * w[mu * neurons + i];
            }
            if (Math.abs(norm - neurons) > 1e-12 * neurons) {
                normalize(mu); // already-normalized memories (a reloaded file) are kept bit for bit
            }
        }
    }

    /**
     * P memories started on P distinct training examples drawn with the seeded stream (memories of a
     * supervised DAM on examples of each class in turn, so every class has memories when P >= C), uniform
     * class weights.
     */
    public static PottsDam startingOnExamples(SphereData data, int memories, long seed) {
        if (memories > data.count()) {
            throw new IllegalArgumentException("P = " + memories + " exceeds the " + data.count() + " training examples");
        }
        int n = data.neurons();
        int c = data.classes();
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[data.count()];
        for (int a = 0; a < order.length; a++) {
            order[a] = a;
        }
        for (int a = order.length - 1; a > 0; a--) {
            int b = random.nextInt(a + 1);
            int t = order[a];
            order[a] = order[b];
            order[b] = t;
        }
        // take examples class by class, round robin, from the shuffled order
        int[] cursor = new int[c];
        int[][] byClass = new int[c][];
        int[] counts = new int[c];
        for (int a : order) {
            counts[data.labels()[a]]++;
        }
        for (int y = 0; y < c; y++) {
            byClass[y] = new int[counts[y]];
        }
        int[] fill = new int[c];
        for (int a : order) {
            int y = data.labels()[a];
            byClass[y][fill[y]++] = a;
        }
        double[] w = new double[n * memories];
        int mu = 0;
        for (int round = 0; mu < memories; round++) {
            int y = round % c;
            if (cursor[y] >= byClass[y].length) {
                continue;
            }
            int a = byClass[y][cursor[y]++];
            System.arraycopy(data.x(), a * n, w, mu * n, n);
            mu++;
        }
        return new PottsDam(n, memories, c, w, new double[memories * c]);
    }

    /**
     * P memories on the prototype of the data (the normalized mean of all examples, the merged stationary point
     * of the saddle hierarchy), each moved by {@code epsilon} sqrt(N) along its own random Gaussian direction (then
     * back on the sphere) so that training can leave the prototype where it is a saddle; uniform class weights.
     */
    public static PottsDam onPrototype(SphereData data, int memories, double epsilon, long seed) {
        int n = data.neurons();
        double[] mean = new double[n];
        for (int a = 0; a < data.count(); a++) {
            for (int i = 0; i < n; i++) {
                mean[i] += data.x()[a * n + i];
            }
        }
        double norm = 0;
        for (double v : mean) {
            norm += v * v;
        }
        double scale = Math.sqrt(n / norm);
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[n * memories];
        for (int mu = 0; mu < memories; mu++) {
            double[] g = new double[n];
            double gNorm = 0;
            for (int i = 0; i < n; i++) {
                g[i] = gaussian(random);
                gNorm += g[i] * g[i];
            }
            for (int i = 0; i < n; i++) {
                w[mu * n + i] = mean[i] * scale + epsilon * Math.sqrt(n / gNorm) * g[i];
            }
        }
        return new PottsDam(n, memories, data.classes(), w, new double[memories * data.classes()]);
    }

    /**
     * P memories in independent uniformly random directions on the sphere (normalized Gaussian vectors from the seeded
     * stream), uniform class weights: the data-blind start.
     */
    public static PottsDam randomOnSphere(int neurons, int memories, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[neurons * memories];
        for (int k = 0; k < w.length; k++) {
            w[k] = gaussian(random);
        }
        return new PottsDam(neurons, memories, classes, w, new double[memories * classes]);
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    public int neurons() {
        return neurons;
    }

    public int memories() {
        return memories;
    }

    public int classes() {
        return classes;
    }

    /** Whether the DAM has the null hidden state h = 0 (no memory, energy 0). */
    public boolean hasNullState() {
        return nullState;
    }

    /** Number of hidden states: P, plus one with the null state (the rows of the class weights). */
    public int hiddenStates() {
        return memories + (nullState ? 1 : 0);
    }

    /** P(h = 0) = sum_y p^0_y, the share of the data the null state explains (0 without the null state). */
    public double nullStateWeight() {
        if (!nullState) {
            return 0;
        }
        double[] p = classWeights();
        double weight = 0;
        for (int y = 0; y < classes; y++) {
            weight += p[memories * classes + y];
        }
        return weight;
    }

    /**
     * The same DAM with a null hidden state of total weight {@code weight} spread evenly over the classes, the other
     * class weights scaled by (1 - weight); a DAM that has one already is returned as a copy.
     */
    public PottsDam withNullState(double weight) {
        if (!(weight > 0 && weight < 1)) {
            throw new IllegalArgumentException("null-state weight must be in (0, 1), got " + weight);
        }
        if (nullState) {
            return copy();
        }
        double[] p = classWeights();
        double[] t2 = new double[(memories + 1) * classes];
        for (int k = 0; k < p.length; k++) {
            t2[k] = Math.log(Math.max(p[k] * (1 - weight), Double.MIN_NORMAL));
        }
        for (int y = 0; y < classes; y++) {
            t2[memories * classes + y] = Math.log(weight / classes);
        }
        return new PottsDam(neurons, memories, classes, w.clone(), t2, true);
    }

    /** The memories, {@code w[mu * N + i]}, each of squared norm N; live array (training writes it). */
    public double[] memoryWeights() {
        return w;
    }

    /** The class-weight logits, {@code theta[mu * C + y]} (null state last); live array. */
    public double[] logits() {
        return theta;
    }

    /** The class weights p^mu_y = exp(theta^mu_y) / sum exp(theta), {@code [mu * C + y]}, summing to 1. */
    public double[] classWeights() {
        return classWeightsInto(new double[theta.length]);
    }

    /** The class weights written into {@code p} (length P C), returned; allocation-free for training loops. */
    public double[] classWeightsInto(double[] p) {
        return Softmax.into(theta, p);
    }

    /** The class of a memory, argmax_y p^mu_y (its label for the 1-NN classifier). */
    public int memoryClass(int mu) {
        int best = 0;
        for (int y = 1; y < classes; y++) {
            if (theta[mu * classes + y] > theta[mu * classes + best]) {
                best = y;
            }
        }
        return best;
    }

    /** Puts memory mu back on the sphere |w|^2 = N (the constraint of the constrained SGD). */
    public void normalize(int mu) {
        double norm = 0;
        int base = mu * neurons;
        for (int i = 0; i < neurons; i++) {
            norm += w[base + i] * w[base + i];
        }
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalStateException("memory " + mu + " has norm " + Math.sqrt(norm) + " and cannot be put on the sphere");
        }
        double scale = Math.sqrt(neurons / norm);
        for (int i = 0; i < neurons; i++) {
            w[base + i] *= scale;
        }
    }

    public PottsDam copy() {
        return new PottsDam(neurons, memories, classes, w.clone(), theta.clone(), nullState);
    }

    /**
     * The DAM with P + k memories: memory {@code mu} is replaced by two copies w^mu +- epsilon v (then put
     * back on the sphere), each with half its class weights (theta - ln 2), for each of the given memories.
     * With epsilon = 0 the model (hence the likelihood) is unchanged: the duplication of the saddle hierarchy.
     * The null hidden state, which has no memory, is never split: its class weights p^0_y stay as they are (its row
     * stays last), so the joint weights over (h, y) still sum to 1.
     *
     * @param split     memories to split
     * @param directions one direction per split memory (length N each), or null for plain duplication
     * @param epsilon   step along the directions
     */
    public PottsDam split(int[] split, double[][] directions, double epsilon) {
        int k = split.length;
        int p = memories + k;
        double[] w2 = Arrays.copyOf(w, p * neurons);
        double[] t2 = Arrays.copyOf(theta, (p + (nullState ? 1 : 0)) * classes);
        if (nullState) { // the null row stays last
            System.arraycopy(theta, memories * classes, t2, p * classes, classes);
        }
        double ln2 = Math.log(2);
        for (int j = 0; j < k; j++) {
            int mu = split[j];
            int copy = memories + j;
            for (int y = 0; y < classes; y++) {
                t2[mu * classes + y] -= ln2;
                t2[copy * classes + y] = t2[mu * classes + y];
            }
            for (int i = 0; i < neurons; i++) {
                double shift = directions == null ? 0 : epsilon * directions[j][i];
                double base = w[mu * neurons + i];
                w2[mu * neurons + i] = base + shift;
                w2[copy * neurons + i] = base - shift;
            }
        }
        return new PottsDam(neurons, p, classes, w2, t2, nullState);
    }
}
