package dev.rampart.engine;

import dev.rampart.domain.repo.IntentRepository;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.spi.TrafficSplit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * After a crash, settles every intent that has no outcome by asking the adapter which weights are in effect:
 * an effect that happened is finished as done and its state change persisted; one that did not is abandoned, and
 * the next tick decides again. An intent whose outcome was recorded but whose state change was not (the process
 * died between the two writes) has its state change persisted too, so the step is not asked for again.
 */
final class Reconciler {
    private final RolloutEngine engine;

    Reconciler(RolloutEngine engine) {
        this.engine = engine;
    }

    /** False when the adapter could not say what is in effect; the intents stay pending. */
    boolean reconcile() {
        Journal j = engine.journal();
        IntentRepository intents = engine.parts().intents();
        settleDoneButUnrecorded(j, intents);
        List<Intent> open = intents.unfinished(j.rollout().id());
        if (open.isEmpty()) {
            return true;
        }
        TrafficSplit current;
        try {
            current = engine.gate().adapter().currentWeights();
        } catch (Exception e) {
            j.record(j.event("adapter.failed", engine.stageName(), engine.actor(),
                    Map.of("action", "reconcile", "error", String.valueOf(e.getMessage()))));
            return false;
        }
        for (Intent intent : open) {
            boolean happened = switch (intent.action()) {
                case "apply" -> current.sameAs(weights(intent), 1e-6);
                case "promote" -> current.newVersionPercent() >= 100;
                case "rollback" -> current.newVersionPercent() == 0;
                default -> false;
            };
            Instant now = engine.parts().clock().instant();
            intents.finish(intent.finish(happened ? IntentStatus.DONE : IntentStatus.ABANDONED,
                    "reconciled against " + current.weights(), now));
            j.record(j.event("adapter.reconciled", engine.stageName(), engine.actor(), Map.of("idempotency_key",
                    intent.key(), "action", intent.action(), "in_effect", Boolean.toString(happened),
                    "weights", current.weights().toString())));
            if (happened) {
                settle(intent, j);
            }
        }
        return true;
    }

    private void settleDoneButUnrecorded(Journal j, IntentRepository intents) {
        Set<String> recorded = engine.parts().rollouts().events(j.rollout().id()).stream()
                .map(e -> e.data().get("idempotency_key")).filter(Objects::nonNull).collect(Collectors.toSet());
        for (Intent intent : intents.all(j.rollout().id())) {
            if (intent.status() == IntentStatus.DONE && !recorded.contains(intent.key())) {
                settle(intent, j);
            }
        }
    }

    private void settle(Intent intent, Journal j) {
        int k = Integer.parseInt(intent.payload().getOrDefault("stage", "-1"));
        RolloutState s = j.rollout().state();
        switch (intent.action()) {
            case "apply" -> {
                if (j.rollout().stageIndex() < k && (s == RolloutState.RUNNING || s == RolloutState.PAUSED)) {
                    j.commit(s, k, j.event("rollout.expanded", engine.rules().stage(k).name(), engine.actor(),
                            Map.of("idempotency_key", intent.key(), "reconciled", "true")));
                    engine.enteredReconciled(engine.parts().clock().instant());
                }
            }
            case "promote" -> {
                if (s == RolloutState.RUNNING || s == RolloutState.PAUSED) {
                    j.commit(RolloutState.COMPLETED, k, engine.completedEvent());
                }
            }
            case "rollback" -> {
                if (s == RolloutState.ROLLING_BACK) {
                    engine.rollbacks().finished(intent.key(), true);
                }
            }
            default -> { }
        }
    }

    private static TrafficSplit weights(Intent intent) {
        Map<String, Double> w = new LinkedHashMap<>();
        intent.payload().forEach((k, v) -> {
            if (k.startsWith("weight.")) {
                w.put(k.substring("weight.".length()), Double.parseDouble(v));
            }
        });
        return new TrafficSplit(w);
    }
}
