package org.saddle.app.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.saddle.app.InputException;
import org.saddle.app.output.Json;
import org.saddle.solver.BracketingRootFinder.Root;
import org.saddle.solver.potts.SoftSeparatedState;
import org.saddle.solver.potts.SoftStudentState;
import org.saddle.solver.potts.TeacherStudentPhaseBoundary;
import org.saddle.theory.potts.PottsFreeEnergy;
import org.saddle.theory.potts.ScoreAverages;
import org.saddle.theory.potts.SoftSeparatedEquations;
import org.saddle.theory.potts.TeacherStudentSaddlePoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code saddle solve potts-teacher-student}: the derived teacher-student saddle points of the Potts DAM at one point
 * (the separated state with hard and soft posteriors, the phase lines at this M, and on request where the separated
 * branch ends).
 */
@Command(name = "potts-teacher-student", mixinStandardHelpOptions = true,
        description = {"Teacher-student Potts DAM (reconstructed model of Theriault and Tantari, arXiv 2508.19151; derivations in",
            "the theory module): a teacher with P_T memories at beta_T makes M examples on the sphere in N dimensions; a",
            "student with P = P_T memories at beta learns them. At one point: the teacher overlap m(beta_T), the separated",
            "state with hard posteriors R(beta_T, M / P_T), the soft separated state (R, R', Q, own posterior, solver status,",
            "residual, closure error; P_T <= 4), and the detectability and prototype-split lines at this M. --lines adds,",
            "in beta_T at this M, the existence line (lowest separated branch) and the end of the separated branch followed",
            "from the hard side (merger, fold or jump); seconds at P_T = 2, minutes at P_T = 3 and 4.",
            "--student-arrangement solves a soft state of a student whose memories hold given clusters (P != P_T, or a",
            "memory on several clusters: e.g. 1+2,3); --symmetry-breaking adds the smallest eigenvalues of the separated",
            "state's Jacobian in the directions that break the symmetry between memories and in the symmetric ones."})
public final class SolvePottsTeacherStudentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--teacher-memories", defaultValue = "2", description = "P_T (1..4, default ${DEFAULT-VALUE})")
    int teacherMemories;

    @Option(names = "--neurons", required = true, description = "N, the dimension of the data (>= 2)")
    int neurons;

    @Option(names = "--examples", required = true, description = "M, the number of examples (>= P_T)")
    double examples;

    @Option(names = "--teacher-inverse-temperature", required = true, description = "beta_T (> 0)")
    double teacherInverseTemperature;

    @Option(names = "--inverse-temperature", description = "the student's beta (> 0); default: beta_T")
    Double inverseTemperature;

    @Option(names = "--lines", description = "also locate the existence line and the end of the separated branch in beta_T")
    boolean lines;

    @Option(names = "--student-arrangement", paramLabel = "GROUPS",
            description = "clusters held by each student memory, memories separated by ',' and clusters of one memory by '+', 1-based "
                    + "(e.g. 1+2,3: two memories, the first on clusters 1 and 2); 1..4 memories")
    String arrangement;

    @Option(names = "--symmetry-breaking", description = "also the Jacobian's smallest eigenvalues at the soft separated state (P_T >= 2)")
    boolean symmetryBreaking;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Override
    public Integer call() {
        if (teacherMemories < 1 || teacherMemories > SoftSeparatedEquations.MAX_MEMORIES) {
            throw new InputException("option '--teacher-memories' has value " + teacherMemories + "; allowed: 1.."
                    + SoftSeparatedEquations.MAX_MEMORIES);
        }
        if (neurons < 2) {
            throw new InputException("option '--neurons' has value " + neurons + "; allowed: N >= 2");
        }
        if (!(examples >= teacherMemories) || Double.isInfinite(examples)) {
            throw new InputException("option '--examples' has value " + examples + "; allowed: P_T <= M < inf (P_T = " + teacherMemories + ")");
        }
        positive("--teacher-inverse-temperature", teacherInverseTemperature);
        if (inverseTemperature != null) {
            positive("--inverse-temperature", inverseTemperature);
        }
        int[][] clustersOf = arrangement == null ? null : parseArrangement(arrangement, teacherMemories);
        if (symmetryBreaking && teacherMemories < 2) {
            throw new InputException("option '--symmetry-breaking' needs --teacher-memories >= 2 (one memory has no symmetry to break)");
        }
        if (lines && teacherMemories < 2) {
            throw new InputException("option '--lines' needs --teacher-memories >= 2 (a one-memory teacher has nothing to separate)");
        }
        double beta = inverseTemperature == null ? teacherInverseTemperature : inverseTemperature;
        double lineBeta = inverseTemperature == null ? Double.NaN : inverseTemperature;
        Map<String, Object> doc = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder();
        doc.put("model", "potts-teacher-student");
        doc.put("teacher_memories", teacherMemories);
        doc.put("neurons", neurons);
        doc.put("examples", examples);
        doc.put("teacher_inverse_temperature", teacherInverseTemperature);
        doc.put("inverse_temperature", beta);
        double m = PottsFreeEnergy.overlap(teacherInverseTemperature);
        double hard = TeacherStudentSaddlePoints.separatedOverlap(teacherInverseTemperature, teacherMemories, examples);
        doc.put("teacher_overlap_m", m);
        doc.put("hard_separated_overlap", hard);
        table.append(String.format(Locale.ROOT, "Potts teacher-student P_T = %d, N = %d, M = %s, beta_T = %.6g, beta = %.6g (b = beta sqrt N = %.4g)%n",
                teacherMemories, neurons, examples == Math.rint(examples) ? String.format(Locale.ROOT, "%.0f", examples) : Double.toString(examples),
                teacherInverseTemperature, beta, beta * Math.sqrt(neurons)));
        table.append(String.format(Locale.ROOT, "teacher overlap m = %.6g; hard-posterior separated state R = %.6g%n", m, hard));

        SoftSeparatedState.State soft = SoftSeparatedState.solve(beta, teacherInverseTemperature, teacherMemories, examples, neurons);
        Map<String, Object> softDoc = new LinkedHashMap<>();
        softDoc.put("status", soft.solve().status().name());
        softDoc.put("residual", soft.solve().residual());
        softDoc.put("iterations", soft.solve().iterations());
        softDoc.put("exists", soft.exists());
        boolean converged = soft.solve().converged();
        softDoc.put("teacher_overlap", converged ? soft.teacherOverlap() : null);
        softDoc.put("other_overlap", converged ? soft.otherOverlap() : null);
        softDoc.put("student_overlap", converged ? soft.studentOverlap() : null);
        softDoc.put("own_posterior", converged ? soft.ownPosterior() : null);
        softDoc.put("closure_error", converged ? soft.closureError() : null);
        softDoc.put("note", soft.note());
        doc.put("soft_separated_state", softDoc);
        if (converged) {
            table.append(String.format(Locale.ROOT,
                    "soft separated state: %s (R = %.6g, R' = %.6g, Q = %.6g, own posterior %.4g, closure error %.2g); %s, residual %.2g, %s%n",
                    soft.exists() ? "separated" : "NOT separated", soft.teacherOverlap(), soft.otherOverlap(), soft.studentOverlap(),
                    soft.ownPosterior(), soft.closureError(), soft.solve().status(), soft.solve().residual(), soft.note()));
        } else {
            table.append(String.format(Locale.ROOT, "soft separated state: %s, residual %.3g (%s): no state reported%n", soft.solve().status(),
                    soft.solve().residual(), soft.note()));
        }

        if (symmetryBreaking) {
            SoftStudentState.SymmetryGap gap = SoftStudentState.symmetryBreakingGap(beta, teacherInverseTemperature, teacherMemories, examples,
                    neurons);
            Map<String, Object> gapDoc = new LinkedHashMap<>();
            gapDoc.put("evaluated", gap != null);
            gapDoc.put("breaking_eigenvalue", gap == null ? null : gap.breaking());
            gapDoc.put("symmetric_eigenvalue", gap == null ? null : gap.symmetric());
            gapDoc.put("breaking_positive_real_eigenvalues", gap == null ? null : gap.breakingPositive());
            gapDoc.put("symmetric_positive_real_eigenvalues", gap == null ? null : gap.symmetricPositive());
            doc.put("symmetry_breaking", gapDoc);
            table.append(gap == null ? "symmetry breaking: not evaluated (no converged separated state)\n"
                    : String.format(Locale.ROOT, "Jacobian of F - x at the separated state, smallest |eigenvalue|: %.4g breaking the symmetry"
                            + " between memories, %.4g symmetric (0 at a bifurcation, resp. the fold); positive real eigenvalues:"
                            + " %d breaking, %d symmetric (0 and 0 deep in the separated phase; one more: a zero was crossed)%n", gap.breaking(), gap.symmetric(),
                            gap.breakingPositive(), gap.symmetricPositive()));
        }
        if (clustersOf != null) {
            SoftStudentState.State state = SoftStudentState.solve(beta, teacherInverseTemperature, clustersOf, teacherMemories, examples, neurons);
            doc.put("student_state", studentStateDoc(arrangement, state));
            table.append(studentStateText(arrangement, state));
        }
        if (teacherMemories >= 2) {
            Root detect = TeacherStudentPhaseBoundary.detectabilityLine(examples, teacherMemories, neurons);
            Root split = TeacherStudentPhaseBoundary.splitLine(examples, teacherMemories, neurons, lineBeta);
            doc.put("detectability_line", rootDoc(detect));
            doc.put("split_line", rootDoc(split));
            table.append("lines in beta_T at this M:\n");
            table.append(rootLine("detectability (features above)", detect));
            table.append(rootLine("prototype split (saddle above)", split));
            if (lines && !detect.found()) {
                table.append("  existence line and branch end: not searched (no detectability line to bracket them)\n");
                doc.put("branch_end", Map.of("found", false, "message", "not searched: no detectability line to bracket it"));
            }
            if (lines && detect.found()) {
                double lo = detect.value() / 20;
                double hi = detect.value() * 20;
                Root existence = SoftSeparatedState.existenceLine(examples, teacherMemories, neurons, lineBeta, lo, hi);
                SoftSeparatedState.BranchEnd end = SoftSeparatedState.branchEnd(examples, teacherMemories, neurons, lineBeta, lo, hi);
                doc.put("existence_line", rootDoc(existence));
                Map<String, Object> endDoc = new LinkedHashMap<>();
                endDoc.put("found", end.found());
                endDoc.put("value", end.found() ? end.teacherInverseTemperature() : null);
                endDoc.put("error", end.found() ? end.error() : null);
                endDoc.put("kind", end.found() ? end.kind().name().toLowerCase(Locale.ROOT) : null);
                endDoc.put("separation", end.found() ? end.separation() : null);
                endDoc.put("determinant_ratio", end.found() ? end.determinantRatio() : null);
                endDoc.put("message", end.message());
                doc.put("branch_end", endDoc);
                table.append(rootLine("existence (lowest separated branch)", existence));
                table.append(String.format(Locale.ROOT, "  %-36s %s%n", "end of the branch from the hard side",
                        end.found() ? String.format(Locale.ROOT, "%.6g +- %.2g (%s)", end.teacherInverseTemperature(), end.error(), end.message())
                                : "not found (" + end.message() + ")"));
            }
        }
        spec.commandLine().getOut().println(json ? Json.write(doc) : table.toString().stripTrailing());
        return 0;
    }

    /** "1+2,3" to {{0, 1}, {2}}; bad input names the option, the part and the allowed form. */
    static int[][] parseArrangement(String text, int teacherMemories) {
        String[] groups = text.trim().split(",", -1);
        if (groups.length < 1 || groups.length > ScoreAverages.MAX_MEMORIES) {
            throw new InputException("option '--student-arrangement' has " + groups.length + " memories; allowed: 1.." + ScoreAverages.MAX_MEMORIES);
        }
        int[][] out = new int[groups.length][];
        for (int mu = 0; mu < groups.length; mu++) {
            String[] parts = groups[mu].trim().split("\\+", -1);
            out[mu] = new int[parts.length];
            for (int k = 0; k < parts.length; k++) {
                int cluster;
                try {
                    cluster = Integer.parseInt(parts[k].trim());
                } catch (NumberFormatException e) {
                    cluster = -1;
                }
                if (cluster < 1 || cluster > teacherMemories) {
                    throw new InputException("option '--student-arrangement' has value '" + text + "': '" + parts[k].trim() + "' in memory "
                            + (mu + 1) + " is not a cluster; allowed: cluster numbers 1.." + teacherMemories + " joined by '+', memories separated by ','");
                }
                out[mu][k] = cluster - 1;
            }
        }
        return out;
    }

    private static Map<String, Object> studentStateDoc(String arrangement, SoftStudentState.State state) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("arrangement", arrangement);
        doc.put("status", state.solve().status().name());
        doc.put("residual", state.solve().residual());
        doc.put("iterations", state.solve().iterations());
        doc.put("keeps_arrangement", state.keepsArrangement());
        boolean converged = state.solve().converged();
        doc.put("teacher_overlaps", converged ? state.teacherOverlaps() : null);
        doc.put("student_overlaps", converged ? state.studentOverlaps() : null);
        doc.put("shares", converged ? state.shares() : null);
        doc.put("closure_error", converged ? state.closureError() : null);
        doc.put("note", state.note());
        return doc;
    }

    private static String studentStateText(String arrangement, SoftStudentState.State state) {
        StringBuilder out = new StringBuilder();
        if (!state.solve().converged()) {
            return String.format(Locale.ROOT, "student state %s: %s, residual %.3g (%s): no state reported%n", arrangement, state.solve().status(),
                    state.solve().residual(), state.note());
        }
        out.append(String.format(Locale.ROOT, "student state %s: %s, residual %.2g, closure error %.2g, %s%n", arrangement,
                state.keepsArrangement() ? "keeps the arrangement" : "DOES NOT keep the arrangement", state.solve().residual(),
                state.closureError(), state.note()));
        for (int mu = 0; mu < state.teacherOverlaps().length; mu++) {
            StringBuilder row = new StringBuilder();
            for (double r : state.teacherOverlaps()[mu]) {
                row.append(String.format(Locale.ROOT, " %8.5f", r));
            }
            StringBuilder q = new StringBuilder();
            for (double v : state.studentOverlaps()[mu]) {
                q.append(String.format(Locale.ROOT, " %8.5f", v));
            }
            out.append(String.format(Locale.ROOT, "  memory %d: R =%s   Q =%s   share %.4f%n", mu + 1, row, q, state.shares()[mu]));
        }
        return out.toString();
    }

    private static void positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InputException("option '" + option + "' has value " + value + "; allowed: 0 < value < inf");
        }
    }

    private static Map<String, Object> rootDoc(Root root) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("found", root.found());
        doc.put("value", root.found() ? root.value() : null);
        doc.put("error", root.found() ? root.error() : null);
        doc.put("message", root.message());
        return doc;
    }

    private static String rootLine(String name, Root root) {
        return String.format(Locale.ROOT, "  %-36s %s%n", name,
                root.found() ? String.format(Locale.ROOT, "%.6g +- %.2g", root.value(), root.error()) : "not found (" + root.message() + ")");
    }
}
