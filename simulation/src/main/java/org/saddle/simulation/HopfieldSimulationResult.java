package org.saddle.simulation;

import java.util.Arrays;

/**
 * Result of {@link HopfieldSimulation#run}: estimates over independent samples.
 *
 * @param spec            what was run
 * @param overlap         overlap with the condensed pattern, {@code m_1 = (1/N) sum_i xi_i^1 sigma_i} (signed),
 *                        per sample the average over measurement sweeps and both replicas
 * @param energy          energy per neuron {@code e = H/N = -(1/2) sum_mu m_mu^2 + K/(2N)}, same averaging
 * @param replicaOverlap  {@code q = (1/N) sum_i sigma_i^a sigma_i^b} between the two replicas
 * @param sampleOverlaps  the per-sample overlaps, in sample order (a copy is stored and returned)
 * @param attemptedFlips  total attempted flips over all samples and both replicas
 * @param seconds         wall-clock time of the run (the only field that depends on the machine)
 */
public record HopfieldSimulationResult(HopfieldSimulationSpec spec, Estimate overlap, Estimate energy,
        Estimate replicaOverlap, double[] sampleOverlaps, long attemptedFlips, double seconds) {

    /** Stores a copy of {@code sampleOverlaps}. */
    public HopfieldSimulationResult {
        sampleOverlaps = sampleOverlaps.clone();
    }

    /** A copy of the per-sample overlaps. */
    @Override
    public double[] sampleOverlaps() {
        return sampleOverlaps.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HopfieldSimulationResult r && spec.equals(r.spec) && overlap.equals(r.overlap)
                && energy.equals(r.energy) && replicaOverlap.equals(r.replicaOverlap)
                && Arrays.equals(sampleOverlaps, r.sampleOverlaps) && attemptedFlips == r.attemptedFlips
                && Double.compare(seconds, r.seconds) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(spec, overlap, energy, replicaOverlap, Arrays.hashCode(sampleOverlaps),
                attemptedFlips, seconds);
    }

    @Override
    public String toString() {
        return "HopfieldSimulationResult[spec=" + spec + ", overlap=" + overlap + ", energy=" + energy
                + ", replicaOverlap=" + replicaOverlap + ", sampleOverlaps=" + Arrays.toString(sampleOverlaps)
                + ", attemptedFlips=" + attemptedFlips + ", seconds=" + seconds + "]";
    }
}
