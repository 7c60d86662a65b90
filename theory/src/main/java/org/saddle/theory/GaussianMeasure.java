package org.saddle.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * Average over the standard Gaussian measure Dz = exp(-z^2/2) dz / sqrt(2 pi).
 * Theory states its equations as functions of such a measure; the solver module supplies
 * the quadrature (e.g. Gauss-Hermite), so theory never depends on solver.
 */
@FunctionalInterface
public interface GaussianMeasure {
    /** Returns {@code <g(z)>_z}, the average of {@code g} over a standard normal z. */
    double average(DoubleUnaryOperator g);
}
