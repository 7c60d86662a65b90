package org.saddle.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * Integral of a smooth function over a finite interval. Used for kernels that are localized at
 * scale 1 (e.g. sech^2(u)) after a change of variables u = beta h, where a Gaussian rule cannot
 * resolve them. Implementations live in the solver module.
 */
@FunctionalInterface
public interface LineQuadrature {
    /** Returns the integral of {@code f} over [a, b]; {@code f} must be smooth on the open interval. */
    double integrate(DoubleUnaryOperator f, double a, double b);

    /**
     * A vector-valued integrand: writes its {@code out.length} components at {@code u} into {@code out}.
     * Lets several kernels that share expensive intermediate values (e.g. the inner average of a
     * one-step RSB field) be integrated in one pass.
     */
    @FunctionalInterface
    interface VectorIntegrand {
        /** Writes the components of the integrand at {@code u} into {@code out}. */
        void evaluate(double u, double[] out);
    }

    /**
     * Adds the integrals of the components of {@code f} over [a, b] to {@code sum} (length = number of
     * components). The default evaluates {@code f} once per component and node (correct for any rule);
     * implementations should override it to evaluate {@code f} once per node.
     */
    default void integrate(VectorIntegrand f, double a, double b, double[] sum) {
        int k = sum.length;
        for (int c = 0; c < k; c++) {
            final int comp = c;
            double[] tmp = new double[k];
            sum[c] += integrate(u -> {
                f.evaluate(u, tmp);
                return tmp[comp];
            }, a, b);
        }
    }
}
