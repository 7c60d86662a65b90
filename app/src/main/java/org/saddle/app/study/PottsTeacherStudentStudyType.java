package org.saddle.app.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saddle.app.config.ConfigNode;
import org.saddle.app.output.Figures;
import org.saddle.simulation.potts.PottsDam;
import org.saddle.simulation.potts.PottsLoss;
import org.saddle.simulation.potts.SphereData;
import org.saddle.simulation.potts.StationaryPoint;
import org.saddle.simulation.potts.TeacherSampler;
import org.saddle.solver.BracketingRootFinder.Root;
import org.saddle.solver.SolveResult;
import org.saddle.solver.potts.SoftSeparatedState;
import org.saddle.solver.potts.TeacherStudentPhaseBoundary;
import org.saddle.theory.potts.OneMemoryTeacherStudent;
import org.saddle.theory.potts.SoftSeparatedEquations;
import org.saddle.theory.potts.TeacherStudentSaddlePoints;
import org.saddle.theory.potts.TeacherStudentSaddlePoints.Phase;
import org.saddle.theory.potts.TeacherStudentSaddlePoints.Prototype;

/**
 * {@code model: potts-teacher-student}: a one-memory teacher Potts DAM generates M examples (block Gibbs
 * sampling, exact after one sweep for one memory), a one-memory student is trained to its stationary point,
 * and the sample overlap m and the student-teacher overlap R are compared with the large-N saddle points of
 * {@link OneMemoryTeacherStudent}, over a grid of teacher inverse temperatures and data set sizes.
 * With {@code teacher-memories} P_T > 1 (ancestral sampling, uniform class weights) a P_T-memory student started
 * on the first P_T examples is solved to a stationary point, and the table adds the fraction of teacher memories
 * it recovers (best student overlap at least 0.9 R(beta_T, M / P_T) and 3 / sqrt(N)), next to the derived saddle-point theory of
 * {@link TeacherStudentSaddlePoints}: the phase of a student started on the prototype (PROTOTYPE / NOISE / FEATURES),
 * its predicted recovered fraction, the prototype's split inverse temperature and spike, and a phase-diagram figure
 * with the detectability and split lines of {@link TeacherStudentPhaseBoundary}.
 * Keys: study, description, seed, neurons, teacher-inverse-temperatures, examples, samples, teacher-memories,
 * student-inverse-temperature (default: the teacher's), student-start (examples | prototype), student-memories (P, or a
 * list of P: the outermost grid axis, drawn in teacher-student-memories.png; default P_T; see {@link #predict} for what
 * the theory says when P != P_T). In the features phase with P = P_T (and P &gt; P_T with the duplicates together) the
 * prediction is the soft-posterior separated state ({@link SoftSeparatedState}), columns theory_soft_*.
 */
public final class PottsTeacherStudentStudyType implements StudyType {
    @Override
    public String model() {
        return "potts-teacher-student";
    }

    @Override
    public RunnableStudy load(ConfigNode root, String text) {
        root.allowOnly("study", "model", "description", "seed", "neurons", "teacher-inverse-temperatures", "examples", "samples",
                "teacher-memories", "student-inverse-temperature", "student-start", "student-memories");
        String name = PottsStudyType.studyName(root);
        long seed = root.integer("seed", 1L, 0, Long.MAX_VALUE);
        int neurons = (int) root.integer("neurons", null, 2, 100_000);
        double[] betas = root.numbers("teacher-inverse-temperatures", 1e-6, 1e3, "beta_T");
        long[] examples = root.integers("examples", 1, 1_000_000);
        int samples = (int) root.integer("samples", 8L, 1, 10_000);
        int teacherMemories = (int) root.integer("teacher-memories", 1L, 1, 1000);
        int[] studentMemories = root.has("student-memories")
                ? java.util.Arrays.stream(root.integers("student-memories", 1, 1000)).mapToInt(v -> (int) v).toArray()
                : new int[] {teacherMemories};
        double studentBeta = root.number("student-inverse-temperature", Double.NaN, 1e-6, 1e3, "student beta (default: each beta_T)");
        boolean prototypeStart = root.string("student-start", "examples", "examples", "prototype").equals("prototype");
        return new PottsTeacherStudentStudyRunner(new Study(name, root.file(), text, seed, neurons, betas, examples, samples,
                teacherMemories, studentMemories, studentBeta, prototypeStart));
    }

    /**
     * A parsed {@code potts-teacher-student} config.
     *
     * @param name           study name (results folder)
     * @param source         the config file as named on the command line
     * @param configText     its text, verbatim
     * @param seed           study seed
     * @param neurons        N
     * @param betas          teacher inverse temperatures beta_T
     * @param examples       data set sizes M
     * @param samples        Monte Carlo samples per grid point
     * @param teacherMemories P_T
     * @param studentMemories the student memory counts P (one or a list; default P_T): the outermost grid axis
     * @param studentBeta    student beta (NaN: each beta_T)
     * @param prototypeStart student started next to the prototype of the data (else on the first examples)
     */
    record Study(String name, String source, String configText, long seed, int neurons, double[] betas, long[] examples,
            int samples, int teacherMemories, int[] studentMemories, double studentBeta, boolean prototypeStart) {

        /**
         * Grid point g = (P index x |betas| + beta index) x |examples| + examples index; with one P (the usual case) the
         * numbering, and so every random stream, is that of a study without the P axis.
         */
        int gridPoints() {
            return studentMemories.length * betas.length * examples.length;
        }

        double beta(int gridPoint) {
            return betas[(gridPoint / examples.length) % betas.length];
        }

        /** The student's number of memories P at a grid point. */
        int studentMemories(int gridPoint) {
            return studentMemories[gridPoint / (examples.length * betas.length)];
        }

        long examples(int gridPoint) {
            return examples[gridPoint % examples.length];
        }

        double student(int gridPoint) {
            return Double.isNaN(studentBeta) ? beta(gridPoint) : studentBeta;
        }

        /** The one-memory saddle point at M / P_T examples per teacher memory. */
        double theoryOverlap(int gridPoint) {
            return OneMemoryTeacherStudent.studentOverlap(beta(gridPoint), Math.max(1, examples(gridPoint) / teacherMemories));
        }
    }

    /**
     * A teacher memory counts as recovered when its best student overlap reaches 0.9 R(beta_T, M / P_T) and the
     * chance level 3 / sqrt(N) (three standard deviations of the overlap of two unrelated points of the sphere):
     * where R itself is below chance, no overlap can tell a recovered memory from a random one.
     */
    static double recoveryThreshold(double theoryR, int neurons) {
        return Math.max(0.9 * theoryR, 3 / Math.sqrt(neurons));
    }

    /**
     * The theory's prediction at one grid point.
     *
     * @param phase       derived phase of the full prototype ("one-memory" for P_T = 1)
     * @param recovered   predicted recovered fraction (NaN: not determined)
     * @param overlap     predicted mean best student overlap with the teacher memories (NaN: not determined)
     * @param recoveredMin least recovered fraction over the reachable end states (P != P_T)
     * @param recoveredMax largest one
     * @param softOverlap R of the soft separated state (P = P_T, features phase), else NaN; likewise the other soft columns
     * @param softStatus  status of its solve ("" where it was not needed)
     */
    record Prediction(String phase, double recovered, double overlap, double recoveredMin, double recoveredMax, double softOverlap,
            double softOtherOverlap, double softStudentOverlap, double softOwnPosterior, String softStatus, double softResidual,
            double softClosureError) {}

    /**
     * The derived prediction. P_T = 1: the one-memory saddle point. P = P_T in the features phase: the soft separated
     * state ({@link SoftSeparatedState}, which tends to the hard one R(beta_T, M / P_T) when beta N m R &gt;&gt; 1): its
     * teacher overlap is the predicted best overlap and a teacher memory counts as recovered when it reaches the
     * study's threshold (the soft state with R = R' is no separation: nothing recovered); an unconverged solve gives
     * NaN with its status and residual. Prototype phase: R / sqrt(P_T), nothing recovered; noise phase: nothing
     * recovered, overlap not determined. P &gt; P_T in the features phase with the duplicates together (singleton prototype
     * stable, {@link TeacherStudentSaddlePoints#studentCount}): the soft separated state of P_T memories. Copies of one memory
     * that learn their class weights split that memory's weight and leave every posterior sum, hence the likelihood and its
     * stationarity equations, unchanged, so the together state is the P_T-memory state with each memory repeated (the soft
     * status says so). Otherwise P != P_T: {@link TeacherStudentSaddlePoints#studentCount} (hard posteriors).
     */
    static Prediction predict(double student, double beta, int teacherMemories, int studentMemories, long m, int neurons, double threshold) {
        double nan = Double.NaN;
        if (teacherMemories == 1 && studentMemories == 1) {
            double r = TeacherStudentSaddlePoints.separatedOverlap(beta, 1, m);
            return new Prediction("one-memory", 1, r, 1, 1, nan, nan, nan, nan, "", nan, nan);
        }
        TeacherStudentSaddlePoints.StudentCount count = TeacherStudentSaddlePoints.studentCount(student, beta, teacherMemories,
                studentMemories, m, neurons);
        String phase = teacherMemories == 1 ? "one-memory" : count.phase().name().toLowerCase(java.util.Locale.ROOT);
        boolean features = count.phase() == Phase.FEATURES;
        boolean duplicatesTogether = features && studentMemories > teacherMemories && !Double.isNaN(count.recovered());
        if (!features || (studentMemories != teacherMemories && !duplicatesTogether)) {
            return new Prediction(phase, count.recovered(), count.meanBestOverlap(), count.recoveredMin(), count.recoveredMax(), nan, nan,
                    nan, nan, "", nan, nan);
        }
        if (m < teacherMemories) {
            return new Prediction(phase, nan, nan, 1, 1, nan, nan, nan, nan, "fewer examples than memories", nan, nan);
        }
        if (teacherMemories > SoftSeparatedEquations.MAX_MEMORIES) { // the soft averages are (P_T - 1)-dimensional: not solved
            return new Prediction(phase, count.recovered(), count.meanBestOverlap(), 1, 1, nan, nan, nan, nan,
                    "soft state not solved for P_T > " + SoftSeparatedEquations.MAX_MEMORIES + ": hard-posterior prediction", nan, nan);
        }
        SoftSeparatedState.State soft = SoftSeparatedState.solve(student, beta, teacherMemories, m, neurons);
        SolveResult solve = soft.solve();
        if (soft.branchEnded()) { // no separated state: nothing recovered (the unseparated state's overlaps are not predicted)
            return new Prediction(phase, 0, nan, 0, 0, nan, nan, nan, nan, soft.note(), solve.residual(), nan);
        }
        if (!solve.converged()) {
            return new Prediction(phase, nan, nan, 1, 1, nan, nan, nan, nan, solve.status().name().toLowerCase(java.util.Locale.ROOT)
                    + ": " + soft.note(), solve.residual(), nan);
        }
        if (!soft.exists()) { // converged to R = R': no separated state, nothing recovered
            return new Prediction(phase, 0, nan, 0, 0, nan, nan, nan, nan, "converged; not separated (R = R')", solve.residual(), nan);
        }
        double recovered = soft.teacherOverlap() >= threshold ? 1 : 0;
        String status = "converged; " + soft.note() + (duplicatesTogether
                ? "; " + studentMemories + " memories on " + teacherMemories + " clusters: duplicates together, the state of " + teacherMemories
                        + " memories (student_overlap between different clusters)"
                : "");
        return new Prediction(phase, recovered, soft.teacherOverlap(), 1, 1, soft.teacherOverlap(), soft.otherOverlap(),
                soft.studentOverlap(), soft.ownPosterior(), status, solve.residual(), soft.closureError());
    }

    /**
     * The phase diagram in the plane (M, beta_T): the detectability (BBP) line and the prototype's split line
     * ({@link TeacherStudentPhaseBoundary}) over a fine grid of M, and the Monte Carlo grid points marked by whether
     * at least half of the teacher memories were recovered.
     */
    static void phaseFigure(Path folder, List<double[]> phasePoints, long[] examples, int teacherMemories, int studentMemories, int neurons,
            double studentBeta, boolean prototypeStart) {
        XYChart chart = Figures.chart("Teacher-student phases (P_T = " + teacherMemories
                + (studentMemories == teacherMemories ? "" : ", student P = " + studentMemories) + ", N = " + neurons + ", student start: "
                + (prototypeStart ? "prototype" : "examples") + ")", "examples M", "teacher inverse temperature beta_T");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        long lo = java.util.Arrays.stream(examples).min().orElseThrow();
        long hi = java.util.Arrays.stream(examples).max().orElseThrow();
        int steps = 60;
        List<double[]> detect = new ArrayList<>();
        List<double[]> split = new ArrayList<>();
        for (int k = 0; k <= steps; k++) {
            double m = Math.exp(Math.log(lo / 2.0) + (Math.log(hi * 2.0) - Math.log(lo / 2.0)) * k / steps);
            Root d = TeacherStudentPhaseBoundary.detectabilityLine(m, teacherMemories, neurons);
            if (d.found()) {
                detect.add(new double[] {m, d.value()});
            }
            Root s = TeacherStudentPhaseBoundary.splitLine(m, teacherMemories, neurons, studentBeta);
            if (s.found()) {
                split.add(new double[] {m, s.value()});
            }
        }
        if (!detect.isEmpty()) {
            Figures.line(chart, "detectability: s = sqrt(N/M) (features above)", detect.stream().mapToDouble(p -> p[0]).toArray(),
                    detect.stream().mapToDouble(p -> p[1]).toArray(), Figures.PALETTE[0], false);
        }
        if (!split.isEmpty()) {
            Figures.line(chart, "prototype split: beta lambda_max = mbar (saddle above)", split.stream().mapToDouble(p -> p[0]).toArray(),
                    split.stream().mapToDouble(p -> p[1]).toArray(), Figures.PALETTE[1], true);
        }
        List<double[]> yes = phasePoints.stream().filter(p -> p[2] >= 0.5).toList();
        List<double[]> no = phasePoints.stream().filter(p -> p[2] < 0.5).toList();
        if (!yes.isEmpty()) {
            Figures.points(chart, "Monte Carlo: recovered fraction >= 1/2", yes.stream().mapToDouble(p -> p[1]).toArray(),
                    yes.stream().mapToDouble(p -> p[0]).toArray(), null, Figures.PALETTE[2], SeriesMarkers.CIRCLE);
        }
        if (!no.isEmpty()) {
            Figures.points(chart, "Monte Carlo: recovered fraction < 1/2", no.stream().mapToDouble(p -> p[1]).toArray(),
                    no.stream().mapToDouble(p -> p[0]).toArray(), null, Figures.PALETTE[3], SeriesMarkers.CROSS);
        }
        Figures.save(chart, folder.resolve("teacher-student-phase"));
    }

    /**
     * The recovered fraction and the mean best student-teacher overlap against the student's number of memories P
     * (teacher-student-memories.png/.svg and teacher-student-memories-overlap.png/.svg), one colour per (beta_T, M): Monte
     * Carlo (mean and standard error over samples, circles) and the theory ({@link #predict}, diamonds; where the
     * recovered fraction is not determined, a triangle at the middle of the range [min, max] over the reachable end states
     * with the range as error bar; overlaps only where predicted). Each (beta_T, M) is shifted right by 0.08 and the theory
     * by a further 0.04, so that coinciding points stay visible.
     *
     * @param memoryPoints {beta_T, M, P, Monte Carlo fraction, its standard error, theory fraction (NaN: not determined),
     *                     theory min, theory max, Monte Carlo mean best overlap, its standard error, theory overlap (NaN: not
     *                     predicted)} per grid point
     */
    static void studentMemoriesFigure(Path folder, List<double[]> memoryPoints, double[] betas, long[] examples, int teacherMemories,
            double studentBeta) {
        String controls = "(P_T = " + teacherMemories + (Double.isNaN(studentBeta) ? "" : ", student beta = " + studentBeta) + ")";
        XYChart fraction = Figures.chart("Recovered fraction " + controls, "student memories P", "recovered fraction of teacher memories");
        XYChart overlap = Figures.chart("Mean best overlap " + controls, "student memories P", "mean best student-teacher overlap");
        int index = 0;
        for (double beta : betas) {
            for (long m : examples) {
                List<double[]> mine = memoryPoints.stream().filter(p -> p[0] == beta && p[1] == m).toList();
                java.awt.Color c = Figures.PALETTE[index % Figures.PALETTE.length];
                double shift = 0.08 * index++;
                String label = "beta_T = " + beta + ", M = " + m;
                double[] x = mine.stream().mapToDouble(p -> p[2] + shift).toArray();
                Figures.points(fraction, "Monte Carlo, " + label, x, column(mine, 3), column(mine, 4), c, SeriesMarkers.CIRCLE);
                Figures.points(overlap, "Monte Carlo, " + label, x, column(mine, 8), column(mine, 9), c, SeriesMarkers.CIRCLE);
                List<double[]> fixed = mine.stream().filter(p -> !Double.isNaN(p[5])).toList();
                if (!fixed.isEmpty()) {
                    Figures.points(fraction, "theory, " + label, fixed.stream().mapToDouble(p -> p[2] + shift + 0.04).toArray(),
                            column(fixed, 5), null, c, SeriesMarkers.DIAMOND);
                }
                List<double[]> open = mine.stream().filter(p -> Double.isNaN(p[5]) && !Double.isNaN(p[6]) && !Double.isNaN(p[7])).toList();
                if (!open.isEmpty()) {
                    Figures.points(fraction, "theory range, " + label, open.stream().mapToDouble(p -> p[2] + shift + 0.04).toArray(),
                            open.stream().mapToDouble(p -> (p[6] + p[7]) / 2).toArray(),
                            open.stream().mapToDouble(p -> (p[7] - p[6]) / 2).toArray(), c, SeriesMarkers.TRIANGLE_UP);
                }
                List<double[]> predicted = mine.stream().filter(p -> !Double.isNaN(p[10])).toList();
                if (!predicted.isEmpty()) {
                    Figures.points(overlap, "theory, " + label, predicted.stream().mapToDouble(p -> p[2] + shift + 0.04).toArray(),
                            column(predicted, 10), null, c, SeriesMarkers.DIAMOND);
                }
            }
        }
        Figures.save(fraction, folder.resolve("teacher-student-memories"));
        Figures.save(overlap, folder.resolve("teacher-student-memories-overlap"));
    }

    private static double[] column(List<double[]> rows, int k) {
        return rows.stream().mapToDouble(p -> p[k]).toArray();
    }

    /**
     * One teacher (P_T random +-1 memories, uniform class weights), M ancestral samples at beta_T (for P_T = 1 the
     * block Gibbs chain, exact after one sweep), a student of P = {@code requestedStudentMemories} memories (at most M) at
     * inverse temperature {@code studentBeta} started on the first P samples, or next to the prototype of the data
     * ({@link PottsDam#onPrototype}, memories 0.05 sqrt(N) apart), and solved to its stationary point (EM,
     * {@link StationaryPoint}). Returns {mean overlap of a sample with its teacher memory, mean over teacher memories of
     * the best student overlap, fraction of teacher memories whose best student overlap reaches {@code threshold},
     * largest overlap between two student memories (NaN for P = 1)}.
     */
    static double[] oneSample(int n, int teacherMemories, int requestedStudentMemories, double beta, double studentBeta, int m, long stream,
            double threshold, boolean prototypeStart) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(stream);
        double[] w = new double[n * teacherMemories];
        for (int k = 0; k < w.length; k++) {
            w[k] = random.nextDouble() < 0.5 ? -1 : 1;
        }
        PottsDam teacher = new PottsDam(n, teacherMemories, 1, w, new double[teacherMemories]);
        int[] hidden = new int[m];
        TeacherSampler sampler = new TeacherSampler(teacher, beta, random.nextLong());
        SphereData data = teacherMemories == 1 ? sampler.sample(m, 1, 1, hidden) : sampler.ancestral(m, hidden);
        double mean = 0;
        for (int a = 0; a < m; a++) {
            double overlap = 0;
            for (int i = 0; i < n; i++) {
                overlap += w[hidden[a] * n + i] * data.x()[a * n + i];
            }
            mean += overlap / n / m;
        }
        int studentMemories = Math.min(requestedStudentMemories, m);
        PottsDam studentStart = prototypeStart ? PottsDam.onPrototype(data, studentMemories, 0.05, random.nextLong())
                : new PottsDam(n, studentMemories, 1, java.util.Arrays.copyOf(data.x(), n * studentMemories), new double[studentMemories]);
        StationaryPoint student = StationaryPoint.solve(studentStart, new PottsLoss(data, studentBeta, Math.min(m, 512)),
                studentMemories > 1, 1e-9, studentMemories == 1 ? 50 : 2000);
        if (studentMemories == 1 && !student.converged()) {
            throw new org.saddle.app.ComputationException("the one-memory student did not reach its stationary point (residual "
                    + student.gradientNorm() + ")");
        }
        double best = 0;
        int recovered = 0;
        for (int nu = 0; nu < teacherMemories; nu++) {
            double top = -1;
            for (int mu = 0; mu < studentMemories; mu++) {
                double r = 0;
                for (int i = 0; i < n; i++) {
                    r += student.dam().memoryWeights()[mu * n + i] * w[nu * n + i] / n;
                }
                top = Math.max(top, r);
            }
            best += top / teacherMemories;
            recovered += top >= threshold ? 1 : 0;
        }
        double closest = Double.NaN;
        for (int mu = 0; mu < studentMemories; mu++) {
            for (int nu = mu + 1; nu < studentMemories; nu++) {
                double q = 0;
                for (int i = 0; i < n; i++) {
                    q += student.dam().memoryWeights()[mu * n + i] * student.dam().memoryWeights()[nu * n + i] / n;
                }
                closest = Double.isNaN(closest) ? q : Math.max(closest, q);
            }
        }
        return new double[] {mean, best, (double) recovered / teacherMemories, closest};
    }
}
