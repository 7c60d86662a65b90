package org.saddle.app.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.saddle.app.study.HopfieldStudyRunner.GridPoint;

/**
 * Retrieval overlap m against temperature, one colour per load: the RS retrieval branch as a line (it
 * ends at the spinodal T_M) and Monte Carlo means with their standard errors as points.
 */
public final class OverlapFigure {
    private OverlapFigure() {}

    /**
     * @param curves for each load, the theory curve as {temperatures, overlaps}
     */
    public static void write(String title, Map<Double, double[][]> curves, List<GridPoint> points, Path base) {
        XYChart chart = Figures.chart(title + ": retrieval overlap, RS theory vs Monte Carlo", "temperature T", "overlap m");
        int colour = 0;
        for (Map.Entry<Double, double[][]> curve : curves.entrySet()) {
            double load = curve.getKey();
            java.awt.Color c = Figures.PALETTE[colour++ % Figures.PALETTE.length];
            if (curve.getValue()[0].length > 0) {
                Figures.line(chart, "RS alpha=" + load, curve.getValue()[0], curve.getValue()[1], c, false);
            }
            double[] t = points.stream().filter(p -> p.load() == load && p.simulation().isPresent())
                    .mapToDouble(GridPoint::temperature).toArray();
            if (t.length == 0) {
                continue;
            }
            double[] m = points.stream().filter(p -> p.load() == load && p.simulation().isPresent())
                    .mapToDouble(p -> p.simulation().get().overlap().mean()).toArray();
            double[] err = points.stream().filter(p -> p.load() == load && p.simulation().isPresent())
                    .mapToDouble(p -> p.simulation().get().overlap().standardError()).toArray();
            Figures.points(chart, "MC alpha=" + load, t, m, err, c, SeriesMarkers.CIRCLE);
        }
        chart.getStyler().setYAxisMin(-0.05).setYAxisMax(1.05);
        chart.getStyler().setXAxisMin(0.0);
        Figures.save(chart, base);
    }
}
