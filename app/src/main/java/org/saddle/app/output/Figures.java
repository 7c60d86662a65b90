package org.saddle.app.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Shared look of Saddle's figures and their export as PNG and SVG side by side. */
public final class Figures {
    /** A colour-blind-safe palette (Okabe-Ito). */
    public static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)
    };

    private Figures() {}

    public static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(900).height(650).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE)
                .setChartBackgroundColor(Color.WHITE)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15))
                .setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setPlotBackgroundColor(Color.WHITE).setPlotBorderVisible(true);
        return chart;
    }

    public static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE).setLineColor(color);
        series.setLineStyle(dashed
                ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f)
                : new BasicStroke(2.2f));
        return series;
    }

    public static XYSeries points(XYChart chart, String name, double[] x, double[] y, double[] errors, Color color,
            org.knowm.xchart.style.markers.Marker marker) {
        XYSeries series = errors == null ? chart.addSeries(name, x, y) : chart.addSeries(name, x, y, errors);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(marker).setMarkerColor(color);
        return series;
    }

    /** Writes {@code base.png} and {@code base.svg}. */
    public static void save(XYChart chart, Path base) {
        try {
            BitmapEncoder.saveBitmapWithDPI(chart, base.toString() + ".png", BitmapEncoder.BitmapFormat.PNG, 150);
            VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString() + ".svg", VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + base, e);
        }
    }
}
