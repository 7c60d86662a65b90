package org.saddle.solver;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Newton's method for G(x) = 0 with a forward finite-difference Jacobian, an LU solve and step
 * halving (a step is accepted only if it stays in the domain and lowers the max-norm residual).
 * Converged when |G|_inf <= tolerance * max(1, |x|_inf).
 */
public final class NewtonSolver {

    private static final double RELATIVE_STEP = 1e-7;
    private static final double MIN_DAMPING = 1.0 / 1024.0;

    private final double tolerance;
    private final int maxIterations;

    /** @param tolerance residual tolerance (relative to max(1,|x|)); @param maxIterations Newton steps */
    public NewtonSolver(double tolerance, int maxIterations) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** Residual tolerance. */
    public double tolerance() {
        return tolerance;
    }

    /** Solves G(x) = 0 from {@code start}; {@code iterationOffset} is added to the iteration count. */
    public SolveResult solve(VectorResidual g, double[] start, int iterationOffset) {
        int n = g.dimension();
        double[] x = start.clone();
        double[] gx = new double[n];
        if (!g.isValid(x)) {
            return new SolveResult(x, Double.NaN, iterationOffset, SolveStatus.DIVERGED);
        }
        g.value(x, gx);
        double res = maxNorm(gx);
        if (!Double.isFinite(res)) {
            return new SolveResult(x, res, iterationOffset, SolveStatus.DIVERGED);
        }
        int it = 0;
        while (res > tolerance * Math.max(1.0, maxNorm(x))) {
            if (it >= maxIterations) {
                return new SolveResult(x, res, iterationOffset + it, SolveStatus.NOT_CONVERGED);
            }
            it++;
            double[][] jac = jacobian(g, x, gx);
            if (jac == null) {
                return new SolveResult(x, res, iterationOffset + it, SolveStatus.NOT_CONVERGED);
            }
            DecompositionSolver lu = new LUDecomposition(new Array2DRowRealMatrix(jac, false), 1e-14).getSolver();
            if (!lu.isNonSingular()) {
                return new SolveResult(x, res, iterationOffset + it, SolveStatus.NOT_CONVERGED);
            }
            RealVector delta = lu.solve(new ArrayRealVector(gx, true)).mapMultiply(-1.0);
            double lambda = 1.0;
            boolean accepted = false;
            double[] trial = new double[n];
            double[] gt = new double[n];
            while (lambda >= MIN_DAMPING) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + lambda * delta.getEntry(i);
                }
                if (g.isValid(trial)) {
                    g.value(trial, gt);
                    double rt = maxNorm(gt);
                    if (Double.isFinite(rt) && rt < res) {
                        System.arraycopy(trial, 0, x, 0, n);
                        System.arraycopy(gt, 0, gx, 0, n);
                        res = rt;
                        accepted = true;
                        break;
                    }
                }
                lambda *= 0.5;
            }
            if (!accepted) {
                return new SolveResult(x, res, iterationOffset + it, SolveStatus.NOT_CONVERGED);
            }
        }
        return new SolveResult(x, res, iterationOffset + it, SolveStatus.CONVERGED);
    }

    /** Forward-difference Jacobian (backward where the forward point leaves the domain); null if neither works. */
    static double[][] jacobian(VectorResidual g, double[] x, double[] gx) {
        int n = x.length;
        double[][] jac = new double[n][n];
        double[] xp = x.clone();
        double[] gp = new double[n];
        for (int j = 0; j < n; j++) {
            double h = RELATIVE_STEP * Math.max(1.0, Math.abs(x[j]));
            xp[j] = x[j] + h;
            if (!g.isValid(xp)) {
                h = -h;
                xp[j] = x[j] + h;
                if (!g.isValid(xp)) {
                    return null;
                }
            }
            g.value(xp, gp);
            for (int i = 0; i < n; i++) {
                jac[i][j] = (gp[i] - gx[i]) / h;
                if (!Double.isFinite(jac[i][j])) {
                    return null;
                }
            }
            xp[j] = x[j];
        }
        return jac;
    }

    static double maxNorm(double[] v) {
        double m = 0.0;
        for (double d : v) {
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
