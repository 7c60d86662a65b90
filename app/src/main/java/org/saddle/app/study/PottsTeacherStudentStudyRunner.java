package org.saddle.app.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saddle.app.output.CsvTable;
import org.saddle.app.output.Figures;
import org.saddle.app.output.Json;
import org.saddle.app.output.Provenance;
import org.saddle.app.sweep.ConfiguredStudy;
import org.saddle.app.sweep.Payload;
import org.saddle.simulation.Estimate;
import org.saddle.theory.potts.OneMemoryTeacherStudent;
import org.saddle.theory.potts.TeacherStudentSaddlePoints;
import org.saddle.theory.potts.TeacherStudentSaddlePoints.Prototype;

/**
 * The Potts teacher-student study ({@link PottsTeacherStudentStudyType}) as a sharded, journaled study. Units, in this
 * order: {@code sample/g/s}, Monte Carlo sample s of grid point g = beta_T index x |examples| + M index; a unit draws
 * its teacher, data and student start from the stream (seed x 1000003 + g) x 1000003 + s, so it gives the same result
 * on any shard or thread. The saddle-point columns and the figures are computed when the files are written.
 */
public final class PottsTeacherStudentStudyRunner extends ConfiguredStudy<double[]> {

    private final PottsTeacherStudentStudyType.Study study;

    PottsTeacherStudentStudyRunner(PottsTeacherStudentStudyType.Study study) {
        super("potts-teacher-student", study.name(), study.source(), study.configText());
        this.study = study;
    }

    @Override
    public List<String> units() {
        List<String> units = new ArrayList<>();
        for (int g = 0; g < study.gridPoints(); g++) {
            for (int s = 0; s < study.samples(); s++) {
                units.add("sample/" + g + "/" + s);
            }
        }
        return units;
    }

    /**
     * {mean sample-teacher overlap, mean best student-teacher overlap, recovered fraction, largest student-student overlap}
     * of one sample.
     */
    @Override
    public double[] compute(String unit) {
        String[] parts = unit.split("/");
        int g = Integer.parseInt(parts[1]);
        int s = Integer.parseInt(parts[2]);
        long stream = (study.seed() * 1_000_003L + g) * 1_000_003L + s;
        return PottsTeacherStudentStudyType.oneSample(study.neurons(), study.teacherMemories(), study.studentMemories(g), study.beta(g),
                study.student(g), (int) study.examples(g), stream, PottsTeacherStudentStudyType.recoveryThreshold(study.theoryOverlap(g), study.neurons()),
                study.prototypeStart());
    }

    @Override
    public String encode(double[] result) {
        return Payload.writer().add(result).toString();
    }

    @Override
    public double[] decode(String unit, String payload) {
        Payload.Reader reader = Payload.reader(payload);
        double[] result = reader.nextDoubles();
        reader.end();
        return result;
    }

    @Override
    public Written write(List<double[]> results, Path staging) {
        int teacherMemories = study.teacherMemories();
        int neurons = study.neurons();
        CsvTable table = new CsvTable("teacher_inverse_temperature", "examples", "theory_m", "simulation_m", "simulation_m_error",
                "theory_r", "simulation_r", "simulation_r_error", "z_r", "recovered_fraction", "recovered_fraction_error",
                "student_inverse_temperature", "theory_phase", "theory_recovered_fraction", "theory_split_inverse_temperature",
                "theory_spike", "theory_noise_edge_spike", "theory_signal_alignment", "theory_phase_overlap", "student_memories",
                "theory_recovered_min", "theory_recovered_max", "theory_soft_overlap", "theory_soft_other_overlap",
                "theory_soft_student_overlap", "theory_soft_own_posterior", "theory_soft_status", "theory_soft_residual",
                "theory_soft_closure_error");
        List<double[]> points = new ArrayList<>();
        List<double[]> phasePoints = new ArrayList<>();
        List<double[]> memoryPoints = new ArrayList<>();
        int samples = study.samples();
        int firstStudentGrid = study.betas().length * study.examples().length; // grid points of the first P
        for (int g = 0; g < study.gridPoints(); g++) {
            double beta = study.beta(g);
            long m = study.examples(g);
            double student = study.student(g);
            double[] overlaps = new double[samples];
            double[] r = new double[samples];
            double[] recovered = new double[samples];
            for (int s = 0; s < samples; s++) {
                double[] sample = results.get(g * samples + s);
                overlaps[s] = sample[0];
                r[s] = sample[1];
                recovered[s] = sample[2];
            }
            double theoryR = study.theoryOverlap(g);
            Estimate em = Estimate.of(overlaps);
            Estimate er = Estimate.of(r);
            Estimate ef = Estimate.of(recovered);
            Prototype prototype = TeacherStudentSaddlePoints.prototype(beta, teacherMemories, m, neurons);
            PottsTeacherStudentStudyType.Prediction prediction = PottsTeacherStudentStudyType.predict(student, beta, teacherMemories,
                    study.studentMemories(g), m, neurons, PottsTeacherStudentStudyType.recoveryThreshold(theoryR, neurons));
            table.row(beta, m, OneMemoryTeacherStudent.sampleOverlap(beta), em.mean(), em.standardError(), theoryR,
                    er.mean(), er.standardError(), er.standardError() > 0 ? (er.mean() - theoryR) / er.standardError() : Double.NaN,
                    ef.mean(), ef.standardError(), student, prediction.phase(), prediction.recovered(),
                    prototype.splitInverseTemperature(), prototype.spike(), Math.sqrt(prototype.aspect()), prototype.signalAlignment(),
                    prediction.overlap(), study.studentMemories(g), prediction.recoveredMin(), prediction.recoveredMax(),
                    prediction.softOverlap(), prediction.softOtherOverlap(), prediction.softStudentOverlap(), prediction.softOwnPosterior(),
                    prediction.softStatus(), prediction.softResidual(), prediction.softClosureError());
            if (g < firstStudentGrid) {
                points.add(new double[] {beta, m, theoryR, er.mean(), er.standardError()});
                phasePoints.add(new double[] {beta, m, ef.mean()});
            }
            memoryPoints.add(new double[] {beta, m, study.studentMemories(g), ef.mean(), ef.standardError(), prediction.recovered(),
                    prediction.recoveredMin(), prediction.recoveredMax(), er.mean(), er.standardError(), prediction.overlap()});
        }
        table.write(staging.resolve("teacher-student.csv"));
        XYChart chart = Figures.chart("One-memory teacher-student: student-teacher overlap R", "examples M", "R");
        chart.getStyler().setXAxisLogarithmic(true);
        int colour = 0;
        for (double beta : study.betas()) {
            List<double[]> mine = points.stream().filter(p -> p[0] == beta).toList();
            double[] x = mine.stream().mapToDouble(p -> p[1]).toArray();
            Figures.line(chart, "saddle point, beta_T = " + beta, x, mine.stream().mapToDouble(p -> p[2]).toArray(),
                    Figures.PALETTE[colour % Figures.PALETTE.length], false);
            Figures.points(chart, "Monte Carlo, beta_T = " + beta, x, mine.stream().mapToDouble(p -> p[3]).toArray(),
                    mine.stream().mapToDouble(p -> p[4]).toArray(), Figures.PALETTE[colour % Figures.PALETTE.length], SeriesMarkers.CIRCLE);
            colour++;
        }
        Figures.save(chart, staging.resolve("teacher-student"));
        List<String> files = new ArrayList<>(List.of("teacher-student.csv", "teacher-student.png", "teacher-student.svg"));
        if (teacherMemories > 1) {
            PottsTeacherStudentStudyType.phaseFigure(staging, phasePoints, study.examples(), teacherMemories, study.studentMemories()[0],
                    neurons, study.studentBeta(), study.prototypeStart());
            files.addAll(List.of("teacher-student-phase.png", "teacher-student-phase.svg"));
        }
        if (study.studentMemories().length > 1) {
            PottsTeacherStudentStudyType.studentMemoriesFigure(staging, memoryPoints, study.betas(), study.examples(), teacherMemories,
                    study.studentBeta());
            files.addAll(List.of("teacher-student-memories.png", "teacher-student-memories.svg", "teacher-student-memories-overlap.png",
                    "teacher-student-memories-overlap.svg"));
        }
        files.add("run.json");
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("study", study.name());
        run.put("model", model());
        run.put("config_file", study.source());
        run.put("config", study.configText());
        run.put("provenance", Provenance.code(Path.of(".")));
        run.put("seed", study.seed());
        run.put("random_streams", "teacher and samples of (grid point g, sample s) from the stream (seed * 1000003 + g) * 1000003 + s; "
                + "independent of --threads and --shard");
        run.put("neurons", neurons);
        run.put("samples", samples);
        run.put("student_start", study.prototypeStart() ? "prototype" : "examples");
        run.put("student_memories", study.studentMemories().length == 1 ? (Object) study.studentMemories()[0]
                : java.util.Arrays.stream(study.studentMemories()).boxed().toList());
        run.put("timing", "see timing.json (host, JVM, wall and compute seconds)");
        run.put("files", files);
        Json.write(run, staging.resolve("run.json"));
        String grid = (study.studentMemories().length > 1 ? study.studentMemories().length + " x " : "") + study.betas().length + " x "
                + study.examples().length + (study.studentMemories().length > 1 ? " grid (P x beta_T x M)" : " grid");
        return new Written(files, List.of(String.format("study %s: Potts teacher-student, N = %d, P_T = %d, %s, %d samples each",
                study.name(), neurons, teacherMemories, grid, samples)), List.of());
    }
}
