package dev.rampart.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told: hours of rollout run in milliseconds, in dry runs and tests. */
public final class VirtualClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    public VirtualClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private VirtualClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    /** Moves to {@code t}, never backwards (simulated work may already have moved the clock past it). */
    public synchronized void advanceTo(Instant t) {
        if (t.isAfter(now)) {
            now = t;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new VirtualClock(now, z);
    }
}
