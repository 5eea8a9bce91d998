package dev.rampart.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Time that runs {@code factor} times faster than {@code base} from {@code anchor} on: the demo's simulator runs an
 * hour of rollout in a minute, so a new user can watch a halt happen. At the anchor both clocks agree, so a
 * rollout created at the anchor maps to the same scaled times in every process that anchors on its creation time.
 * A clock made {@link #held() held} stands still at the anchor until {@link #release()}, so that the rollout is
 * created exactly there.
 */
public final class ScaledClock extends Clock {
    private final Clock base;
    private final Instant anchor;
    private final double factor;
    private volatile boolean held;

    public ScaledClock(Clock base, Instant anchor, double factor) {
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("a time scale must be at least 1, not " + factor);
        }
        this.base = base;
        this.anchor = anchor;
        this.factor = factor;
    }

    /** This clock, standing still at the anchor until released. */
    public ScaledClock held() {
        held = true;
        return this;
    }

    public void release() {
        held = false;
    }

    @Override
    public Instant instant() {
        if (held) {
            return anchor;
        }
        long realMillis = Duration.between(anchor, base.instant()).toMillis();
        return anchor.plusMillis(Math.round(realMillis * factor));
    }

    public double factor() {
        return factor;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(base.withZone(zone), anchor, factor);
    }
}
