package org.saddle.simulation.dense;

import org.saddle.simulation.Dynamics;
import org.saddle.simulation.OverlapKernel;
import org.saddle.simulation.PackedPatterns;
import org.saddle.simulation.Xoshiro256PlusPlus;

/**
 * Replica exchange (Hukushima and Nemoto, J. Phys. Soc. Jpn. 65, 1604 (1996)) over a temperature ladder
 * T_0 &lt; T_1 &lt; ... for one set of patterns. A round is one sweep of every replica at its temperature followed
 * by exchange attempts between neighbouring temperatures (even pairs on even rounds, odd pairs on odd rounds),
 * a swap of the configurations at T_t and T_t+1 accepted with probability
 * min(1, exp[(beta_t - beta_t+1)(E_t - E_t+1)]), which keeps the product of Boltzmann distributions invariant
 * (detailed balance). Configurations are swapped by relabelling, not copied.
 *
 * <p>Streams: replica r uses (seed, gridPoint, sample, 10 + r); the exchanges use (seed, gridPoint, sample, 9).
 */
public final class ParallelTempering {
    private final DenseChain[] chains;
    private final double[] betas;
    /** slot[t] = index of the chain at temperature t. */
    private final int[] slot;
    private final long[] attempts;
    private final long[] accepted;
    private final Xoshiro256PlusPlus exchangeRng;
    private final Dynamics dynamics;
    private long round;

    /**
     * @param xi           site-major patterns
     * @param start        common initial spins
     * @param temperatures strictly increasing, all &gt; 0
     * @param dynamics     Glauber or Metropolis
     */
    public ParallelTempering(byte[] xi, int neurons, int patterns, byte[] start, InteractionFunction f,
            double[] temperatures, Dynamics dynamics, long seed, long gridPoint, long sample, OverlapKernel kernel) {
        if (temperatures.length < 2) {
            throw new IllegalArgumentException("parallel tempering needs at least 2 temperatures");
        }
        if (dynamics == Dynamics.ZERO_TEMPERATURE) {
            throw new IllegalArgumentException("parallel tempering needs T > 0 dynamics (glauber or metropolis)");
        }
        if (f.logDomain()) {
            throw new IllegalArgumentException("parallel tempering is not available for log-domain energies");
        }
        for (int t = 0; t < temperatures.length; t++) {
            if (!(temperatures[t] > 0) || (t > 0 && !(temperatures[t] > temperatures[t - 1]))) {
                throw new IllegalArgumentException("temperatures must be > 0 and strictly increasing");
            }
        }
        int r = temperatures.length;
        chains = new DenseChain[r];
        betas = new double[r];
        slot = new int[r];
        short[] packed = PackedPatterns.pack(xi, neurons, patterns);  // one bit-packed copy for all temperatures
        for (int t = 0; t < r; t++) {
            betas[t] = 1.0 / temperatures[t];
            slot[t] = t;
            chains[t] = new DenseChain(xi, packed, neurons, patterns, start, f,
                    Xoshiro256PlusPlus.forStream(seed, gridPoint, sample, 10 + t), kernel);
        }
        attempts = new long[r - 1];
        accepted = new long[r - 1];
        exchangeRng = Xoshiro256PlusPlus.forStream(seed, gridPoint, sample, 9);
        this.dynamics = dynamics;
    }

    /** One round: a sweep per replica, then exchanges between neighbours. */
    public void round() {
        for (int t = 0; t < betas.length; t++) {
            chains[slot[t]].sweep(dynamics, betas[t]);
        }
        for (int t = (int) (round & 1); t + 1 < betas.length; t += 2) {
            double ea = chains[slot[t]].energy();
            double eb = chains[slot[t + 1]].energy();
            double logRatio = (betas[t] - betas[t + 1]) * (ea - eb);
            attempts[t]++;
            if (logRatio >= 0 || exchangeRng.nextDouble() < Math.exp(logRatio)) {
                int tmp = slot[t];
                slot[t] = slot[t + 1];
                slot[t + 1] = tmp;
                accepted[t]++;
            }
        }
        round++;
    }

    /** The chain currently at temperature index t. */
    public DenseChain at(int t) {
        return chains[slot[t]];
    }

    /** Acceptance rate of exchanges between temperatures t and t+1 (NaN before any attempt). */
    public double exchangeAcceptance(int t) {
        return attempts[t] == 0 ? Double.NaN : (double) accepted[t] / attempts[t];
    }

    public int temperatures() {
        return betas.length;
    }
}
