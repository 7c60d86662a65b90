package org.saddle.app.study;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.saddle.app.InputException;
import org.saddle.app.config.ConfigFiles;
import org.saddle.app.config.ConfigNode;
import org.saddle.app.output.ReferencePoints;
import org.saddle.simulation.Dynamics;

/**
 * {@code model: teacher-student}: the teacher-student phase diagram of dense Hopfield networks (Thériault and Tantari,
 * SciPost Phys. 17, 040 (2024)) with Monte Carlo points ({@link TeacherStudentStudyRunner}). All numbers in Saddle's
 * normalization (H = -(N/P!) sum m^P, alpha = M / N^(P-1)); the files add the paper's alpha_paper = P! alpha and
 * T_paper = P! T.
 */
public final class TeacherStudentStudyType implements StudyType {

    /**
     * A validated teacher-student study.
     *
     * @param teacherTemperature T*, or NaN for the Nishimori line T* = T
     */
    public record Study(String name, String source, String configText, long seed, int interactionOrder,
            double teacherTemperature, int quadratureOrder, List<Double> lineTemperatures, List<Double> curveLoads,
            double curveTemperatureMax, Optional<Simulation> simulation, Optional<Path> reference) {

        public boolean nishimori() {
            return Double.isNaN(teacherTemperature);
        }

        /** T* at student temperature T. */
        public double teacherAt(double temperature) {
            return nishimori() ? temperature : teacherTemperature;
        }
    }

    /**
     * Monte Carlo settings.
     *
     * @param teacherStart overlap of the teacher chains' starts with xi*, or NaN for "auto" (1 below T*_c, else 0)
     */
    public record Simulation(int neurons, List<Double> loads, List<Double> temperatures, int samples, int teacherSweeps,
            int equilibrationSweeps, int measurementSweeps, double studentStart, double teacherStart, Dynamics dynamics) {

        public int gridPoints() {
            return loads.size() * temperatures.size();
        }
    }

    @Override
    public String model() {
        return "teacher-student";
    }

    @Override
    public RunnableStudy load(ConfigNode root, String text) {
        return new TeacherStudentStudyRunner(parse(root, text));
    }

    static Study parse(ConfigNode root, String text) {
        root.allowOnly("study", "model", "description", "seed", "theory", "simulation", "reference");
        String name = root.string("study", null);
        if (!name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw root.error("study", "has value '" + name + "'; allowed: lower-case letters, digits, '.', '_' and '-' (it names the folder under results/)");
        }
        root.string("model", null, "teacher-student");
        if (root.has("description")) {
            root.string("description", null);
        }
        long seed = root.integer("seed", 1L, 0, Long.MAX_VALUE);
        ConfigNode theory = root.child("theory").allowOnly("interaction-order", "teacher-temperature", "quadrature-order",
                "temperatures", "overlap-loads", "overlap-temperature-max");
        int p = (int) theory.integer("interaction-order", null, 3, 8);
        double teacher = Double.NaN;
        if (theory.has("teacher-temperature")) {
            try {
                teacher = theory.number("teacher-temperature", null, 1e-6, 100.0,
                        "'nishimori' (T* = T) or the teacher temperature T* in");
            } catch (InputException e) {
                theory.string("teacher-temperature", null, "nishimori");
            }
        }
        int order = (int) theory.integer("quadrature-order", 80L, 8, 400);
        double[] temperatures = theory.numbers("temperatures", 1e-3, 100.0, "student temperature T in");
        double[] curveLoads = theory.has("overlap-loads") ? theory.numbers("overlap-loads", 1e-6, 1e3, "load alpha in")
                : new double[0];
        double curveMax = theory.number("overlap-temperature-max",
                Arrays.stream(temperatures).max().orElse(1.0), 1e-3, 100.0, "top of the t(T) curves, in");
        Optional<Simulation> simulation = Optional.empty();
        if (root.has("simulation")) {
            ConfigNode s = root.child("simulation").allowOnly("neurons", "loads", "temperatures", "samples",
                    "teacher-sweeps", "equilibration-sweeps", "measurement-sweeps", "student-start", "teacher-start",
                    "dynamics");
            int n = (int) s.integer("neurons", null, p, 2048);
            double[] loads = s.numbers("loads", 1e-6, 1e3, "load alpha = M/N^(P-1) in");
            double[] ts = s.numbers("temperatures", 1e-3, 100.0, "student temperature T in");
            for (double a : loads) {
                double m = Math.round(a * Math.pow(n, p - 1));
                if (m < 1 || m * n > 1.5e9) {
                    throw s.error("simulation.loads", "gives M = " + (long) m + " examples at N = " + n
                            + "; allowed: 1 <= M and N x M <= 1.5e9 (one int8 array)");
                }
            }
            int samples = (int) s.integer("samples", 4L, 1, 100_000);
            int teacherSweeps = (int) s.integer("teacher-sweeps", 20L, 0, 1_000_000);
            int eq = (int) s.integer("equilibration-sweeps", 100L, 0, 10_000_000);
            int meas = (int) s.integer("measurement-sweeps", 100L, 1, 10_000_000);
            double studentStart = s.number("student-start", 1.0, 0.0, 1.0, "overlap of the student's start with xi*, in");
            double teacherStart = Double.NaN;
            if (s.has("teacher-start")) {
                try {
                    teacherStart = s.number("teacher-start", null, 0.0, 1.0,
                            "'auto' (aligned below T*_c) or the overlap of the teacher chains' starts with xi*, in");
                } catch (InputException e) {
                    s.string("teacher-start", null, "auto");
                }
            }
            Dynamics dynamics = Dynamics.valueOf(s.string("dynamics", "glauber", "glauber", "metropolis")
                    .toUpperCase(java.util.Locale.ROOT));
            simulation = Optional.of(new Simulation(n, box(loads), box(ts), samples, teacherSweeps, eq, meas, studentStart,
                    teacherStart, dynamics));
        }
        Optional<Path> reference = Optional.empty();
        if (root.has("reference")) { // published points on the phase diagram, checked now (exit 2 on a bad file)
            Path file = ConfigFiles.resolve(root.file(), root.string("reference", null));
            ReferencePoints.read(file, root.file() + ": key 'reference'");
            reference = Optional.of(file);
        }
        return new Study(name, root.file(), text, seed, p, teacher, order, box(temperatures), box(curveLoads), curveMax,
                simulation, reference);
    }

    private static List<Double> box(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
