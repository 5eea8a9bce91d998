package dev.rampart.ui.charts;

import javafx.animation.AnimationTimer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The one {@link AnimationTimer} behind the live charts: once per frame it drains the {@link SampleInbox}, appends
 * the samples to their charts and repaints only the charts that received any. Samples for a chart not (yet)
 * registered are dropped.
 */
public final class ChartRefresher extends AnimationTimer {
    private final SampleInbox inbox;
    private final Map<String, MetricChart> charts = new HashMap<>();
    private final Set<MetricChart> dirty = new LinkedHashSet<>();
    private LongConsumer frameListener = nanos -> { };
    private int lastDrained;

    public ChartRefresher(SampleInbox inbox) {
        this.inbox = inbox;
    }

    /** Samples whose {@link LiveSample#chart()} is {@code key} go to {@code chart}. */
    public void register(String key, MetricChart chart) {
        charts.put(key, chart);
    }

    /** Told how long each frame's drain and repaint took, in nanoseconds (for the benchmark). */
    public void setFrameListener(LongConsumer listener) {
        this.frameListener = listener;
    }

    @Override
    public void handle(long now) {
        long started = System.nanoTime();
        lastDrained = inbox.drain(this::append);
        for (MetricChart chart : dirty) {
            chart.redraw();
        }
        dirty.clear();
        frameListener.accept(System.nanoTime() - started);
    }

    /** How many samples the last frame drained (0: nothing was repainted). */
    public int lastDrained() {
        return lastDrained;
    }

    private void append(LiveSample s) {
        MetricChart chart = charts.get(s.chart());
        if (chart != null) {
            chart.add(s.series(), s.time(), s.value());
            dirty.add(chart);
        }
    }
}
