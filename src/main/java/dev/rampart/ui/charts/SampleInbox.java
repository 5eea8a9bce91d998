package dev.rampart.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where live samples wait for the next frame. Any thread may {@link #offer} them; the FX thread takes them all at
 * once in {@link #drain}, so a burst of samples costs one redraw, never one {@code Platform.runLater} each.
 */
public final class SampleInbox {
    private List<LiveSample> pending = new ArrayList<>();
    private List<LiveSample> spare = new ArrayList<>();

    public synchronized void offer(LiveSample sample) {
        pending.add(sample);
    }

    public synchronized void offerAll(List<LiveSample> samples) {
        pending.addAll(samples);
    }

    /** Hands every waiting sample to {@code sink}, oldest first; returns how many there were. */
    public int drain(Consumer<LiveSample> sink) {
        List<LiveSample> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return 0;
            }
            batch = pending;
            pending = spare;
            spare = batch;
        }
        // Handed over outside the lock so producers never wait for a redraw.
        int n = batch.size();
        for (LiveSample s : batch) {
            sink.accept(s);
        }
        batch.clear();
        return n;
    }
}
