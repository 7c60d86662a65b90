package org.saddle.app.config;

import java.util.List;
import java.util.Optional;

/**
 * A validated study of the dense P-body Hebbian network (model: dense): the RS phase diagram in (alpha, T) at one
 * interaction order, with the lines located on an adaptively refined load grid, and/or the T = 0 critical loads
 * alpha_c(P) under RS and 1RSB, and optionally the Monte Carlo of the dense network on a grid of (N, load, T) at the
 * phase diagram's P, overlaid on the diagram, with the load where the overlap crosses 1/2 extrapolated to N -> inf.
 *
 * @param name study name (folder under results/)
 * @param source config file
 * @param configText its text (run.json)
 * @param seed study seed (recorded; the theory uses no random numbers)
 * @param quadratureOrder Gauss-Hermite order of the RS averages
 * @param phaseDiagram the phase-diagram section, if present
 * @param criticalLoads the critical-load section, if present
 * @param simulation the Monte Carlo section, if present (needs the phase diagram: it runs at its P)
 */
public record DenseStudy(String name, String source, String configText, long seed, int quadratureOrder,
        Optional<PhaseDiagram> phaseDiagram, Optional<CriticalLoads> criticalLoads, Optional<Simulation> simulation) {

    /**
     * The Monte Carlo grid: Glauber dynamics from pattern 1, two replicas per sample, K = max(1, round(alpha N^(P-1))).
     *
     * @param neurons the sizes N
     * @param loads nominal loads alpha of the grid
     * @param temperatures temperatures T (0: zero-temperature asynchronous dynamics)
     * @param samples disorder realizations per grid point
     * @param equilibrationSweeps sweeps discarded
     * @param measurementSweeps sweeps measured
     */
    public record Simulation(List<Integer> neurons, List<Double> loads, List<Double> temperatures, int samples,
            int equilibrationSweeps, int measurementSweeps) {
        public Simulation {
            neurons = List.copyOf(neurons);
            loads = List.copyOf(loads);
            temperatures = List.copyOf(temperatures);
        }

        /** The number of grid points (N, load, T). */
        public int gridPoints() {
            return neurons.size() * loads.size() * temperatures.size();
        }

        /** K = max(1, round(alpha N^(P-1))) patterns (archetypes) at load alpha. */
        public static int patterns(int order, int neurons, double load) {
            return (int) Math.max(1, Math.round(load * Math.pow(neurons, order - 1)));
        }

        /**
         * Parses a {@code simulation} section (keys in README, "Dense P-body networks and one-step RSB"), shared by
         * the studies that overlay this grid on a phase diagram.
         *
         * @param s the section
         * @param order P of the diagram
         * @param storedPerPattern stored patterns per K (1; M for a network that stores every example), for the
         *                         memory limit
         * @param extraKeys further keys the caller reads from the section
         */
        public static Simulation parse(ConfigNode s, int order, int storedPerPattern, String... extraKeys) {
            List<String> keys = new java.util.ArrayList<>(List.of("neurons", "loads", "temperatures", "samples",
                    "equilibration-sweeps", "measurement-sweeps"));
            keys.addAll(List.of(extraKeys));
            s.allowOnly(keys.toArray(String[]::new));
            long[] sizes = s.integers("neurons", 8, 4096);
            if (java.util.Arrays.stream(sizes).distinct().count() != sizes.length) {
                throw s.error("simulation.neurons", "repeats a size; allowed: distinct N in [8, 4096]");
            }
            double[] loads = s.numbers("loads", 0.0, 1.0, "load alpha = K/N^(P-1) in");
            double[] temperatures = s.numbers("temperatures", 0.0, 10.0, "temperature T in");
            for (long n : sizes) {
                for (double a : loads) {
                    double stored = (double) patterns(order, (int) n, a) * storedPerPattern;
                    if (stored > 2_000_000) {
                        throw s.error("simulation.loads", "gives " + Math.round(stored) + " stored patterns (K = alpha N^(P-1)"
                                + (storedPerPattern > 1 ? " times " + storedPerPattern : "") + ") at N = " + n
                                + "; allowed: at most 2000000 (smaller loads or N)");
                    }
                }
            }
            for (long n : sizes) {
                long[] k = java.util.Arrays.stream(loads).sorted().distinct()
                        .mapToLong(a -> patterns(order, (int) n, a)).toArray();
                for (int j = 0; j + 1 < k.length; j++) {
                    if (k[j] == k[j + 1]) {
                        throw s.error("simulation.loads", "gives the same K = " + k[j] + " twice at N = " + n
                                + "; allowed: loads whose K = max(1, round(alpha N^(P-1))) differ at every N");
                    }
                }
            }
            int samples = (int) s.integer("samples", 16L, 2, 100_000);
            int equilibration = (int) s.integer("equilibration-sweeps", 200L, 0, 10_000_000);
            int measurement = (int) s.integer("measurement-sweeps", 200L, 4, 10_000_000);
            return new Simulation(java.util.Arrays.stream(sizes).mapToInt(l -> (int) l).sorted().boxed().toList(),
                    java.util.Arrays.stream(loads).sorted().distinct().boxed().toList(),
                    java.util.Arrays.stream(temperatures).sorted().distinct().boxed().toList(), samples, equilibration,
                    measurement);
        }
    }

    /**
     * @param interactionOrder P >= 3
     * @param loads the start grid of loads (refined adaptively between them)
     * @param tolerance largest accepted deviation (in T) of a line from its linear interpolation
     * @param minWidth narrowest load interval that is still bisected
     * @param maxPoints budget of loads per line
     */
    public record PhaseDiagram(int interactionOrder, List<Double> loads, double tolerance, double minWidth,
            int maxPoints) {
        public PhaseDiagram {
            loads = List.copyOf(loads);
        }
    }

    /** @param orders interaction orders P (2 = Hopfield); @param ansatze "rs" and/or "1rsb" */
    public record CriticalLoads(List<Integer> orders, List<String> ansatze) {
        public CriticalLoads {
            orders = List.copyOf(orders);
            ansatze = List.copyOf(ansatze);
        }
    }
}
