package org.saddle.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code saddle solve MODEL ...}: one-off solves of a model's saddle-point equations. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve a model's saddle-point equations once and print the solutions (human table, or --json).",
        subcommands = {SolveHopfieldCommand.class, SolveDenseCommand.class, SolveLearningCommand.class,
            SolveTeacherStudentCommand.class, SolvePottsTeacherStudentCommand.class})
public final class SolveCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a model: hopfield, dense, learning, teacher-student, potts-teacher-student");
    }
}
