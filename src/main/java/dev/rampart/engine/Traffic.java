package dev.rampart.engine;

import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.spi.TrafficSplit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moving traffic: the split a stage asks for (cohorts whose kill switch is off get none, people's overrides for the
 * current stage apply), the adapter call through the gate, and the confirmed split persisted with its event. The
 * switches, overrides and the split last confirmed all come from the store.
 */
final class Traffic {
    private final RolloutEngine engine;

    Traffic(RolloutEngine engine) {
        this.engine = engine;
    }

    /**
     * Asks the adapter for stage {@code k}'s split; on confirmation persists it with a {@code type} event. Entering
     * a stage is the step {@code enter-k}; any other change of stage {@code k}'s traffic is {@code traffic-k}.
     */
    boolean apply(int k, String type) {
        Journal j = engine.journal();
        boolean entering = k > j.rollout().stageIndex();
        TrafficSplit desired = desired(k, entering);
        String name = engine.rules().stage(k).name();
        try {
            AdapterGate.Call call = engine.gate().apply(desired, k, (entering ? "enter-" : "traffic-") + k);
            Map<String, String> data = new LinkedHashMap<>();
            data.put("traffic_percent", RuleReading.number(call.confirmed().newVersionPercent()));
            data.put("weights", call.confirmed().weights().toString());
            data.put("idempotency_key", call.key());
            j.commit(j.rollout().state(), k, j.event(type, name, engine.actor(), data));
            return true;
        } catch (AdapterGate.Unsettled e) {
            return false; // an earlier attempt at this step may still land, or did: it is settled first
        } catch (AdapterGate.GateException e) {
            engine.adapterFailed(e);
            return false;
        }
    }

    /** Whether the split the adapter last confirmed is what stage {@code k} asks for now. */
    boolean inEffect(int k) {
        TrafficSplit c = confirmed();
        return c != null && desired(k, false).sameAs(c, 1e-9);
    }

    /** Stage {@code k}'s split; entering it, the plan's weights (people's overrides hold for the stage they were made in). */
    TrafficSplit desired(int k, boolean entering) {
        KillSwitches switches = engine.killSwitches();
        Map<String, Double> overrides = entering ? Map.of() : engine.ledger().overrides();
        Map<String, Double> w = new LinkedHashMap<>();
        for (Stage s : engine.rules().plan().stages().subList(0, k + 1)) {
            if (switches.cohortEnabled(s.name())) {
                w.put(s.name(), overrides.getOrDefault(s.name(), s.trafficPercent()));
            }
        }
        return new TrafficSplit(w);
    }

    /** The split the adapter last confirmed, as the store's intents say, or null before any. */
    TrafficSplit confirmed() {
        return confirmed(engine.parts().intents().all(engine.rollout().id()));
    }

    /** The split the last confirmed change left in effect, from a rollout's intents, or null before any. */
    static TrafficSplit confirmed(List<Intent> all) {
        for (int i = all.size() - 1; i >= 0; i--) {
            Intent in = all.get(i);
            if (in.status() != IntentStatus.DONE) {
                continue;
            }
            switch (in.action()) {
                case "apply" -> {
                    return weights(in);
                }
                case "promote" -> {
                    return TrafficSplit.everyone();
                }
                case "rollback" -> {
                    return TrafficSplit.none();
                }
                default -> { }
            }
        }
        return null;
    }

    static TrafficSplit weights(Intent intent) {
        Map<String, Double> w = new LinkedHashMap<>();
        intent.payload().forEach((k, v) -> {
            if (k.startsWith("weight.")) {
                w.put(k.substring("weight.".length()), Double.parseDouble(v));
            }
        });
        return new TrafficSplit(w);
    }
}
