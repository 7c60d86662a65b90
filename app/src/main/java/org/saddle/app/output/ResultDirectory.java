package org.saddle.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The folder a run writes, built in a hidden temporary sibling ({@code results/.<study>.partial-*}) and
 * renamed onto {@code results/<study>} only when every file is complete. A run that fails leaves no
 * partial folder behind; a previous complete result is replaced only at the final rename.
 */
public final class ResultDirectory implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    private ResultDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    public static ResultDirectory create(Path resultsRoot, String study) {
        try {
            Files.createDirectories(resultsRoot);
            Path staging = Files.createTempDirectory(resultsRoot, "." + study + ".partial-");
            return new ResultDirectory(resultsRoot.resolve(study), staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder under " + resultsRoot, e);
        }
    }

    /** Where to write a file of the result, inside the staging folder. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** Replaces {@code results/<study>} by the finished staging folder; returns the final folder. */
    public Path commit() {
        try {
            Path previous = null;
            if (Files.exists(target)) {
                previous = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                move(target, previous);
            }
            move(staging, target);
            committed = true;
            if (previous != null) {
                deleteRecursively(previous);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished result into " + target, e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            deleteRecursively(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
