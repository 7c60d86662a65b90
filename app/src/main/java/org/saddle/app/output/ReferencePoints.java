package org.saddle.app.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.saddle.app.InputException;

/**
 * Published values to overlay on a figure, read from a CSV file under results/reference/ with the header
 * {@code series,x,y,source}: the series (legend entry, e.g. "T_M"), the point, and where it was published
 * (paper, equation, table or figure). Lines starting with '#' are comments.
 */
public final class ReferencePoints {
    /** One published point. */
    public record Point(String series, double x, double y, String source) {}

    private ReferencePoints() {}

    /** Reads and checks the file; every problem is an {@link InputException} naming file, line and column. */
    public static List<Point> read(Path file, String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(key + ": " + file + " cannot be read (" + e.getMessage() + "); give a CSV file of "
                    + "published points with the header series,x,y,source, e.g. results/reference/ags-1987-phase-diagram.csv");
        }
        List<Point> points = new ArrayList<>();
        boolean header = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = split(line);
            if (!header) {
                if (!cells.equals(List.of("series", "x", "y", "source"))) {
                    throw new InputException(file + ": line " + (n + 1) + ": the header must be series,x,y,source, found " + line);
                }
                header = true;
                continue;
            }
            if (cells.size() != 4 || cells.get(3).isBlank()) {
                throw new InputException(file + ": line " + (n + 1) + ": need 4 cells series,x,y,source (a source for every point), found " + line);
            }
            try {
                points.add(new Point(cells.get(0), Double.parseDouble(cells.get(1)), Double.parseDouble(cells.get(2)), cells.get(3)));
            } catch (NumberFormatException e) {
                throw new InputException(file + ": line " + (n + 1) + ": x and y must be numbers, found " + line);
            }
        }
        if (points.isEmpty()) {
            throw new InputException(file + ": no points (header series,x,y,source, then one point a line)");
        }
        return points;
    }

    /** Splits one CSV line; cells may be double-quoted with "" for a quote. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Draws the points as square markers, one legend entry per series, colours from the palette from {@code colour}. */
    public static void draw(org.knowm.xchart.XYChart chart, List<Point> published, int colour) {
        java.util.Map<String, List<Point>> bySeries = new java.util.LinkedHashMap<>();
        published.forEach(p -> bySeries.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p));
        int c = colour;
        for (java.util.Map.Entry<String, List<Point>> e : bySeries.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(Point::x).toArray();
            double[] y = e.getValue().stream().mapToDouble(Point::y).toArray();
            Figures.points(chart, e.getKey(), x, y, null, Figures.PALETTE[c++ % Figures.PALETTE.length],
                    org.knowm.xchart.style.markers.SeriesMarkers.SQUARE);
        }
    }
}
