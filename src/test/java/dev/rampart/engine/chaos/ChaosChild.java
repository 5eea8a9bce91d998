package dev.rampart.engine.chaos;

import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.ApprovalBook;
import dev.rampart.engine.EngineParts;
import dev.rampart.engine.EngineSettings;
import dev.rampart.engine.PlanRules;
import dev.rampart.engine.RolloutEngine;
import dev.rampart.engine.VirtualClock;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.MetricWindow;
import dev.rampart.spi.Notifier;
import dev.rampart.spi.Sample;
import dev.rampart.store.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM, again and again, by {@link FaultCampaignTest}'s kill -9 row: {@code URL DIR BAD_MINUTE}
 * starts the rollout (first run) or takes it over from the store (every later run) and ticks it on a virtual clock
 * that carries on from the last tick, printing {@code tick AT STATE SEQ} once everything up to event SEQ is
 * committed. The deployment system keeps its weights and every effect in files; the bad release (from
 * {@code BAD_MINUTE}, -1 for none) shows as a 5 % error rate on every cohort on the new version.
 */
public final class ChaosChild {
    private ChaosChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        int badMinute = Integer.parseInt(args[2]);
        Instant badAt = badMinute < 0 ? null : Trial.START.plus(Duration.ofMinutes(badMinute));
        try (Store store = Store.open(args[0])) {
            List<Rollout> existing = store.rollouts().list();
            Path clockFile = dir.resolve("clock");
            Instant lastEvent = existing.isEmpty() ? Trial.START : store.rollouts().events(existing.get(0).id())
                    .stream().map(AuditEvent::at).max(Comparator.naturalOrder()).orElse(Trial.START);
            Instant lastTick = Files.exists(clockFile) ? Instant.parse(Files.readString(clockFile)) : lastEvent;
            VirtualClock clock = new VirtualClock(lastTick.isAfter(lastEvent) ? lastTick : lastEvent);
            RecordingSystem system = new RecordingSystem(dir.resolve("weights.properties"),
                    new EffectLog(dir.resolve("effects.log")), clock, s -> { }, 30, 250);
            EngineParts parts = new EngineParts(system, badRelease(badAt), Notifier.silent(), store.rollouts(),
                    store.intents(), ApprovalBook.assumedWhenDue(), clock, EngineSettings.defaults());
            PlanRules rules = PlanRules.parse(Trial.plan());
            RolloutEngine engine = existing.isEmpty()
                    ? RolloutEngine.start(rules, store.plans().add("REL-CHAOS", "checkout", "2.1.0", "olga", "{}",
                    "chaos").id(), parts, "olga")
                    : RolloutEngine.attach(rules, existing.get(0).id(), parts);
            System.out.println("ready");
            System.out.flush();
            Rollout r = engine.rollout();
            while (!over(r, clock.instant(), badAt)) {
                clock.advance(Duration.ofMinutes(1));
                r = engine.tick();
                Path tmp = dir.resolve("clock.tmp");
                Files.writeString(tmp, clock.instant().toString());
                Files.move(tmp, clockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                long seq = store.rollouts().events(r.id()).stream().mapToLong(AuditEvent::seq).max().orElse(0);
                System.out.println("tick " + clock.instant() + " " + r.state().wireName() + " " + seq);
                System.out.flush();
            }
            System.out.println("done " + r.state().wireName());
        }
    }

    static boolean over(Rollout r, Instant now, Instant badAt) {
        if (r.state() == RolloutState.COMPLETED) {
            return badAt == null || now.isAfter(badAt.plus(Duration.ofMinutes(20)));
        }
        return r.state().isFinal() || now.isAfter(Trial.START.plus(Duration.ofHours(6)));
    }

    /** Every cohort asked for reads 0.2 % errors, or 5 % from {@code badAt}; the stable population 0.2 %. */
    static MetricSource badRelease(Instant badAt) {
        return (cohorts, metrics, from, to) -> {
            boolean bad = badAt != null && !to.isBefore(badAt);
            Map<String, Map<String, List<Sample>>> byCohort = new HashMap<>();
            for (String c : cohorts) {
                byCohort.put(c, Map.of("error_rate", List.of(new Sample(to, bad ? 0.05 : 0.002)),
                        "latency_p99", List.of(new Sample(to, 600))));
            }
            return new MetricWindow(from, to, byCohort, Map.of("error_rate", List.of(new Sample(to, 0.002)),
                    "latency_p99", List.of(new Sample(to, 600))));
        };
    }
}
