package dev.rampart.engine;

import dev.rampart.domain.plan.RollbackStep;
import dev.rampart.domain.repo.IntentRepository;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.spi.ChangeKind;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.TrafficSplit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settles every intent that has no outcome (the process died, or the call timed out) from what the adapter reports,
 * without guessing: an effect found in place is finished as done and its state change persisted; one surely not in
 * place is abandoned, and the next tick decides again. When the report cannot tell (the adapter cannot say what is
 * in effect, or the change is a rollback step, which weights do not show), the call is repeated with its own key only
 * if the adapter says that is harmless; otherwise the rollout waits for a person ({@code recovery.needs_person}, a
 * pause, or a failed rollback), with the evidence. An intent whose outcome was recorded but whose state change was
 * not has its state change persisted too, so the step is not asked for again.
 */
final class Reconciler {
    private final RolloutEngine engine;

    Reconciler(RolloutEngine engine) {
        this.engine = engine;
    }

    /** Whether anything is left unsettled (waiting for a person). */
    boolean reconcile() {
        Journal j = engine.journal();
        IntentRepository intents = engine.parts().intents();
        settleDoneButUnrecorded(j, intents);
        Set<String> waiting = engine.ledger().awaitingPerson();
        Set<String> inFlight = engine.gate().inFlight();
        List<Intent> open = intents.unfinished(j.rollout().id()).stream()
                .filter(i -> !waiting.contains(i.key()) && !inFlight.contains(i.key())).toList();
        if (open.isEmpty()) {
            return waiting.isEmpty();
        }
        DeploymentAdapter adapter = engine.gate().adapter();
        TrafficSplit current = null;
        String unknownWhy = null;
        try {
            current = adapter.currentWeights();
        } catch (Exception e) {
            unknownWhy = "the adapter cannot report the weights in effect: " + e.getMessage();
            j.record(j.event("adapter.failed", engine.stageName(), engine.actor(),
                    Map.of("action", "reconcile", "error", String.valueOf(e.getMessage()))));
        }
        boolean settled = true;
        for (Intent intent : open) {
            Boolean happened = happened(intent, current);
            Instant now = engine.parts().clock().instant();
            if (happened == null) {
                String why = unknownWhy != null ? unknownWhy : "a rollback step does not show in the weights";
                ChangeKind kind = kind(intent);
                if (adapter.harmlessToRepeat(kind) && repeatable(intent, adapter)) {
                    settled &= repeat(intent, why);
                } else {
                    needsPerson(intent, why);
                    settled = false;
                }
                continue;
            }
            intents.finish(intent.finish(happened ? IntentStatus.DONE : IntentStatus.ABANDONED,
                    "reconciled against " + current.weights(), now));
            j.record(j.event("adapter.reconciled", engine.stageName(), engine.actor(), Map.of("idempotency_key",
                    intent.key(), "action", intent.action(), "in_effect", Boolean.toString(happened),
                    "weights", current.weights().toString())));
            if (happened) {
                settle(intent, j);
            }
        }
        return settled;
    }

    /**
     * Whether the intent's effect is in place: true, false, or null when the report cannot tell. A report of one
     * number ({@code {"*": 25}}) is compared by the new version's share.
     */
    static Boolean happened(Intent intent, TrafficSplit current) {
        if (current == null) {
            return null;
        }
        return switch (intent.action()) {
            case "apply" -> {
                TrafficSplit intended = Traffic.weights(intent);
                boolean coarse = current.weights().keySet().equals(Set.of(TrafficSplit.EVERYONE));
                yield coarse ? Math.abs(current.newVersionPercent() - intended.newVersionPercent()) <= 1e-6
                        : current.sameAs(intended, 1e-6);
            }
            case "promote" -> current.newVersionPercent() >= 100;
            case "rollback" -> current.newVersionPercent() == 0;
            default -> null;
        };
    }

    private static ChangeKind kind(Intent intent) {
        return switch (intent.action()) {
            case "apply" -> ChangeKind.TRAFFIC;
            case "promote" -> ChangeKind.PROMOTE;
            case "rollback" -> ChangeKind.ROLLBACK;
            default -> ChangeKind.ROLLBACK_STEP;
        };
    }

    /** A rollback step that ran as a command on this machine is never repeated unasked: nobody vouched for it. */
    private static boolean repeatable(Intent intent, DeploymentAdapter adapter) {
        return !intent.action().equals("rollback_step") || adapter.performsRollbackSteps();
    }

    private boolean repeat(Intent intent, String why) {
        Journal j = engine.journal();
        DeploymentAdapter adapter = engine.gate().adapter();
        try {
            engine.gate().repeat(intent, key -> switch (intent.action()) {
                case "apply" -> adapter.applyTraffic(Traffic.weights(intent), key);
                case "promote" -> adapter.promote(key);
                case "rollback" -> adapter.rollback(key);
                default -> {
                    adapter.rollbackStep(step(intent), key);
                    yield TrafficSplit.none();
                }
            });
        } catch (AdapterGate.GateException e) {
            j.record(j.event("adapter.failed", engine.stageName(), engine.actor(), e.data()));
            return true;
        }
        j.record(j.event("adapter.reconciled", engine.stageName(), engine.actor(), Map.of("idempotency_key",
                intent.key(), "action", intent.action(), "repeated", "true", "why", why)));
        settle(intent, j);
        return true;
    }

    private RollbackStep step(Intent intent) {
        int index = Integer.parseInt(intent.payload().getOrDefault("index", "1"));
        return engine.rollbackSteps().get(index - 1);
    }

    /** The rollout waits for a person: nothing is repeated that could do harm twice. */
    private void needsPerson(Intent intent, String why) {
        Journal j = engine.journal();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("idempotency_key", intent.key());
        data.put("action", intent.action());
        data.put("why", why);
        intent.payload().forEach((k, v) -> data.putIfAbsent(k, v));
        RolloutState s = j.rollout().state();
        String what = intent.action().equals("rollback_step")
                ? "rollback step " + intent.payload().get("index") + " (\"" + intent.payload().get("name") + "\")"
                : intent.action() + " " + intent.key();
        NewEvent told = j.event("recovery.needs_person", engine.stageName(), engine.actor(), data);
        if (s == RolloutState.ROLLING_BACK) {
            j.record(told);
            engine.rollbacks().rollbackFailed("the outcome of " + what + " is unknown (" + why + "); check it, then "
                    + "roll back again to run it again, or confirm it ran (rollout rollback ID --confirm-step "
                    + intent.payload().get("index") + ")", 0);
        } else if (s == RolloutState.RUNNING) {
            Map<String, String> paused = new LinkedHashMap<>(data);
            paused.put("reason", "recovery needs a person: the outcome of " + what + " is unknown (" + why
                    + "); check the deployment, then resume");
            j.commit(RolloutState.PAUSED, j.rollout().stageIndex(), told,
                    j.event("rollout.paused", engine.stageName(), engine.actor(), paused));
        } else {
            j.record(told);
        }
    }

    private void settleDoneButUnrecorded(Journal j, IntentRepository intents) {
        // events that say a change took effect; an adapter.failed naming the key (a timeout) says the opposite
        Set<String> recorded = engine.ledger().events().stream()
                .filter(e -> !e.type().startsWith("adapter.") && !e.type().startsWith("recovery."))
                .map(e -> e.data().get("idempotency_key")).filter(Objects::nonNull).collect(Collectors.toSet());
        for (Intent intent : intents.all(j.rollout().id())) {
            if (intent.status() == IntentStatus.DONE && !recorded.contains(intent.key())) {
                settle(intent, j);
            }
        }
    }

    /** Persists the state change of a change that happened. */
    private void settle(Intent intent, Journal j) {
        int k = Integer.parseInt(intent.payload().getOrDefault("stage", "-1"));
        RolloutState s = j.rollout().state();
        String step = intent.payload().getOrDefault("step", "");
        switch (intent.action()) {
            case "apply" -> {
                boolean live = s == RolloutState.RUNNING || s == RolloutState.PAUSED;
                if (live && j.rollout().stageIndex() < k && !step.startsWith("traffic-")) {
                    j.commit(s, k, j.event("rollout.expanded", engine.rules().stage(k).name(), engine.actor(),
                            Map.of("idempotency_key", intent.key(), "reconciled", "true",
                                    "traffic_percent", RuleReading.number(Traffic.weights(intent).newVersionPercent()))));
                } else {
                    j.record(j.event("rollout.traffic_changed", engine.stageName(), engine.actor(),
                            Map.of("idempotency_key", intent.key(), "reconciled", "true")));
                }
            }
            case "promote" -> {
                if (s == RolloutState.RUNNING || s == RolloutState.PAUSED) {
                    j.commit(RolloutState.COMPLETED, k, engine.completedEvent());
                }
            }
            case "rollback", "rollback_step" -> {
                int index = Integer.parseInt(intent.payload().getOrDefault("index", "0"));
                if (s != RolloutState.ROLLING_BACK || engine.ledger().rollbackStepsDone().contains(index)) {
                    return;
                }
                Map<String, String> d = new LinkedHashMap<>();
                d.put("index", intent.payload().getOrDefault("index", "0"));
                d.put("name", intent.payload().getOrDefault("name", RollbackSequence.TRAFFIC_STEP));
                d.put("kind", intent.payload().getOrDefault("kind", "traffic"));
                d.put("idempotency_key", intent.key());
                d.put("reconciled", "true");
                j.record(j.event("rollback.step", engine.stageName(), engine.actor(), d));
                engine.rollbacks().confirmedByReconciling(intent.key());
            }
            default -> { }
        }
    }

    /** Intents whose outcome a person must settle, from the store's events. */
    static boolean awaiting(AuditEvent e) {
        return e.type().equals("recovery.needs_person");
    }
}
