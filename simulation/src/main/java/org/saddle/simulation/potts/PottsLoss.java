package org.saddle.simulation.potts;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The negative log-likelihood of the Potts DAM on labelled data and its gradients, evaluated on batches
 * with two BLAS products (the batched products of training):
 *
 * <pre>
 *   L(W, theta) = -(1/B) sum_a log sum_mu p^mu_{y_a} exp(-beta N (1 - m_mu(x_a)))        m_mu = w^mu . x / N
 *   r_mu(a)     = p^mu_{y_a} exp(beta w^mu . x_a) / sum_nu p^nu_{y_a} exp(beta w^nu . x_a)  (posterior of h = mu)
 *   dL/dw^mu    = -(beta / B) sum_a r_mu(a) x_a
 *   dL/dtheta^mu_y = p^mu_y - (1/B) sum_a r_mu(a) delta(y, y_a)
 * </pre>
 *
 * L differs from the exact NLL -(1/B) sum_a log P(x_a, y_a) by the parameter-independent constant
 * log Z - beta N (Z = I_N(beta) |S| is the same for every set of memories on the sphere), so it has the same
 * gradients and stationary points, and it is >= 0 (m <= 1, sum p <= 1). The gradient formulas follow by
 * differentiating the log-sum-exp (r is the softmax) and the softmax parametrization of p.
 *
 * <p>With the null hidden state (PottsDam#hasNullState) the sum over mu gains the term p^0_{y_a} exp(ln z_N(beta) - beta N)
 * (class weights = marginal P(h, y), see {@link PottsDam}), its posterior r_0(a) enters the normalization of the
 * r_mu and dL/dtheta^0_y = p^0_y - (1/B) sum_a r_0(a) delta(y, y_a); dL/dw is unchanged in form. The loss again differs
 * from the exact negative log-likelihood by the constant ln Z - beta N (Z = |S| z_N(beta) in this parametrization).
 *
 * <p>Called with beta = beta_eff = varsigma beta it is the effective loss (see {@link TrainingSettings}).
 * Not thread-safe: one instance owns its batch buffers; the hot loop allocates nothing.
 */
public final class PottsLoss {
    private static final BLAS BLAS_ = BLAS.getInstance();

    private final SphereData data;
    private final double inverseTemperature;
    private final int capacity;
    private double[] xb;      // N x B, example after example
    private double[] xbT;     // B x N, pixel after pixel
    private double[] scores;  // P x B
    private double[] rT;      // B x P: rT[a + B mu] = r_mu(a)
    private double[] gradT;   // P x N: transposed ambient gradient
    private double[] logP;    // P x C
    private double[] p;
    private final double nullScore; // ln z_N(beta): the null state's score relative to beta w . x

    /**
     * @param data               the examples
     * @param inverseTemperature beta of the likelihood (beta_eff for the effective loss)
     * @param batchCapacity      largest batch this instance evaluates
     */
    public PottsLoss(SphereData data, double inverseTemperature, int batchCapacity) {
        if (!(inverseTemperature > 0) || !Double.isFinite(inverseTemperature)) {
            throw new IllegalArgumentException("inverse temperature must be positive and finite, got " + inverseTemperature);
        }
        if (batchCapacity < 1) {
            throw new IllegalArgumentException("batch capacity must be >= 1");
        }
        this.data = data;
        this.inverseTemperature = inverseTemperature;
        this.capacity = batchCapacity;
        int n = data.neurons();
        xb = new double[n * batchCapacity];
        xbT = new double[n * batchCapacity];
        nullScore = org.saddle.theory.potts.PottsFreeEnergy.logNormalizer(inverseTemperature, Math.max(2, n));
    }

    public double inverseTemperature() {
        return inverseTemperature;
    }

    public SphereData data() {
        return data;
    }

    /**
     * Mean loss over the examples {@code order[from..to)}, and (when the arrays are not null) its gradient
     * with respect to the memories in ambient coordinates ({@code gradW[mu * N + i]}, unconstrained: project
     * on the sphere's tangent space before a step) and to the logits ({@code gradTheta[mu * C + y]}).
     * With {@code responsibilities} not null, r_mu(a) of the batch is left there as {@code [k * P + mu]}.
     */
    public double evaluate(PottsDam dam, int[] order, int from, int to, double[] gradW, double[] gradTheta,
            double[] responsibilities) {
        int n = data.neurons();
        int pCount = dam.memories();
        int c = dam.classes();
        int b = to - from;
        if (b < 1 || b > capacity) {
            throw new IllegalArgumentException("batch of " + b + " examples; allowed 1.." + capacity);
        }
        if (dam.neurons() != n || c < data.classes()) {
            throw new IllegalArgumentException("DAM with N = " + dam.neurons() + ", C = " + c + " does not fit data with N = " + n
                    + ", C = " + data.classes());
        }
        int rows = dam.hiddenStates();
        boolean hasNull = dam.hasNullState();
        ensure(pCount, rows * c);
        double[] x = data.x();
        for (int k = 0; k < b; k++) {
            int a = order == null ? from + k : order[from + k];
            System.arraycopy(x, a * n, xb, k * n, n);
        }
        double beta = inverseTemperature;
        // scores[mu + P k] = beta w^mu . x_k  (dgemm "T","N": the fast layout of the pure-Java BLAS)
        BLAS_.dgemm("T", "N", pCount, b, n, beta, dam.memoryWeights(), n, xb, n, 0.0, scores, pCount);
        dam.classWeightsInto(p);
        int pc = rows * c;
        for (int k = 0; k < pc; k++) {
            logP[k] = Math.log(p[k]);
        }
        double shift = beta * n;
        double loss = 0;
        boolean wantGrad = gradW != null || gradTheta != null || responsibilities != null;
        if (gradTheta != null) {
            System.arraycopy(p, 0, gradTheta, 0, pc);
        }
        for (int k = 0; k < b; k++) {
            int a = order == null ? from + k : order[from + k];
            int y = data.labels()[a];
            int base = k * pCount;
            double max = Double.NEGATIVE_INFINITY;
            for (int mu = 0; mu < pCount; mu++) {
                double l = scores[base + mu] + logP[mu * c + y];
                scores[base + mu] = l;
                max = Math.max(max, l);
            }
            double nullLogit = hasNull ? nullScore + logP[pCount * c + y] : Double.NEGATIVE_INFINITY;
            max = Math.max(max, nullLogit);
            double sum = hasNull ? Math.exp(nullLogit - max) : 0;
            for (int mu = 0; mu < pCount; mu++) {
                sum += Math.exp(scores[base + mu] - max);
            }
            double lse = max + Math.log(sum);
            loss -= lse - shift;
            if (wantGrad) {
                for (int mu = 0; mu < pCount; mu++) {
                    double r = Math.exp(scores[base + mu] - lse);
                    rT[k + b * mu] = r;
                    if (responsibilities != null) {
                        responsibilities[base + mu] = r;
                    }
                    if (gradTheta != null) {
                        gradTheta[mu * c + y] -= r / b;
                    }
                }
                if (hasNull && gradTheta != null) {
                    gradTheta[pCount * c + y] -= Math.exp(nullLogit - lse) / b;
                }
            }
        }
        if (gradW != null) {
            for (int k = 0; k < b; k++) {
                for (int i = 0; i < n; i++) {
                    xbT[k + b * i] = xb[k * n + i];
                }
            }
            // gradT[mu + P i] = -(beta/B) sum_k r_mu(k) x_k,i  (dgemm "T","N" on the B x P responsibilities)
            BLAS_.dgemm("T", "N", pCount, n, b, -beta / b, rT, b, xbT, b, 0.0, gradT, pCount);
            for (int mu = 0; mu < pCount; mu++) {
                for (int i = 0; i < n; i++) {
                    gradW[mu * n + i] = gradT[mu + pCount * i];
                }
            }
        }
        double mean = loss / b;
        if (!Double.isFinite(mean)) {
            throw new IllegalStateException("the loss is not finite (" + mean + "): inverse temperature " + beta + " overflows");
        }
        return mean;
    }

    /** Mean loss over the whole data set (in batches), no gradient. */
    public double loss(PottsDam dam) {
        double total = 0;
        for (int from = 0; from < data.count(); from += capacity) {
            int to = Math.min(data.count(), from + capacity);
            total += evaluate(dam, null, from, to, null, null, null) * (to - from);
        }
        return total / data.count();
    }

    /** Full-data gradient (in batches): returns the mean loss and fills both gradients. */
    public double fullGradient(PottsDam dam, double[] gradW, double[] gradTheta) {
        int n = data.neurons();
        double[] gw = new double[gradW.length];
        double[] gt = new double[gradTheta.length];
        java.util.Arrays.fill(gradW, 0);
        java.util.Arrays.fill(gradTheta, 0);
        double total = 0;
        int m = data.count();
        for (int from = 0; from < m; from += capacity) {
            int to = Math.min(m, from + capacity);
            double weight = (double) (to - from) / m;
            total += evaluate(dam, null, from, to, gw, gt, null) * weight;
            for (int k = 0; k < gw.length; k++) {
                gradW[k] += weight * gw[k];
            }
            for (int k = 0; k < gt.length; k++) {
                gradTheta[k] += weight * gt[k];
            }
        }
        assert n > 0;
        return total;
    }

    /** ln z_N(beta), the null hidden state's score relative to a memory's beta w . x. */
    public double nullScore() {
        return nullScore;
    }

    private void ensure(int pCount, int pc) {
        int n = data.neurons();
        if (scores == null || scores.length < pCount * capacity) {
            scores = new double[pCount * capacity];
            rT = new double[pCount * capacity];
        }
        if (gradT == null || gradT.length < pCount * n) {
            gradT = new double[pCount * n];
        }
        if (logP == null || logP.length != pc) {
            logP = new double[pc];
            p = new double[pc];
        }
    }
}
