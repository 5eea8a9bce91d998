package dev.rampart.ui.charts;

/** A vertical mark where something happened ("halted", "expanded to beta"); {@code alarm} draws it in red. */
public record ChartMarker(long time, String label, boolean alarm) {
}
