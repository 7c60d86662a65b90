package org.saddle.simulation.potts;

/**
 * Second-order structure of the Potts DAM's loss {@link PottsLoss} in the memories (class weights held
 * fixed), on the product of spheres |w^mu|^2 = N. Dense matrices: for small N P (tests, the saddle
 * hierarchy on small problems); the per-memory splitting matrices are N x N and serve MNIST.
 *
 * <p>Euclidean Hessian (differentiate dL/dw^mu = -(beta/M) sum_a r_mu(a) x_a once more; dr_mu/dw^nu =
 * beta r_mu (delta_mu,nu - r_nu) x):
 * <pre>  d2L / dw^mu_i dw^nu_j = (beta^2 / M) sum_a (r_mu r_nu - delta_mu,nu r_mu)(a) x_a,i x_a,j</pre>
 * Riemannian Hessian on the sphere of radius sqrt(N) (projection plus the Weingarten term):
 * <pre>  Hess_mu,nu = P_mu (d2L) P_nu - delta_mu,nu (w^mu . dL/dw^mu / N) P_mu,   P_mu = 1 - w^mu w^mu^T / N</pre>
 * The P radial directions are null vectors of this matrix (eigenvalue 0).
 *
 * <p>Splitting matrix (derivation, the saddle hierarchy): split memory mu of a stationary DAM into two
 * copies with half its class weights each, moved to (w +- eps v)/|.| sqrt(N) with v tangent. Expanding
 * exp(beta w' . x) to second order (the renormalization contributes -eps^2 beta m |v|^2 / 2) and averaging
 * the two copies, the loss changes by eps^2 v^T S_mu v with
 * <pre>  S_mu = -(1/(2M)) sum_a r_mu(a) [beta^2 x_a^perp x_a^perp^T - beta m_mu(a) P_mu]</pre>
 * (first-order terms vanish at a stationary point). The antisymmetric directions (v, -v)/sqrt 2 of the
 * two copies are an invariant subspace of the split DAM's Hessian (exchange symmetry of the copies) on
 * which it equals S_mu: the split point is a saddle iff lambda_min(S_mu) < 0, i.e. iff
 * beta lambda_max(C_mu) > mbar_mu with C_mu = sum_a r_mu x^perp x^perp^T / sum_a r_mu and mbar_mu the
 * r-weighted mean overlap: memories become unstable to splitting when the inverse temperature exceeds
 * the ratio of their mean overlap to their largest tangent variance.
 */
public final class PottsHessian {
    private PottsHessian() {}

    /** Posteriors r_mu(a) of all examples, {@code [a * P + mu]}. */
    static double[] responsibilities(PottsDam dam, PottsLoss loss) {
        SphereData data = loss.data();
        int m = data.count();
        double[] r = new double[m * dam.memories()];
        int cap = Math.min(m, 512);
        PottsLoss chunked = new PottsLoss(data, loss.inverseTemperature(), cap);
        double[] block = new double[cap * dam.memories()];
        for (int from = 0; from < m; from += cap) {
            int to = Math.min(m, from + cap);
            chunked.evaluate(dam, null, from, to, null, null, block);
            System.arraycopy(block, 0, r, from * dam.memories(), (to - from) * dam.memories());
        }
        return r;
    }

    /** Tangent (Riemannian) gradient of the full-data loss, {@code [mu * N + i]}. */
    public static double[] riemannianGradient(PottsDam dam, PottsLoss loss) {
        int n = dam.neurons();
        double[] g = new double[n * dam.memories()];
        loss.fullGradient(dam, g, new double[dam.logits().length]);
        projectOnTangentSpaces(g, dam.memoryWeights(), n, dam.memories());
        return g;
    }

    /** Removes from each {@code g[mu * N ..]} its component along the memory w^mu (|w|^2 = N): g <- P_mu g. */
    static void projectOnTangentSpaces(double[] g, double[] w, int n, int memories) {
        for (int mu = 0; mu < memories; mu++) {
            double radial = 0;
            for (int i = 0; i < n; i++) {
                radial += g[mu * n + i] * w[mu * n + i];
            }
            for (int i = 0; i < n; i++) {
                g[mu * n + i] -= radial / n * w[mu * n + i];
            }
        }
    }

    /**
     * The stationarity residual rho = [sum_mu |G_mu|^2 / Q_mu]^(1/2) / (beta sqrt N) of the memories on all the data
     * (G_mu: Riemannian gradient, Q_mu = (1/M) sum_a r_mu(a): posterior mass; definition and meaning in
     * {@link PottsTrainer}): 0 exactly at a stationary point, at most 1.
     */
    public static double stationarityResidual(PottsDam dam, PottsLoss loss) {
        int pCount = dam.memories();
        int m = loss.data().count();
        double[] r = responsibilities(dam, loss);
        double[] mass = new double[pCount];
        for (int a = 0; a < m; a++) {
            for (int mu = 0; mu < pCount; mu++) {
                mass[mu] += r[a * pCount + mu] / m;
            }
        }
        return PottsTrainer.residual(riemannianGradient(dam, loss), mass, dam.neurons(), loss.inverseTemperature());
    }

    /** Euclidean Hessian of the full-data loss in the memories: (NP) x (NP), index mu * N + i. */
    public static double[] euclidean(PottsDam dam, PottsLoss loss) {
        SphereData data = loss.data();
        int n = dam.neurons();
        int pCount = dam.memories();
        int dim = n * pCount;
        int m = data.count();
        double beta = loss.inverseTemperature();
        double[] r = responsibilities(dam, loss);
        double[] h = new double[dim * dim];
        double[] x = data.x();
        double scale = beta * beta / m;
        for (int a = 0; a < m; a++) {
            for (int mu = 0; mu < pCount; mu++) {
                double rm = r[a * pCount + mu];
                for (int nu = 0; nu < pCount; nu++) {
                    double c = scale * (rm * r[a * pCount + nu] - (mu == nu ? rm : 0));
                    if (c == 0) {
                        continue;
                    }
                    for (int j = 0; j < n; j++) {
                        double cx = c * x[a * n + j];
                        int col = (nu * n + j) * dim + mu * n;
                        for (int i = 0; i < n; i++) {
                            h[col + i] += cx * x[a * n + i];
                        }
                    }
                }
            }
        }
        return h;
    }

    /** Riemannian Hessian on the product of spheres (see class comment), (NP) x (NP). */
    public static double[] riemannian(PottsDam dam, PottsLoss loss) {
        int n = dam.neurons();
        int pCount = dam.memories();
        int dim = n * pCount;
        double[] h = euclidean(dam, loss);
        double[] g = new double[dim];
        loss.fullGradient(dam, g, new double[dam.logits().length]);
        double[] w = dam.memoryWeights();
        // projector Q = blockdiag(P_mu); H <- Q H Q
        double[] proj = new double[dim * dim];
        for (int mu = 0; mu < pCount; mu++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    proj[(mu * n + j) * dim + mu * n + i] = (i == j ? 1 : 0) - w[mu * n + i] * w[mu * n + j] / n;
                }
            }
        }
        double[] qh = multiply(proj, h, dim);
        double[] out = multiply(qh, proj, dim);
        for (int mu = 0; mu < pCount; mu++) {
            double radial = 0;
            for (int i = 0; i < n; i++) {
                radial += w[mu * n + i] * g[mu * n + i];
            }
            radial /= n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out[(mu * n + j) * dim + mu * n + i] -= radial * proj[(mu * n + j) * dim + mu * n + i];
                }
            }
        }
        return out;
    }

    /** The splitting matrix S_mu of memory mu (N x N, see class comment) at the current (stationary) point. */
    public static double[] splittingMatrix(PottsDam dam, PottsLoss loss, int mu) {
        SphereData data = loss.data();
        int n = dam.neurons();
        int pCount = dam.memories();
        int m = data.count();
        double beta = loss.inverseTemperature();
        double[] r = responsibilities(dam, loss);
        double[] w = dam.memoryWeights();
        double[] x = data.x();
        double[] s = new double[n * n];
        double[] perp = new double[n];
        double weightedOverlap = 0;
        for (int a = 0; a < m; a++) {
            double ra = r[a * pCount + mu];
            if (ra == 0) {
                continue;
            }
            double overlap = 0;
            for (int i = 0; i < n; i++) {
                overlap += w[mu * n + i] * x[a * n + i];
            }
            overlap /= n;
            weightedOverlap += ra * overlap;
            for (int i = 0; i < n; i++) {
                perp[i] = x[a * n + i] - overlap * w[mu * n + i];
            }
            double c = -beta * beta * ra / (2.0 * m);
            for (int j = 0; j < n; j++) {
                double cp = c * perp[j];
                for (int i = 0; i < n; i++) {
                    s[j * n + i] += cp * perp[i];
                }
            }
        }
        double diagonal = beta * weightedOverlap / (2.0 * m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[j * n + i] += diagonal * ((i == j ? 1 : 0) - w[mu * n + i] * w[mu * n + j] / n);
            }
        }
        return s;
    }

    static double[] multiply(double[] a, double[] b, int dim) {
        double[] c = new double[dim * dim];
        dev.ludovic.netlib.blas.BLAS.getInstance().dgemm("N", "N", dim, dim, dim, 1.0, a, dim, b, dim, 0.0, c, dim);
        return c;
    }
}
