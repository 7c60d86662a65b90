package org.saddle.app.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.saddle.theory.learning.LearningDataset;
import org.saddle.theory.learning.LearningMode;

/**
 * A validated study of dense Hebbian learning ({@code model: learning}): phase lines in the (alpha, T) plane for
 * each dataset entropy, the T = 0 critical load alpha_c(rho), the learning threshold rho_c(alpha), and (ansatz
 * 1rsb) the 1RSB retrieval state below the AT line; optionally the Monte Carlo of the network at one dataset
 * entropy on a grid (N, load, T), overlaid on the phase diagram with its transition extrapolated in 1/N.
 *
 * @param name study name (folder under results/)
 * @param source config file
 * @param configText config text (echoed into run.json)
 * @param interactionOrder P
 * @param mode protocol
 * @param quality example quality r, NaN when not given
 * @param entropies dataset entropies rho: one set of phase lines each
 * @param lineLoads loads where the phase lines are located
 * @param curveEntropies rho grid of the alpha_c(rho) curve at T = 0
 * @param thresholdLoads loads where the T = 0 learning threshold rho_c is located
 * @param oneStep whether the 1RSB part runs
 * @param oneStepLoads loads of the 1RSB solves
 * @param oneStepFractions temperatures of the 1RSB solves, as fractions of T_AT
 * @param quadratureOrder Gauss-Hermite order
 * @param seed seed of the Monte Carlo's random streams
 * @param simulation the Monte Carlo overlay, if any
 */
public record LearningStudy(String name, String source, String configText, int interactionOrder, LearningMode mode,
        double quality, List<Double> entropies, List<Double> lineLoads, List<Double> curveEntropies,
        List<Double> thresholdLoads, boolean oneStep, List<Double> oneStepLoads, List<Double> oneStepFractions,
        int quadratureOrder, long seed, Optional<MonteCarlo> simulation) {

    /**
     * The Monte Carlo overlay: the grid of the dense overlay ({@link DenseStudy.Simulation}), M examples per archetype
     * of quality r, at dataset entropy rho = (1 - r^2)/(M r^2), one of the study's dataset entropies.
     */
    public record MonteCarlo(DenseStudy.Simulation grid, int examples, double quality, double datasetEntropy) {}

    /** Defensive copies. */
    public LearningStudy {
        entropies = List.copyOf(entropies);
        lineLoads = List.copyOf(lineLoads);
        curveEntropies = List.copyOf(curveEntropies);
        thresholdLoads = List.copyOf(thresholdLoads);
        oneStepLoads = List.copyOf(oneStepLoads);
        oneStepFractions = List.copyOf(oneStepFractions);
    }

    /** The dataset at entropy rho. */
    public LearningDataset dataset(double rho) {
        return new LearningDataset(interactionOrder, mode, rho, quality);
    }

    /** Parses and validates a {@code model: learning} config (schema in README, "Dense Hebbian learning"). */
    public static LearningStudy parse(ConfigNode root, String text) {
        root.allowOnly("study", "model", "description", "seed", "theory", "simulation");
        String name = root.string("study", null);
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw root.error("study", "has value '" + name + "'; allowed: lower-case letters, digits, '.', '_' and '-' (it names the folder under results/)");
        }
        root.string("model", null, "learning");
        if (root.has("description")) {
            root.string("description", null);
        }
        ConfigNode theory = root.child("theory").allowOnly("interaction-order", "mode", "quality", "dataset-entropies",
                "line-loads", "critical-load-entropies", "threshold-loads", "ansatz", "one-step-loads", "one-step-fractions",
                "quadrature-order");
        int p = (int) theory.integer("interaction-order", null, 3, 12);
        LearningMode mode = LearningMode.parse(theory.string("mode", null, "supervised", "unsupervised"));
        double quality = theory.has("quality") ? theory.number("quality", null, 1e-6, 1.0, "example quality r in") : Double.NaN;
        double[] entropies = theory.numbers("dataset-entropies", 0.0, 1e4, "dataset entropy rho in");
        double[] lineLoads = theory.numbers("line-loads", 0.0, 10.0, "load alpha = K/N^(P-1) in");
        double[] curve = theory.numbers("critical-load-entropies", 0.0, 1e4, "dataset entropy rho in");
        double[] thresholdLoads = theory.has("threshold-loads")
                ? theory.numbers("threshold-loads", 1e-12, 10.0, "load alpha in") : new double[0];
        if (mode == LearningMode.UNSUPERVISED && Double.isNaN(quality)) {
            throw theory.error("theory.quality", "is missing; the unsupervised protocol at load > 0 depends on r, not only on rho"
                    + " (allowed: example quality r in (0, 1])");
        }
        // rs: RS phase lines only; 1rsb: the RS lines plus the 1RSB retrieval state below the AT line
        boolean oneStep = theory.string("ansatz", "rs", "rs", "1rsb").equals("1rsb");
        if (!oneStep && theory.has("one-step-loads")) {
            throw theory.error("theory.one-step-loads", "is set but theory.ansatz is not 1rsb");
        }
        double[] oneStepLoads = oneStep ? theory.numbers("one-step-loads", 1e-12, 10.0, "load alpha in") : new double[0];
        double[] fractions = oneStep && theory.has("one-step-fractions")
                ? theory.numbers("one-step-fractions", 0.01, 0.999, "fraction of T_AT in") : new double[] {0.5, 0.8};
        if (!oneStep && theory.has("one-step-fractions")) {
            throw theory.error("theory.one-step-fractions", "is set but theory.ansatz does not include 1rsb");
        }
        int order = (int) theory.integer("quadrature-order", 80L, 8, 400);
        long seed = root.integer("seed", 1L, 0, Long.MAX_VALUE);
        Optional<MonteCarlo> simulation = root.has("simulation")
                ? Optional.of(monteCarlo(root.child("simulation"), p, mode, quality, entropies)) : Optional.empty();
        return new LearningStudy(name, root.file(), text, p, mode, quality, boxed(entropies), boxed(lineLoads), boxed(curve),
                boxed(thresholdLoads), oneStep, boxed(oneStepLoads), boxed(fractions), order, seed, simulation);
    }

    /**
     * The simulation section: the dense overlay's grid keys plus {@code examples} (M) and {@code dataset-entropy}
     * (rho, one of theory.dataset-entropies). Supervised: r = 1/sqrt(1 + M rho); unsupervised: r is theory.quality
     * and rho must be (1 - r^2)/(M r^2).
     */
    private static MonteCarlo monteCarlo(ConfigNode s, int p, LearningMode mode, double quality, double[] entropies) {
        if (p > 8) {
            throw s.error("theory.interaction-order", "is " + p + " with a simulation section; allowed: 3..8 for the Monte Carlo");
        }
        boolean supervised = mode == LearningMode.SUPERVISED;
        int examples = (int) s.integer("examples", null, 1, supervised ? 127 : 10_000);
        double rho = s.number("dataset-entropy", null, 0.0, 1e4, "dataset entropy rho in");
        boolean listed = Arrays.stream(entropies).anyMatch(e -> Math.abs(e - rho) <= 1e-9 * Math.max(1.0, Math.abs(rho)));
        if (!listed) {
            throw s.error("simulation.dataset-entropy", "is " + rho + "; allowed: one of theory.dataset-entropies "
                    + Arrays.toString(entropies) + " (the Monte Carlo is drawn on that entropy's lines)");
        }
        double r;
        if (supervised) {
            r = 1.0 / Math.sqrt(1.0 + examples * rho);
        } else {
            r = quality;
            double implied = LearningDataset.datasetEntropy(examples, r);
            if (Math.abs(implied - rho) > 1e-6 * Math.max(implied, 1e-12)) {
                throw s.error("simulation.dataset-entropy", "is " + rho + " but M = " + examples + " examples of quality r = "
                        + r + " give rho = (1 - r^2)/(M r^2) = " + implied + "; allowed: that value (and it in "
                        + "theory.dataset-entropies), or another M");
            }
        }
        DenseStudy.Simulation grid = DenseStudy.Simulation.parse(s, p, supervised ? 1 : examples, "examples",
                "dataset-entropy");
        return new MonteCarlo(grid, examples, r, rho);
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().collect(Collectors.toList());
    }
}
