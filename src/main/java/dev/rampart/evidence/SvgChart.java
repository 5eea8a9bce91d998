package dev.rampart.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small time chart drawn as inline SVG, so the report needs no script and no network: a step line, points,
 * dashed threshold lines and labelled vertical markers.
 */
final class SvgChart {
    record Point(Instant at, double value) {
    }

    private record Marker(Instant at, String label, String colour) {
    }

    private record Threshold(double value, String label) {
    }

    private static final int W = 880;
    private static final int H = 240;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    private final String title;
    private final String unit;
    private final Instant from;
    private final Instant to;
    private final List<Point> steps = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<Threshold> thresholds = new ArrayList<>();

    SvgChart(String title, String unit, Instant from, Instant to) {
        this.title = title;
        this.unit = unit;
        this.from = from;
        this.to = to.isAfter(from) ? to : from.plusSeconds(60);
    }

    SvgChart step(Instant at, double value) {
        steps.add(new Point(at, value));
        return this;
    }

    SvgChart point(Instant at, double value) {
        points.add(new Point(at, value));
        return this;
    }

    SvgChart marker(Instant at, String label, String colour) {
        markers.add(new Marker(at, label, colour));
        return this;
    }

    SvgChart threshold(double value, String label) {
        thresholds.add(new Threshold(value, label));
        return this;
    }

    String svg() {
        double max = 0;
        for (Point p : steps) {
            max = Math.max(max, p.value());
        }
        for (Point p : points) {
            max = Math.max(max, p.value());
        }
        for (Threshold t : thresholds) {
            max = Math.max(max, t.value());
        }
        double top = niceCeiling(max == 0 ? 1 : max * 1.1);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-label=\"%s\" class=\"chart\">", W, H, Html.escape(title)));
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = y(v, top);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>",
                    LEFT, y, W - RIGHT, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%s</text>",
                    LEFT - 6, y + 4, Html.escape(format(v) + unit)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\">%s</text>", LEFT, H - 8,
                Html.escape(from.toString())));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">%s (+%s)</text>",
                W - RIGHT, H - 8, Html.escape(to.toString()), Html.escape(human(Duration.between(from, to)))));
        for (Threshold t : thresholds) {
            double y = y(t.value(), top);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"threshold\"/>",
                    LEFT, y, W - RIGHT, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"threshold-label\" text-anchor=\"end\">%s</text>",
                    W - RIGHT - 4, y - 4, Html.escape(t.label())));
        }
        if (!steps.isEmpty()) {
            StringBuilder path = new StringBuilder();
            double lastY = y(steps.get(0).value(), top);
            path.append(String.format(Locale.ROOT, "M%.1f,%.1f", x(steps.get(0).at()), lastY));
            for (Point p : steps.subList(1, steps.size())) {
                double x = x(p.at());
                double y = y(p.value(), top);
                path.append(String.format(Locale.ROOT, " H%.1f V%.1f", x, y));
                lastY = y;
            }
            path.append(String.format(Locale.ROOT, " H%d", W - RIGHT));
            s.append("<path d=\"").append(path).append("\" class=\"series\"/>");
        }
        for (Point p : points) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" class=\"reading\"><title>%s</title></circle>",
                    x(p.at()), y(p.value(), top), Html.escape(format(p.value()) + unit + " at " + p.at())));
        }
        List<Double> placed = new ArrayList<>();
        for (Marker m : markers) {
            double x = x(m.at());
            // labels of markers close together are stacked, not drawn over each other
            int row = (int) placed.stream().filter(p -> Math.abs(p - x) < 140).count();
            placed.add(x);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" class=\"marker\"/>",
                    x, TOP, x, H - BOTTOM, m.colour()));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"%s\" class=\"marker-label\""
                    + " text-anchor=\"start\">%s</text>",
                    Math.min(x + 4, W - RIGHT - 120), TOP + 12 + 14 * row, m.colour(), Html.escape(m.label())));
        }
        return s.append("</svg>").toString();
    }

    private double x(Instant at) {
        double span = Duration.between(from, to).toMillis();
        double t = Math.max(0, Math.min(span, Duration.between(from, at).toMillis()));
        return LEFT + (W - LEFT - RIGHT) * t / span;
    }

    private static double y(double v, double top) {
        return TOP + (H - TOP - BOTTOM) * (1 - v / top);
    }

    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 0.1 ? "%.4f" : "%.2f", v).replaceAll("0+$", "");
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 120 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }
}
