package dev.rampart.ui.charts;

/** A horizontal line across a chart: a halt rule's threshold ("error_rate > 1% for 5m" at 0.01). */
public record ChartLine(String label, double value) {
}
