package dev.rampart.ui.rollout;

import dev.rampart.domain.rollout.Rollout;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.RolloutStatus;
import dev.rampart.spi.MetricWindow;
import dev.rampart.ui.charts.SampleInbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one refresh of the Rollout screen reads, on a background thread: the rollouts to pick from, the shown
 * rollout's status, and its newest metrics, which go straight into the charts' inbox.
 */
final class RolloutReader {
    private final RolloutService service;
    private final SampleInbox inbox;

    record Snapshot(List<RolloutChoice> choices, RolloutStatus status, Instant metricsUntil) {
    }

    RolloutReader(RolloutService service, SampleInbox inbox) {
        this.service = service;
        this.inbox = inbox;
    }

    /**
     * @param wanted the rollout to show; null picks the newest live one, else the newest
     * @param after  metrics already charted up to here; null reads the last half hour
     */
    Snapshot read(Long wanted, Instant after) {
        List<Rollout> all = service.all();
        List<RolloutChoice> choices = all.stream().limit(20).map(RolloutReader::choice).toList();
        Long id = wanted;
        if (id == null) {
            id = all.stream().filter(r -> r.state().isLive()).map(Rollout::id).findFirst()
                    .orElse(all.isEmpty() ? null : all.get(0).id());
        }
        if (id == null) {
            return new Snapshot(choices, null, null);
        }
        Instant until = after;
        RolloutStatus status;
        try {
            MetricWindow window = service.metrics(id, ChartFeed.metrics(), after, Duration.ofMinutes(30));
            status = service.status(id);
            inbox.offerAll(ChartFeed.samples(window, status.currentStage()));
            until = window.to();
        } catch (RuntimeException metricsFailed) {
            status = service.status(id);
        }
        return new Snapshot(choices, status, until);
    }

    static RolloutChoice choice(Rollout r) {
        return new RolloutChoice(r.id(), "#" + r.id() + " · plan " + r.planId() + " · " + r.state().wireName(),
                r.state().isLive());
    }
}
