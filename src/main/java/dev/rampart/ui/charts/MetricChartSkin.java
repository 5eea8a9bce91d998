package dev.rampart.ui.charts;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Paints a {@link MetricChart} on one canvas. Colours are read from invisible styled regions, so themes apply. */
public class MetricChartSkin extends SkinBase<MetricChart> {
    private static final int PALETTE = 8;
    private static final double LEFT = 64, RIGHT = 12, TOP = 42, BOTTOM = 22;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Canvas canvas = new Canvas();
    private final Region[] seriesPaint = new Region[PALETTE];
    private final Region thresholdPaint = swatch("threshold");
    private final Region markerPaint = swatch("marker");
    private final Region alarmPaint = swatch("marker-alarm");
    private final Region gridPaint = swatch("grid");
    private final Region textPaint = swatch("chart-text");
    private final List<ColumnDecimator> decimators = new ArrayList<>();
    private final Font font = Font.font(11);
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
    private double[] px = new double[0];
    private double[] py = new double[0];
    private final Font titleFont = Font.font(null, javafx.scene.text.FontWeight.BOLD, 12);

    public MetricChartSkin(MetricChart chart) {
        super(chart);
        measure.setFont(font);
        for (int i = 0; i < PALETTE; i++) {
            seriesPaint[i] = swatch("series-" + i);
        }
        getChildren().add(canvas);
        getChildren().addAll(seriesPaint);
        getChildren().addAll(thresholdPaint, markerPaint, alarmPaint, gridPaint, textPaint);
        chart.setPainter(this::paint);
        registerChangeListener(chart.titleProperty(), o -> paint());
        registerChangeListener(chart.windowProperty(), o -> paint());
        // A theme switch restyles the swatches: repaint in the new colours at once, not with the next sample.
        textPaint.backgroundProperty().addListener(o -> paint());
    }

    private static Region swatch(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        r.setVisible(false);
        return r;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            canvas.relocate(x, y);
            paint();
        }
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 180;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 360;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return 120;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 200;
    }

    private void paint() {
        MetricChart chart = getSkinnable();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            return;
        }
        int plotWidth = (int) (w - LEFT - RIGHT);
        double plotHeight = h - TOP - BOTTOM;
        Map<String, SeriesBuffer> series = chart.series();
        long[] range = timeRange(series.values(), chart.getWindow());
        double max = decimateAll(series, range, plotWidth, chart);
        double yMax = niceCeiling(max * 1.15);

        g.setFont(font);
        paintGrid(g, chart.getFormat(), yMax, w, plotHeight);
        int i = 0;
        for (SeriesBuffer ignored : series.values()) {
            ColumnDecimator d = decimators.get(i);
            g.setStroke(paint(seriesPaint[i % PALETTE], Color.STEELBLUE));
            g.setLineWidth(1.5);
            double[] xs = d.xs();
            double[] ys = d.ys();
            if (px.length < d.count()) {
                px = new double[d.count()];
                py = new double[d.count()];
            }
            for (int k = 0; k < d.count(); k++) {
                px[k] = LEFT + xs[k] + 0.5;
                py[k] = TOP + plotHeight - ys[k] / yMax * plotHeight;
            }
            g.strokePolyline(px, py, d.count());
            i++;
        }
        paintThresholds(g, chart, yMax, w, plotHeight);
        paintMarkers(g, chart, range, plotWidth, plotHeight);
        paintLegend(g, chart, series, w);
        paintTimeAxis(g, range, w, h);
    }

    private double decimateAll(Map<String, SeriesBuffer> series, long[] range, int plotWidth, MetricChart chart) {
        while (decimators.size() < series.size()) {
            decimators.add(new ColumnDecimator());
        }
        double max = 0;
        int i = 0;
        for (SeriesBuffer s : series.values()) {
            ColumnDecimator d = decimators.get(i++);
            d.decimate(s, range[0], range[1], plotWidth);
            for (int k = 0; k < d.count(); k++) {
                max = Math.max(max, d.y(k));
            }
        }
        for (ChartLine line : chart.getThresholds()) {
            max = Math.max(max, line.value());
        }
        return max <= 0 ? 1 : max;
    }

    private static long[] timeRange(Iterable<SeriesBuffer> all, long window) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (SeriesBuffer s : all) {
            if (s.size() > 0) {
                from = Math.min(from, s.time(0));
                to = Math.max(to, s.time(s.size() - 1));
            }
        }
        if (from == Long.MAX_VALUE) {
            long now = System.currentTimeMillis();
            return new long[] {now - 60_000, now};
        }
        if (window > 0) {
            from = to - window;
        }
        return new long[] {from, Math.max(to, from + 1000)};
    }

    private void paintGrid(GraphicsContext g, ValueFormat format, double yMax, double w, double plotHeight) {
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k <= 4; k++) {
            double y = Math.round(TOP + plotHeight - k * plotHeight / 4) + 0.5;
            g.setStroke(paint(gridPaint, Color.LIGHTGRAY));
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.setFill(paint(textPaint, Color.GRAY));
            g.fillText(format.format(yMax * k / 4), LEFT - 6, y);
        }
    }

    private void paintThresholds(GraphicsContext g, MetricChart chart, double yMax, double w, double plotHeight) {
        g.setStroke(paint(thresholdPaint, Color.RED));
        g.setFill(paint(thresholdPaint, Color.RED));
        g.setLineWidth(1.2);
        g.setLineDashes(6, 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        for (ChartLine line : chart.getThresholds()) {
            double y = Math.round(TOP + plotHeight - line.value() / yMax * plotHeight) + 0.5;
            g.strokeLine(LEFT, y, w - RIGHT, y);
            g.fillText(line.label(), w - RIGHT - 2, y - 2);
        }
        g.setLineDashes((double[]) null);
    }

    private void paintMarkers(GraphicsContext g, MetricChart chart, long[] range, int plotWidth, double plotHeight) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(1);
        List<double[]> taken = new ArrayList<>(); // label spans already drawn, per row: {row, from, to}
        for (ChartMarker m : chart.getMarkers()) {
            if (m.time() < range[0] || m.time() > range[1]) {
                continue;
            }
            double x = Math.round(LEFT + (m.time() - range[0]) * (double) plotWidth / (range[1] - range[0])) + 0.5;
            Paint p = paint(m.alarm() ? alarmPaint : markerPaint, Color.GRAY);
            g.setStroke(p);
            g.setFill(p);
            g.strokeLine(x, TOP, x, TOP + plotHeight);
            measure.setText(m.label());
            double width = measure.getLayoutBounds().getWidth();
            boolean roomOnTheRight = x + 3 + width < LEFT + plotWidth;
            double from = roomOnTheRight ? x + 3 : x - 3 - width;
            int row = 0;
            while (overlaps(taken, row, from, from + width)) {
                row++;
            }
            taken.add(new double[] {row, from, from + width});
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(m.label(), from, TOP + 2 + row * 13);
        }
    }

    private static boolean overlaps(List<double[]> taken, int row, double from, double to) {
        for (double[] t : taken) {
            if (t[0] == row && from < t[2] + 4 && to > t[1] - 4) {
                return true;
            }
        }
        return false;
    }

    private void paintLegend(GraphicsContext g, MetricChart chart, Map<String, SeriesBuffer> series, double w) {
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(titleFont);
        g.setFill(paint(textPaint, Color.BLACK));
        g.fillText(chart.getTitle(), 8, 11);
        g.setFont(font);
        // The legend has a line of its own under the title; names are measured, not guessed.
        double x = 8;
        int i = 0;
        for (String name : series.keySet()) {
            measure.setText(name);
            double width = measure.getLayoutBounds().getWidth();
            if (x + 14 + width > w - RIGHT) {
                break;
            }
            g.setFill(paint(seriesPaint[i % PALETTE], Color.STEELBLUE));
            g.fillRect(x, 25, 10, 4);
            g.setFill(paint(textPaint, Color.GRAY));
            g.fillText(name, x + 14, 27);
            x += 14 + width + 14;
            i++;
        }
    }

    private void paintTimeAxis(GraphicsContext g, long[] range, double w, double h) {
        g.setFill(paint(textPaint, Color.GRAY));
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(CLOCK.format(Instant.ofEpochMilli(range[0])), LEFT, h - 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(CLOCK.format(Instant.ofEpochMilli(range[1])), w - RIGHT, h - 2);
    }

    private static Paint paint(Region swatch, Paint fallback) {
        if (swatch.getBackground() == null || swatch.getBackground().getFills().isEmpty()) {
            return fallback;
        }
        return swatch.getBackground().getFills().get(0).getFill();
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at or above {@code v}: grid labels read as round numbers. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
