package org.saddle.simulation.potts;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file format of a trained Potts DAM ({@code .pdam}), version 2. Big-endian binary (Java DataOutput):
 * <pre>
 *   bytes 0..7   magic "SDLPDAM\n"
 *   int32        format version (2)
 *   int32        N (neurons), P (memories), C (classes), rows, columns (image shape, rows * columns = N)
 *   int32        null state: 1 if the DAM has the null hidden state, else 0      (absent in version 1)
 *   float64      beta (inverse temperature), varsigma (beta_eff = varsigma beta in training)
 *   float64[P*N] memories, memory after memory, each of squared norm N
 *   float64[H*C] class weights p^h_y, hidden state after hidden state (H = P, or P + 1 with the null state last;
 *                joint distribution, summing to 1)
 * </pre>
 * Nothing follows. Version 1 (no null-state field, H = P) is still read. A reader rejects another magic, another
 * version, inconsistent sizes or a truncated file.
 *
 * @param dam                the memories and class weights
 * @param rows               image rows (1 when the data are not images)
 * @param columns            image columns
 * @param inverseTemperature beta
 * @param varsigma           varsigma
 */
public record MemoryFile(PottsDam dam, int rows, int columns, double inverseTemperature, double varsigma) {
    public static final int VERSION = 2;
    private static final byte[] MAGIC = "SDLPDAM\n".getBytes(StandardCharsets.US_ASCII);

    public MemoryFile {
        if (rows * columns != dam.neurons()) {
            throw new IllegalArgumentException("rows * columns = " + rows * columns + " differs from N = " + dam.neurons());
        }
    }

    public void write(Path file) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(dam.neurons());
            out.writeInt(dam.memories());
            out.writeInt(dam.classes());
            out.writeInt(rows);
            out.writeInt(columns);
            out.writeInt(dam.hasNullState() ? 1 : 0);
            out.writeDouble(inverseTemperature);
            out.writeDouble(varsigma);
            for (double v : dam.memoryWeights()) {
                out.writeDouble(v);
            }
            for (double v : dam.classWeights()) {
                out.writeDouble(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a memory file; {@link IllegalArgumentException} naming the file when it is not one. */
    public static MemoryFile read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException(file + ": not a Saddle Potts DAM memory file (bad magic)");
            }
            int version = in.readInt();
            if (version != 1 && version != VERSION) {
                throw new IllegalArgumentException(file + ": memory file version " + version + "; this Saddle reads versions 1 and "
                        + VERSION);
            }
            int n = in.readInt();
            int p = in.readInt();
            int c = in.readInt();
            int rows = in.readInt();
            int columns = in.readInt();
            int nullFlag = version >= 2 ? in.readInt() : 0;
            if (nullFlag != 0 && nullFlag != 1) {
                throw new IllegalArgumentException(file + ": null-state field " + nullFlag + "; allowed 0 or 1");
            }
            if (n < 1 || p < 1 || c < 1 || rows < 1 || columns < 1 || (long) rows * columns != n || (long) n * p > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(file + ": inconsistent sizes N = " + n + ", P = " + p + ", C = " + c
                        + ", rows x columns = " + rows + " x " + columns);
            }
            double beta = in.readDouble();
            double varsigma = in.readDouble();
            double[] w = new double[n * p];
            for (int k = 0; k < w.length; k++) {
                w[k] = in.readDouble();
            }
            double[] theta = new double[(p + nullFlag) * c];
            for (int k = 0; k < theta.length; k++) {
                double weight = in.readDouble();
                if (!(weight >= 0) || !Double.isFinite(weight)) {
                    throw new IllegalArgumentException(file + ": class weight " + weight + " is not a probability");
                }
                theta[k] = Math.log(Math.max(weight, Double.MIN_NORMAL));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException(file + ": unexpected bytes after the class weights");
            }
            return new MemoryFile(new PottsDam(n, p, c, w, theta, nullFlag == 1), rows, columns, beta, varsigma);
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + ": truncated memory file", e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
