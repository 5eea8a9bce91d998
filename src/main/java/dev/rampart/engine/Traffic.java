package dev.rampart.engine;

import dev.rampart.domain.plan.Stage;
import dev.rampart.spi.TrafficSplit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moving traffic: the split a stage asks for (cohorts whose kill switch is off get none), the adapter call through
 * the gate, and the confirmed split persisted with its event. Remembers when the current stage was entered.
 */
final class Traffic {
    private final RolloutEngine engine;
    private final Map<String, Double> overrides = new LinkedHashMap<>();
    private TrafficSplit confirmed;
    private Instant stageEnteredAt;

    Traffic(RolloutEngine engine) {
        this.engine = engine;
    }

    /** Asks the adapter for stage {@code k}'s split; on confirmation persists it with a {@code type} event. */
    boolean apply(int k, String type) {
        Journal j = engine.journal();
        if (k > j.rollout().stageIndex()) {
            overrides.clear(); // a person's change holds for the stage it was made in; the next stage is the plan's
        }
        TrafficSplit desired = desired(k);
        String name = engine.rules().stage(k).name();
        try {
            AdapterGate.Call call = engine.gate().apply(desired, k, name);
            confirmed = call.confirmed();
            Map<String, String> data = new LinkedHashMap<>();
            data.put("traffic_percent", RuleReading.number(call.confirmed().newVersionPercent()));
            data.put("weights", call.confirmed().weights().toString());
            data.put("idempotency_key", call.key());
            boolean entering = k > j.rollout().stageIndex();
            j.commit(j.rollout().state(), k, j.event(type, name, engine.actor(), data));
            if (entering) {
                stageEnteredAt = engine.parts().clock().instant();
            }
            return true;
        } catch (AdapterGate.GateException e) {
            engine.adapterFailed(e);
            return false;
        }
    }

    /** Whether the adapter last confirmed what stage {@code k} asks for now. */
    boolean inEffect(int k) {
        return confirmed != null && desired(k).sameAs(confirmed, 1e-9);
    }

    TrafficSplit desired(int k) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (Stage s : engine.rules().plan().stages().subList(0, k + 1)) {
            if (engine.killSwitches().cohortEnabled(s.name())) {
                w.put(s.name(), overrides.getOrDefault(s.name(), s.trafficPercent()));
            }
        }
        return new TrafficSplit(w);
    }

    /** A person's weight for {@code cohort} in the current stage, instead of the plan's. */
    void override(String cohort, double percent) {
        overrides.put(cohort, percent);
    }

    void clearOverrides() {
        overrides.clear();
    }

    /** The split last confirmed by the adapter, or null before any. */
    TrafficSplit confirmed() {
        return confirmed;
    }

    Instant stageEnteredAt() {
        return stageEnteredAt;
    }

    void entered(Instant at) {
        stageEnteredAt = at;
    }
}
