package org.saddle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code saddle} command in a child JVM, killed with SIGKILL once its journal holds enough units (resume tests). */
final class ChildRun {
    private ChildRun() {}

    /** Runs {@code saddle args...} to its end in a child JVM (output to {@code log}) and returns its exit code. */
    static int run(Path log, String... args) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child run did not end within 120 s");
        return child.exitValue();
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "org.saddle.app.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts {@code saddle args...} in a child JVM (output to {@code log}), waits until {@code journal} holds at least
     * {@code units} finished units, kills it with SIGKILL (kill -9: no shutdown hook, no flush) and returns how many
     * units the journal then holds. Fails when the child ends before it could be killed.
     */
    static int killAfterUnits(Path journal, int units, Path log, String... args) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(journal) && countLines(journal) - 1 >= units) {
                break;
            }
            Thread.sleep(5);
        }
        if (!child.isAlive()) {
            fail("the child run ended before it could be killed: " + Files.readString(log));
        }
        child.destroyForcibly(); // SIGKILL on Linux
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");
        return countLines(journal) - 1;
    }

    /**
     * Asserts that a run started again after {@link #killAfterUnits} printed "WHO: c of UNITS units computed now, k read
     * back from journals" with k the journal lines that survived the kill (or one fewer: a line cut by the kill) and
     * c + k = UNITS; {@code who} is "run" or "shard i/n". Returns k.
     */
    static int assertResumed(String out, String who, int units, int survived) {
        Matcher counts = Pattern.compile(Pattern.quote(who) + ": (\\d+) of " + units
                + " units computed now, (\\d+) read back from journals").matcher(out);
        assertTrue(counts.find(), out);
        int kept = Integer.parseInt(counts.group(2));
        assertTrue(kept >= survived - 1 && kept <= survived, "kept " + kept + " of " + survived + " journal lines");
        assertEquals(units, Integer.parseInt(counts.group(1)) + kept, out);
        return kept;
    }

    /** Newlines in a file: the journal's header plus its finished units. */
    static int countLines(Path file) throws IOException {
        int lines = 0;
        for (byte b : Files.readAllBytes(file)) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
