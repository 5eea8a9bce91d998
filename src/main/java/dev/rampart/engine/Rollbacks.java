package dev.rampart.engine;

import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rolling back: the decision is persisted first ({@code rolling_back}), then the adapter is asked; the time from
 * decision to the adapter's confirmation is {@code rollback_time_seconds}. A failed attempt is retried each tick;
 * after as many failures as the circuit breaker allows it is {@code rollback_failed}, an incident.
 */
final class Rollbacks {
    private final RolloutEngine engine;
    private Instant decidedAt;
    private String reason;
    private int failedAttempts;

    Rollbacks(RolloutEngine engine) {
        this.engine = engine;
    }

    Rollout begin(String actor, String why, List<NewEvent> before) {
        Journal j = engine.journal();
        decidedAt = engine.parts().clock().instant();
        reason = why;
        failedAttempts = 0;
        List<NewEvent> events = new ArrayList<>(before);
        events.add(j.event("rollout.rolling_back", engine.stageName(), actor, Map.of("reason", why)));
        j.commit(RolloutState.ROLLING_BACK, engine.stageIndex(), events);
        before.forEach(engine.notices()::tell);
        return attempt();
    }

    Rollout attempt() {
        try {
            AdapterGate.Call call = engine.gate().rollback(engine.stageIndex());
            return finished(call.key(), false);
        } catch (AdapterGate.GateException e) {
            failedAttempts++;
            Journal j = engine.journal();
            j.record(j.event("adapter.failed", engine.stageName(), engine.actor(), e.data()));
            if (failedAttempts < engine.parts().settings().circuitBreakerErrors()) {
                return j.rollout();
            }
            NewEvent failed = j.event("rollout.rollback_failed", engine.stageName(), engine.actor(),
                    Map.of("reason", String.valueOf(reason), "attempts", Integer.toString(failedAttempts),
                            "error", String.valueOf(e.getMessage()), "incident", "true"));
            j.commit(RolloutState.ROLLBACK_FAILED, engine.stageIndex(), failed);
            engine.notices().tell(failed);
            return j.rollout();
        }
    }

    /** The adapter confirmed the rollback (now, or as found when reconciling after a restart). */
    Rollout finished(String key, boolean reconciled) {
        Journal j = engine.journal();
        Instant confirmedAt = engine.parts().clock().instant();
        Map<String, String> data = new java.util.LinkedHashMap<>();
        data.put("reason", String.valueOf(reason));
        data.put("idempotency_key", key);
        if (decidedAt != null && !reconciled) {
            double seconds = Duration.between(decidedAt, confirmedAt).toMillis() / 1000.0;
            data.put("rollback_time_seconds", RuleReading.number(seconds));
        }
        if (reconciled) {
            data.put("reconciled", "true");
        }
        NewEvent done = j.event("rollout.rolled_back", engine.stageName(), engine.actor(), engine.errorRateData(data));
        j.commit(RolloutState.ROLLED_BACK, engine.stageIndex(), done);
        engine.notices().tell(done);
        return j.rollout();
    }

    void restore(Instant decided, String why) {
        decidedAt = decided;
        reason = why;
    }
}
