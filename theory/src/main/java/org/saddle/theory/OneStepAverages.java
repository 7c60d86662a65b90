package org.saddle.theory;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.special.Erf;

/**
 * Nested Gaussian averages of one-step replica-symmetry-breaking (1RSB) theories of +-1 spins in a
 * Gaussian local field h = mean + sd0 z0 + sd1 z1 (z0, z1 independent standard normals): z0 is the
 * noise shared by all states (variance ~ alpha r0), z1 the noise that differs between states within
 * a cluster (variance ~ alpha (r1 - r0)). Every 1RSB kernel has the form
 * <pre>
 *   &lt; F( &lt;(2cosh beta h)^x g(h)&gt;_{z1} / &lt;(2cosh beta h)^x&gt;_{z1} ) &gt;_{z0}
 * </pre>
 * (Parisi parameter x). Model-agnostic: Hopfield 1RSB uses it with sd0^2 = alpha r0,
 * sd1^2 = alpha (r1 - r0); a dense P-body model with its own variances.
 *
 * <p>Two limits are provided:
 * <ul>
 * <li>{@link #finiteTemperature}: inner average over z1 with a Gaussian rule while beta*sd1 &lt;= 1 (near the RS
 *     manifold sd1 -&gt; 0), and above that split exactly at the kink of tanh(beta h) into the closed-form T = 0
 *     kernel plus a correction localized within |h| &lt; 40/beta, so any T down to 0 is reached;</li>
 * <li>{@link #zeroTemperature}: beta -> infinity with mu = beta x fixed, where
 *     (2cosh beta h)^x -> e^{mu |h|} and the inner average is closed form (derived):
 *     Z(a) = &lt;e^{mu|a + s z|}&gt;_z = e^{mu^2 s^2/2} [e^{mu a} Phi(u+) + e^{-mu a} Phi(u-)],
 *     u+- = (+-a + mu s^2)/s. Then d ln Z / (mu da) = tanh((A - B)/2) with A = mu a + ln Phi(u+),
 *     B = -mu a + ln Phi(u-), and &lt;delta(h)&gt;_{z1}/Z = phi(a/s)/(s Z).</li>
 * </ul>
 * The outer average over z0 is done with a line quadrature on [-L, L] split at the point
 * z* = -mean/sd0 where the cluster field a = mean + sd0 z0 vanishes: inside a window of half-width
 * (in a) 14 sd1 + 20/beta + x beta sd1^2 the kernels vary on the scale sd1 (or 1/beta), outside they
 * are smooth on the scale of the Gaussian. This is what makes the T = 0 limit accurate when
 * sd1 &lt;&lt; sd0 (Hopfield near alpha_c: sd1/sd0 ~ 0.05), where Gauss-Hermite in z0 would not resolve
 * the kernels.
 */
public final class OneStepAverages {

    /** Outer range: the Gaussian weight beyond |z0| = 12 is below 1e-31. */
    private static final double OUTER_RANGE = 12.0;
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double LN_SQRT_2PI = 0.5 * Math.log(2.0 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2.0);

    /**
     * Outer averages of the T = 0 (mu = beta x fixed) kernels, with h = a + sd1 z1, a = mean + sd0 z0
     * and Z(a) = &lt;e^{mu |h|}&gt;_{z1}.
     *
     * @param logPartition &lt;ln Z(a)&gt;_{z0} / mu  (T = 0 limit of (1/(beta x)) &lt;ln &lt;(2cosh beta h)^x&gt;&gt;)
     * @param magnetization &lt;t(a)&gt;_{z0}, t = &lt;sign(h) e^{mu|h|}&gt;_{z1}/Z (limit of the cluster-weighted tanh)
     * @param mutualOverlap &lt;t(a)^2&gt;_{z0} (q0)
     * @param susceptibility 2 &lt;&lt;delta(h)&gt;_{z1}/Z&gt;_{z0} (C = beta(1 - q1) in the limit)
     * @param parisiRemainder &lt;ln Z - mu^2 sd1^2/2 - mu a t&gt;_{z0}: the small part of d ln Z / d mu
     *     (derived: d ln Z/d mu = mu sd1^2 + a t + 2 sd1^2 &lt;delta(h)&gt;/Z), computed without cancellation
     */
    public record ZeroTemperatureMoments(double logPartition, double magnetization, double mutualOverlap,
            double susceptibility, double parisiRemainder) {
    }

    /**
     * Outer averages of the finite-temperature kernels with cluster weight w = (2cosh beta h)^x / Z1,
     * Z1(a) = &lt;(2cosh beta h)^x&gt;_{z1}.
     *
     * @param logPartition &lt;ln Z1&gt;_{z0} / (beta x)
     * @param magnetization &lt;&lt;w tanh beta h&gt;_{z1}&gt;_{z0}
     * @param selfOverlap &lt;&lt;w tanh^2 beta h&gt;_{z1}&gt;_{z0} (q1)
     * @param mutualOverlap &lt;&lt;w tanh beta h&gt;_{z1}^2&gt;_{z0} (q0)
     * @param parisiRemainder &lt;ln Z1 - x &lt;w ln 2cosh beta h&gt;_{z1}&gt;_{z0} (the x-derivative part, computed
     *     per cluster with a shift so that it does not cancel catastrophically)
     */
    public record FiniteTemperatureMoments(double logPartition, double magnetization, double selfOverlap,
            double mutualOverlap, double parisiRemainder) {
    }

    private final double[] innerNodes;
    private final double[] innerWeights;
    private final LineQuadrature outer;

    /**
     * @param innerNodes nodes z_i of a rule for the standard Gaussian measure (inner z1 average)
     * @param innerWeights its weights (summing to 1)
     * @param outer line quadrature for the outer z0 average (applied piecewise, see class comment)
     */
    public OneStepAverages(double[] innerNodes, double[] innerWeights, LineQuadrature outer) {
        if (innerNodes.length != innerWeights.length || innerNodes.length == 0) {
            throw new IllegalArgumentException("inner rule: nodes and weights must have equal, positive length");
        }
        this.innerNodes = innerNodes.clone();
        this.innerWeights = innerWeights.clone();
        this.outer = outer;
    }

    /**
     * Outer average &lt;g(mean + sd0 z0)&gt;_{z0} of a vector kernel with a feature of half-width
     * {@code window} (in units of the field a) around a = 0; results are added to {@code sum}.
     * Reusable for any nested average whose inner result depends on the cluster field a only.
     */
    public void outerAverage(LineQuadrature.VectorIntegrand g, double mean, double sd0, double window, double[] sum) {
        int k = sum.length;
        if (sd0 == 0.0) {
            double[] v = new double[k];
            g.evaluate(mean, v);
            for (int c = 0; c < k; c++) {
                sum[c] += v[c];
            }
            return;
        }
        double[] v = new double[k];
        LineQuadrature.VectorIntegrand weighted = (z, out) -> {
            g.evaluate(mean + sd0 * z, v);
            double d = INV_SQRT_2PI * Math.exp(-0.5 * z * z);
            for (int c = 0; c < k; c++) {
                out[c] = d * v[c];
            }
        };
        double zs = -mean / sd0;
        double wz = window / sd0;
        double lo = Math.max(-OUTER_RANGE, zs - wz);
        double hi = Math.min(OUTER_RANGE, zs + wz);
        if (lo >= hi) { // window outside the range: one smooth piece
            outer.integrate(weighted, -OUTER_RANGE, OUTER_RANGE, sum);
            return;
        }
        if (lo > -OUTER_RANGE) {
            outer.integrate(weighted, -OUTER_RANGE, lo, sum);
        }
        if (wz > 0.0) {
            outer.integrate(weighted, lo, hi, sum);
        }
        if (hi < OUTER_RANGE) {
            outer.integrate(weighted, hi, OUTER_RANGE, sum);
        }
    }

    /**
     * T = 0 moments (see {@link ZeroTemperatureMoments}) for mu = beta x > 0 and fields
     * h = mean + sd0 z0 + sd1 z1. At sd1 = 0 (the RS manifold) the closed-form limits are used:
     * t = sign(a), Z = e^{mu|a|}, so q0 = 1, C = 2 p(0), logPartition = &lt;|a|&gt;.
     */
    public ZeroTemperatureMoments zeroTemperature(double mu, double mean, double sd0, double sd1) {
        if (!(mu > 0.0) || !(sd0 >= 0.0) || !(sd1 >= 0.0)) {
            return new ZeroTemperatureMoments(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        if (sd1 == 0.0) {
            return new ZeroTemperatureMoments(LocalFieldAverages.absAverage(mean, sd0),
                    LocalFieldAverages.signAverage(mean, sd0), 1.0,
                    2.0 * LocalFieldAverages.densityAtZero(mean, sd0), 0.0);
        }
        double[] sum = new double[5];
        double s2 = sd1 * sd1;
        double lnNorm = Math.log(sd1) + LN_SQRT_2PI;
        double[] cluster = new double[CLUSTER];
        outerAverage((a, out) -> {
            zeroTemperatureCluster(mu, sd1, a, cluster);
            double lnZ = 0.5 * mu * mu * s2 + cluster[TOP] + Math.log1p(cluster[RATIO]);
            out[0] = lnZ;
            out[1] = cluster[SIGN];
            out[2] = cluster[SIGN] * cluster[SIGN];
            out[3] = Math.exp(-0.5 * a * a / s2 - lnNorm - lnZ); // <delta(h)>_{z1} / Z
            out[4] = cluster[REMAINDER];
        }, mean, sd0, 14.0 * sd1 + mu * s2, sum);
        return new ZeroTemperatureMoments(sum[0] / mu, sum[1], sum[2], 2.0 * sum[3], sum[4]);
    }

    private static final int TOP = 0;
    private static final int RATIO = 1;
    private static final int SIGN = 2;
    private static final int REMAINDER = 3;
    private static final int CLUSTER = 4;

    /**
     * The closed-form T = 0 cluster of field a (class comment): Z(a) = e^{mu^2 s^2/2} (e^A + e^B), written into
     * {@code into} as TOP = max(A, B), RATIO = e^{-|A - B|}, SIGN = t = tanh((A - B)/2) and REMAINDER =
     * ln Z - mu^2 s^2/2 - mu a t, the last without cancellation (ln(e^A + e^B) - mu a t = ln Phi(u+-) + ln(1 + RATIO)
     * + 2 mu |a| RATIO/(1 + RATIO), the sign of A - B being that of a).
     */
    private static void zeroTemperatureCluster(double mu, double sd1, double a, double[] into) {
        double s2 = sd1 * sd1;
        double lpA = logNormalCdf((a + mu * s2) / sd1);
        double lpB = logNormalCdf((-a + mu * s2) / sd1);
        double bigA = mu * a + lpA;
        double bigB = -mu * a + lpB;
        boolean positive = bigA >= bigB;
        double e = positive ? Math.exp(bigB - bigA) : Math.exp(bigA - bigB);
        double t = (1.0 - e) / (1.0 + e);
        into[TOP] = positive ? bigA : bigB;
        into[RATIO] = e;
        into[SIGN] = positive ? t : -t;
        into[REMAINDER] = (positive ? lpA : lpB) + Math.log1p(e) + mu * Math.abs(a) * 2.0 * e / (1.0 + e);
    }

    /**
     * Finite-temperature moments (see {@link FiniteTemperatureMoments}) at inverse temperature beta and
     * Parisi parameter x in (0, 1]. While beta sd1 &lt;= {@link #KINK_SCALE} the inner average uses the rule given at
     * construction (the kernels are smooth on the scale of z1); above it the kink of tanh(beta h) at h = 0 is
     * narrower than the rule can resolve, and the inner average is split exactly (derived) into the closed-form
     * T = 0 kernel of {@link #zeroTemperature} plus a correction localized within |h| &lt; {@link #KINK_RANGE}/beta:
     * <pre>
     *   (2cosh beta h)^x = e^{mu|h|} E(h),  E = (1 + e^{-2 beta|h|})^x,  mu = beta x,
     *   tanh beta h = sign(h) T(h),  T = (1 - e^{-2 beta|h|}) / (1 + e^{-2 beta|h|}),
     *   x ln 2cosh beta h = mu|h| + x ln(1 + e^{-2 beta|h|}),
     *   &lt;e^{mu|h|} E g&gt;_{z1} = &lt;e^{mu|h|} g0&gt;_{z1} + &lt;e^{mu|h|}(E g - g0)&gt;_{z1}   (g0 = g at beta = infinity),
     * </pre>
     * the second term integrated in u = beta h with the outer line rule (smooth there on the scale 1 once beta sd1 &gt; 1).
     * This reaches any temperature down to T = 0 (e.g. the 1RSB retrieval state of dense networks below an AT line
     * at T ~ 1e-6), where the inner Gauss-Hermite rule fails.
     */
    public FiniteTemperatureMoments finiteTemperature(double beta, double x, double mean, double sd0, double sd1) {
        if (!(beta > 0.0) || !(x > 0.0) || !(sd0 >= 0.0) || !(sd1 >= 0.0)) {
            return new FiniteTemperatureMoments(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sum = new double[5];
        LineQuadrature.VectorIntegrand cluster = beta * sd1 > KINK_SCALE ? kinkResolvedCluster(beta, x, sd1) : ruleCluster(beta, x, sd1);
        outerAverage(cluster, mean, sd0, 14.0 * sd1 + 20.0 / beta + x * beta * sd1 * sd1, sum);
        return new FiniteTemperatureMoments(sum[0] / (beta * x), sum[1], sum[2], sum[3], sum[4]);
    }

    /** Above this beta sd1 the finite-T inner average is split at the kink (see {@link #finiteTemperature}). */
    public static final double KINK_SCALE = 1.0;
    /** Half-range in u = beta h of the kink correction: its integrand is below e^{-KINK_RANGE} beyond. */
    public static final double KINK_RANGE = 40.0;

    /** Per-cluster kernels with the inner rule (beta sd1 of order 1 or less). */
    private LineQuadrature.VectorIntegrand ruleCluster(double beta, double x, double sd1) {
        int n = innerNodes.length;
        double[] y = new double[n];
        double[] th = new double[n];
        return (a, out) -> {
            // y_i = x ln 2cosh(beta h_i), shifted by y at z1 = 0 so that the weights never overflow
            double yc = x * LocalFieldAverages.logTwoCosh(beta * a);
            double z = 0.0;
            double zt = 0.0;
            double zt2 = 0.0;
            double zy = 0.0;
            for (int i = 0; i < n; i++) {
                double h = a + sd1 * innerNodes[i];
                y[i] = x * LocalFieldAverages.logTwoCosh(beta * h) - yc;
                th[i] = Math.tanh(beta * h);
                double w = innerWeights[i] * Math.exp(y[i]);
                z += w;
                zt += w * th[i];
                zt2 += w * th[i] * th[i];
                zy += w * y[i];
            }
            double lnZ1 = yc + Math.log(z);
            double t = zt / z;
            out[0] = lnZ1;
            out[1] = t;
            out[2] = zt2 / z;
            out[3] = t * t;
            out[4] = Math.log(z) - zy / z; // ln Z1 - x <w ln2cosh>, shift-invariant
        };
    }

    /**
     * Per-cluster kernels split at the kink (beta sd1 &gt; KINK_SCALE). All sums are scaled by K = e^{mu^2 s^2/2 + max(A, B)}
     * (the T = 0 partition function up to a factor in [1, 2]) so nothing overflows. With zeta = Z0/K, the T = 0 values
     * t0, c0 = mu d ln Z0/d mu = mu^2 s^2 + mu a t0 + 2 mu s^2 &lt;delta(h)&gt;/Z0 and the corrections dZ, dS, dQ, dY (sums of
     * e^{mu|h|}(E - 1), sign(h)(E T - 1), E T^2 - 1 and mu|h|(E - 1) + x E ln(1 + e^{-2 beta|h|}), all over K):
     * <pre>
     *   Z1/K = zeta + dZ,  t = (zeta t0 + dS)/(Z1/K),  q1 kernel = (zeta + dQ)/(Z1/K),
     *   ln Z1 - x&lt;w ln 2cosh&gt; = [ln Z0 - c0] + ln(1 + dZ/zeta) + (c0 dZ - dY)/(Z1/K),
     * </pre>
     * the bracket computed without cancellation as in {@link #zeroTemperature}. The u-dependent factors of the
     * correction are tabulated once per call on {@link #KINK_RULE}; a cluster field farther than KINK_RANGE/beta +
     * 9.2 sd1 from the kink gets no correction (its weight there is below e^{-42} of K).
     */
    private LineQuadrature.VectorIntegrand kinkResolvedCluster(double beta, double x, double sd1) {
        double mu = beta * x;
        double s2 = sd1 * sd1;
        double lnNorm = Math.log(sd1) + LN_SQRT_2PI;
        double lnBeta = Math.log(beta);
        double[] nodes = KINK_RULE[0];
        int n = nodes.length;
        double[] logFactor = new double[n];
        double[] eMinus1 = new double[n];
        double[] signPart = new double[n];
        double[] squarePart = new double[n];
        double[] entropyPart = new double[n];
        for (int i = 0; i < n; i++) {
            double u = nodes[i];
            double e = Math.exp(-2.0 * u);
            double ell = Math.log1p(e);
            double big = Math.exp(x * ell);
            double tanh = (1.0 - e) / (1.0 + e);
            logFactor[i] = Math.log(KINK_RULE[1][i]) + x * u;
            eMinus1[i] = Math.expm1(x * ell);
            signPart[i] = big * tanh - 1.0;
            squarePart[i] = eMinus1[i] - big * (1.0 - tanh * tanh);
            entropyPart[i] = x * u * eMinus1[i] + x * big * ell;
        }
        double reach = KINK_RANGE / beta + 9.2 * sd1;
        double[] cluster = new double[CLUSTER];
        return (a, out) -> {
            zeroTemperatureCluster(mu, sd1, a, cluster);
            double top = cluster[TOP];
            double e = cluster[RATIO];
            double zeta = 1.0 + e;
            double t0 = cluster[SIGN];
            double rem0 = cluster[REMAINDER]; // ln Z0 - mu^2 s^2/2 - mu a t0
            double lnScale = 0.5 * mu * mu * s2 + top;
            double lnZ0 = lnScale + Math.log1p(e);
            double delta = Math.exp(-0.5 * a * a / s2 - lnNorm - lnZ0); // <delta(h)>_{z1} / Z0
            double c0 = mu * mu * s2 + mu * a * t0 + 2.0 * mu * s2 * delta;
            double dZ = 0.0;
            double dS = 0.0;
            double dQ = 0.0;
            double dY = 0.0;
            if (Math.abs(a) < reach) {
                double base = -lnNorm - lnBeta - lnScale;
                for (int i = 0; i < n; i++) {
                    double h = nodes[i] / beta;
                    double dPlus = (h - a) / sd1;
                    double dMinus = (-h - a) / sd1;
                    double rhoPlus = Math.exp(base + logFactor[i] - 0.5 * dPlus * dPlus);
                    double rhoMinus = Math.exp(base + logFactor[i] - 0.5 * dMinus * dMinus);
                    double both = rhoPlus + rhoMinus;
                    dZ += both * eMinus1[i];
                    dS += (rhoPlus - rhoMinus) * signPart[i];
                    dQ += both * squarePart[i];
                    dY += both * entropyPart[i];
                }
            }
            double z1 = zeta + dZ;
            double t = (zeta * t0 + dS) / z1;
            out[0] = lnScale + Math.log(z1);
            out[1] = t;
            out[2] = (zeta + dQ) / z1;
            out[3] = t * t;
            out[4] = (rem0 - 0.5 * mu * mu * s2 - 2.0 * mu * s2 * delta) + Math.log1p(dZ / zeta) + (c0 * dZ - dY) / z1;
        };
    }

    /**
     * Rule on [0, KINK_RANGE] for the kink correction in u = beta |h|: order-8 Gauss-Legendre panels of width 1 up to
     * u = 12 (the integrand varies there on the scales 1/2, from e^{-2u}, and beta sd1 &gt; 1, from the Gaussian), then
     * of width 4 (the integrand is below e^{-(2 - x) u} &lt;= e^{-12} of its peak).
     */
    private static final double[][] KINK_RULE = kinkRule();

    private static double[][] kinkRule() {
        GaussIntegrator legendre = new GaussIntegratorFactory().legendre(8, -1.0, 1.0);
        java.util.List<Double> edges = new java.util.ArrayList<>();
        for (int u = 0; u <= 12; u++) {
            edges.add((double) u);
        }
        for (double u = 16.0; u <= KINK_RANGE; u += 4.0) {
            edges.add(u);
        }
        int order = legendre.getNumberOfPoints();
        double[] nodes = new double[(edges.size() - 1) * order];
        double[] weights = new double[nodes.length];
        for (int k = 0; k + 1 < edges.size(); k++) {
            double half = 0.5 * (edges.get(k + 1) - edges.get(k));
            double mid = 0.5 * (edges.get(k + 1) + edges.get(k));
            for (int i = 0; i < order; i++) {
                nodes[k * order + i] = mid + half * legendre.getPoint(i);
                weights[k * order + i] = half * legendre.getWeight(i);
            }
        }
        return new double[][] {nodes, weights};
    }

    /**
     * ln Phi(u), Phi the standard normal distribution function, accurate for all u where it is
     * representable (erfc keeps its relative accuracy in the lower tail); -infinity once Phi
     * underflows (u &lt; -38), which only happens where the other branch of Z dominates by e^{-700}.
     */
    public static double logNormalCdf(double u) {
        if (u > 5.0) {
            return Math.log1p(-0.5 * Erf.erfc(u / SQRT2));
        }
        return Math.log(0.5 * Erf.erfc(-u / SQRT2));
    }
}
