package dev.rampart.ui.charts;

/**
 * One measured value for a chart: {@code chart} is the metric family ("error_rate", "latency"), {@code series} the
 * line within it ("beta", "beta p99"), {@code time} epoch milliseconds.
 */
public record LiveSample(String chart, String series, long time, double value) {
}
