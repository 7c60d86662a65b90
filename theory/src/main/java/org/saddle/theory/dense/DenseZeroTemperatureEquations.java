package org.saddle.theory.dense;

import java.util.List;
import org.hipparchus.special.Erf;
import org.saddle.theory.LoadedEquations;
import org.saddle.theory.LocalFieldAverages;
import org.saddle.theory.SaddlePointEquations;

/**
 * T = 0 limit of the RS equations of the dense P-body network ({@link DenseRSEquations}) as equations of their
 * own. Derived: as beta -> infinity with C = beta(1-q) finite, q -> 1, v(q) -> v(1) = alpha/(P-1)!, and
 * beta B(q) = C^2 T S(q) -> 0, so
 * <pre>
 *   m = erf( s(m) / sqrt(2 v(1)) ) = erf( m^(P-1) / sqrt(2 alpha (P-1)!) ),
 *   C = 2 p(0) = sqrt(2/(pi v(1))) exp(-s(m)^2 / (2 v(1))),
 *   e = (P-1) m^P / P! - &lt;|s(m) + sqrt(v(1)) z|&gt;_z.
 * </pre>
 * Unlike Hopfield, C does not feed back into m (no reaction term for P >= 3). With y = m^(P-1)/sqrt(2 alpha (P-1)!)
 * the retrieval solutions are m = erf(y), alpha(y) = erf(y)^(2P-2) / (2 (P-1)! y^2), and alpha_c is the maximum of
 * alpha(y). State (m, C), as in {@link DenseRSEquations}.
 */
public final class DenseZeroTemperatureEquations extends LoadedEquations {

    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private final DenseHebbianModel model;

    /** @param model P; @param load alpha >= 0 */
    public DenseZeroTemperatureEquations(DenseHebbianModel model, double load) {
        super(load, List.of("m", "C"));
        this.model = model;
    }

    @Override
    public void update(double[] x, double[] next) {
        double mean = model.signal(x[0]);
        double sd = Math.sqrt(model.noiseVariance(load(), 1.0));
        next[0] = LocalFieldAverages.signAverage(mean, sd);         // m = erf(s / sqrt(2 v1))
        next[1] = 2.0 * LocalFieldAverages.densityAtZero(mean, sd); // C = 2 p(0)
    }

    /** Domain: |m| &lt;= 1, C >= 0. */
    @Override
    public boolean isValid(double[] x) {
        return super.isValid(x) && x[1] >= 0.0 && Math.abs(x[0]) <= 1.0 + 1e-12;
    }

    /** Ground-state energy per neuron e(m) of the class comment. */
    public double energy(double m) {
        return model.condensedEnergy(m) - LocalFieldAverages.absAverage(model.signal(m),
                Math.sqrt(model.noiseVariance(load(), 1.0)));
    }

    /**
     * Slope K of the replicon as T -> 0, lambda ~ 1 - K/T. Derived from {@link DenseRSEquations#replicon}:
     * beta &lt;sech^4 beta h&gt; -> (4/3) p(0), so K = (alpha/(P-2)!) (4/3) p(0) > 0 for every alpha > 0.
     */
    public double repliconSlope(double m) {
        double p0 = LocalFieldAverages.densityAtZero(model.signal(m), Math.sqrt(model.noiseVariance(load(), 1.0)));
        return load() * (model.interactionOrder() - 1) / model.factorialMinusOne() * (4.0 / 3.0) * p0;
    }

    /** Replicon at T = 0: -infinity for alpha > 0 (RS is AT-unstable at T = 0), 1 at alpha = 0. */
    public double replicon(double m) {
        return repliconSlope(m) > 0.0 ? Double.NEGATIVE_INFINITY : 1.0;
    }

    /** alpha(y) = erf(y)^(2P-2) / (2 (P-1)! y^2): the load of the T = 0 retrieval state with m = erf(y). */
    public static double loadAtY(DenseHebbianModel model, double y) {
        double e = Erf.erf(y);
        return Math.pow(e, 2 * model.interactionOrder() - 2) / (2.0 * model.factorialMinusOne() * y * y);
    }

    /**
     * Stationarity of ln alpha(y), zero at alpha_c (P >= 3). Derived: d ln alpha/dy = (2P-2) erf'(y)/erf(y) - 2/y, so
     * alpha'(y) = 0 iff (P-1) y (2/sqrt pi) e^{-y^2} - erf(y) = 0; positive for small y (P >= 3), negative for large y.
     */
    public static double criticalLoadCondition(DenseHebbianModel model, double y) {
        return (model.interactionOrder() - 1) * y * TWO_OVER_SQRT_PI * Math.exp(-y * y) - Erf.erf(y);
    }

    /**
     * Leading large-P law of the RS critical load (derived from alpha(y)): the maximizer solves
     * y e^{-y^2} = sqrt(pi) erf(y) / (2(P-1)) so y*^2 = ln P + O(ln ln P), and 2 (P-1)! alpha_c = erf(y*)^(2P-2)/y*^2
     * -> e^{-1/y*^2}/y*^2, i.e. alpha_c ~ 1 / (2 (P-1)! ln P). (In the load K (P-1)!/N^(P-1) this is 1/(2 ln P);
     * per P-tuple, K P!/N^(P-1), it is P/(2 ln P).)
     */
    public static double largeOrderCriticalLoad(DenseHebbianModel model) {
        return 1.0 / (2.0 * model.factorialMinusOne() * Math.log(model.interactionOrder()));
    }

    /**
     * The next order of the large-P law (derived from alpha(y) with erf(y*) -> 1 in the stationarity condition and
     * erf(y)^(2P-2) ~ exp(-(2P-2) e^{-y^2}/(y sqrt pi)) = e^{-1/y0^2}): alpha_c ~ e^{-1/y0^2} / (2 (P-1)! y0^2), where
     * y0 > 1/sqrt 2 solves y0 e^{-y0^2} = sqrt(pi) / (2 (P-1)). Needs P >= 4 (for P = 3 the right side exceeds the
     * maximum of y e^{-y^2}). Its relative error goes to 0 as P grows (tested), while the leading law
     * {@link #largeOrderCriticalLoad} has corrections O(ln ln P / ln P).
     */
    public static double asymptoticCriticalLoad(DenseHebbianModel model) {
        double target = Math.sqrt(Math.PI) / (2.0 * (model.interactionOrder() - 1));
        double lo = Math.sqrt(0.5); // y e^{-y^2} decreases for y > 1/sqrt 2
        double hi = 40.0;
        if (!(lo * Math.exp(-lo * lo) > target)) {
            return Double.NaN;
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid * Math.exp(-mid * mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double y0 = 0.5 * (lo + hi);
        return Math.exp(-1.0 / (y0 * y0)) / (2.0 * model.factorialMinusOne() * y0 * y0);
    }
}
