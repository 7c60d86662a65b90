package org.saddle.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV table with a fixed header. Numbers are written with {@link Double#toString} (shortest exact
 * representation, locale-independent), so a rerun with the same seed writes the same bytes.
 */
public final class CsvTable {
    private final List<String> columns;
    private final List<String> lines = new ArrayList<>();

    public CsvTable(String... columns) {
        this.columns = List.of(columns);
        lines.add(String.join(",", columns));
    }

    public CsvTable row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns " + columns);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(format(values[i]));
        }
        lines.add(line.toString());
        return this;
    }

    public int rows() {
        return lines.size() - 1;
    }

    public void write(Path file) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() ? "" : Double.toString(d);
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
