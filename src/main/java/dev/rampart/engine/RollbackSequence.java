package dev.rampart.engine;

import dev.rampart.domain.plan.RollbackStep;
import dev.rampart.domain.repo.ConcurrentChangeException;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rolling back, as a durable sequence: step 0 sends every cohort back to the previous version, then each of the
 * plan's {@code rollback_steps} runs in order (application before database). Each step is its own intent and, once
 * confirmed, its own {@code rollback.step} event; after a crash the sequence resumes at the first step not confirmed
 * and never repeats a confirmed one. {@code rollback_time_seconds} runs from the decision to the last confirmation
 * and is recorded in every case. A failed step is retried each tick; after as many consecutive failures as the
 * circuit breaker allows the rollback is {@code rollback_failed}, an incident.
 *
 * <p>A store that refuses writes never stops a rollback: the adapter calls go on (their keys are deterministic), what
 * could not be written is kept here and written as soon as the store takes it.
 */
final class RollbackSequence {
    static final String TRAFFIC_STEP = "Traffic back to the previous version";
    private final RolloutEngine engine;
    private final List<NewEvent> backlog = new ArrayList<>();
    private final Set<Integer> doneHere = new HashSet<>();
    private Instant decidedHere;
    private int failuresHere;
    private String lastKey;
    private boolean lastByReconciling;

    RollbackSequence(RolloutEngine engine) {
        this.engine = engine;
    }

    /** The step name of sequence step {@code index} in idempotency keys. */
    static String step(int index) {
        return "rollback-" + index;
    }

    /**
     * Whether this process decided a rollback the store has not fully taken yet (it refused writes): the rollback
     * goes on from here whatever the stored state says, until it is written.
     */
    boolean unwritten() {
        return !backlog.isEmpty();
    }

    Rollout begin(String actor, String why, List<NewEvent> before) {
        Journal j = engine.journal();
        decidedHere = engine.parts().clock().instant();
        failuresHere = 0;
        List<NewEvent> events = new ArrayList<>(before);
        events.add(j.event("rollout.rolling_back", engine.stageName(), actor, Map.of("reason", why)));
        if (!write(() -> j.commit(RolloutState.ROLLING_BACK, engine.stageIndex(), events))) {
            backlog.addAll(events);
        }
        before.forEach(engine.notices()::tell);
        return attempt();
    }

    /** Runs every step not yet confirmed, in order, stopping at the first that fails. */
    Rollout attempt() {
        Journal j = engine.journal();
        flush();
        if (!engine.ledger().awaitingPerson().isEmpty()) {
            return j.rollout(); // a step's outcome is unknown: a person settles it first
        }
        List<RollbackStep> steps = engine.rollbackSteps();
        for (int i = 0; i <= steps.size(); i++) {
            if (done(i)) {
                continue;
            }
            String running = "-" + step(i) + "-attempt-";
            if (engine.gate().inFlight().stream().anyMatch(k -> k.contains(running))) {
                return j.rollout(); // its earlier attempt still runs: never start the same step twice
            }
            try {
                Map<String, String> data = run(i, i == 0 ? null : steps.get(i - 1));
                doneHere.add(i);
                failuresHere = 0;
                lastByReconciling = false;
                record(j.event("rollback.step", engine.stageName(), engine.actor(), data));
            } catch (AdapterGate.Unsettled e) {
                return j.rollout(); // an earlier attempt at this step may still land, or did: settled first
            } catch (AdapterGate.GateException e) {
                return failed(e);
            } catch (NotPerformable e) {
                return rollbackFailed(e.getMessage(), 0);
            }
        }
        AdapterGate gate = engine.gate();
        if (!gate.inFlight().isEmpty()) {
            // a change still running on a thread could land after traffic is back: wait for it, within reason
            Duration hung = gate.longestInFlight();
            Duration limit = engine.parts().settings().adapterTimeout() == null ? Duration.ofMinutes(10)
                    : engine.parts().settings().adapterTimeout().multipliedBy(10);
            if (hung.compareTo(limit) > 0) {
                return rollbackFailed("adapter calls " + gate.inFlight() + " hang for " + hung.toSeconds()
                        + " s: traffic was sent back, but a late effect of theirs cannot be ruled out", 0);
            }
            return j.rollout();
        }
        List<String> late = gate.takeLateEffects().stream().filter(k -> !k.contains("-" + step(0) + "-")).toList();
        if (!late.isEmpty()) {
            // a change took effect after traffic was sent back: send it back again
            try {
                AdapterGate.Call again = gate.rollbackTraffic(engine.stageIndex());
                lastKey = again.key();
                record(j.event("rollback.step", engine.stageName(), engine.actor(), Map.of("index", "0",
                        "name", TRAFFIC_STEP, "kind", "traffic", "idempotency_key", again.key(),
                        "again_after", String.join(", ", late))));
            } catch (AdapterGate.GateException e) {
                return failed(e);
            }
        }
        return finished(lastKey, lastByReconciling);
    }

    /** Reconciling found step {@code key} done after a restart; when it was the last, the rollback is over. */
    void confirmedByReconciling(String key) {
        lastKey = key;
        lastByReconciling = true;
        if (engine.rollout().state() == RolloutState.ROLLING_BACK && firstUndone() < 0) {
            finished(key, true);
        }
    }

    private boolean done(int index) {
        return doneHere.contains(index) || engine.ledger().rollbackStepsDone().contains(index);
    }

    private Map<String, String> run(int index, RollbackStep step) throws AdapterGate.GateException, NotPerformable {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("index", Integer.toString(index));
        data.put("name", step == null ? TRAFFIC_STEP : step.name());
        data.put("kind", step == null ? "traffic" : String.valueOf(step.kind()));
        AdapterGate gate = engine.gate();
        if (step == null) {
            AdapterGate.Call call = gate.rollbackTraffic(engine.stageIndex());
            lastKey = call.key();
            data.put("weights", call.confirmed().weights().toString());
        } else if (gate.adapter().performsRollbackSteps()) {
            lastKey = gate.rollbackStep(step, index).key();
        } else if (!step.command().isEmpty()) {
            AdapterGate.CommandCall call = gate.rollbackCommand(step, index, engine.parts().commands());
            lastKey = call.key();
            data.put("argv", String.join(" ", call.outcome().argv()));
            data.put("exit_code", Integer.toString(call.outcome().exitCode()));
            data.put("output", Checklists.bounded(call.outcome().output(), Checklists.OUTPUT_KEPT));
        } else {
            throw new NotPerformable("rollback step " + index + " (\"" + step.name() + "\") has no command, and the "
                    + "deployment adapter does not perform rollback steps: nobody can perform it");
        }
        data.put("idempotency_key", lastKey);
        return data;
    }

    private Rollout failed(AdapterGate.GateException e) {
        Journal j = engine.journal();
        failuresHere++;
        record(j.event("adapter.failed", engine.stageName(), engine.actor(), e.data()));
        int count = Math.max(failuresHere, engine.ledger().consecutiveAdapterErrors());
        if (count < engine.parts().settings().circuitBreakerErrors()) {
            return j.rollout();
        }
        return rollbackFailed(String.valueOf(e.getMessage()), count);
    }

    /** The rollback cannot go on without a person: an incident, and the state says so. */
    Rollout rollbackFailed(String error, int attempts) {
        Journal j = engine.journal();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("reason", String.valueOf(engine.ledger().rollbackReason()));
        data.put("attempts", Integer.toString(attempts));
        data.put("error", error);
        data.put("incident", "true");
        data.put("next_step", Integer.toString(firstUndone()));
        NewEvent failed = j.event("rollout.rollback_failed", engine.stageName(), engine.actor(), data);
        if (!write(() -> j.commit(RolloutState.ROLLBACK_FAILED, engine.stageIndex(), failed))) {
            backlog.add(failed);
        }
        engine.notices().tell(failed);
        return j.rollout();
    }

    private int firstUndone() {
        for (int i = 0; i <= engine.rollbackSteps().size(); i++) {
            if (!done(i)) {
                return i;
            }
        }
        return -1;
    }

    /** Every step confirmed (now, or as found when reconciling after a restart). */
    Rollout finished(String key, boolean reconciled) {
        Journal j = engine.journal();
        Instant confirmedAt = engine.parts().clock().instant();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("reason", String.valueOf(engine.ledger().rollbackReason()));
        if (key != null) {
            data.put("idempotency_key", key);
        }
        Instant decided = engine.ledger().rollingBackSince() != null ? engine.ledger().rollingBackSince() : decidedHere;
        if (decided != null) {
            data.put("rollback_time_seconds",
                    RuleReading.number(Duration.between(decided, confirmedAt).toMillis() / 1000.0));
        }
        if (reconciled) {
            data.put("reconciled", "true");
        }
        data.put("steps", Integer.toString(engine.rollbackSteps().size() + 1));
        Map<String, String> withRate;
        try {
            withRate = engine.errorRateData(data);
        } catch (RuntimeException storeDown) {
            withRate = data;
        }
        NewEvent done = j.event("rollout.rolled_back", engine.stageName(), engine.actor(), withRate);
        if (backlog.isEmpty() && write(() -> j.commit(RolloutState.ROLLED_BACK, engine.stageIndex(), done))) {
            engine.notices().tell(done);
        }
        return j.rollout();
    }

    /** A person confirmed that step {@code index}, whose outcome was unknown, did run. */
    void confirmedByPerson(int index, String actor) {
        Journal j = engine.journal();
        List<RollbackStep> steps = engine.rollbackSteps();
        if (index < 0 || index > steps.size()) {
            throw new IllegalArgumentException("the rollback has steps 0 to " + steps.size() + ", not " + index);
        }
        RollbackStep step = index == 0 ? null : steps.get(index - 1);
        j.record(j.event("rollback.step", engine.stageName(), actor, Map.of("index", Integer.toString(index),
                "name", step == null ? TRAFFIC_STEP : step.name(), "kind",
                step == null ? "traffic" : String.valueOf(step.kind()), "confirmed_by", actor)));
    }

    private void record(NewEvent e) {
        if (!backlog.isEmpty() || !write(() -> engine.journal().record(e))) {
            backlog.add(e);
        }
    }

    /** Writes what the store refused earlier, in order, as far as it takes it now. */
    private void flush() {
        while (!backlog.isEmpty()) {
            NewEvent e = backlog.get(0);
            Journal j = engine.journal();
            boolean ok = e.type().equals("rollout.rolling_back")
                    ? write(() -> j.commit(RolloutState.ROLLING_BACK, engine.stageIndex(), e))
                    : write(() -> j.record(e));
            if (!ok) {
                return;
            }
            backlog.remove(0);
        }
    }

    /** Runs a store write; false when the store refused it (it is tried again later). */
    private boolean write(Runnable w) {
        for (int tries = 0; tries < 2; tries++) {
            try {
                w.run();
                return true;
            } catch (ConcurrentChangeException e) {
                try {
                    engine.journal().refresh();
                } catch (RuntimeException storeDown) {
                    return false;
                }
            } catch (RuntimeException storeDown) {
                return false;
            }
        }
        return false;
    }

    /** A step nobody can perform: no command, and an adapter that does not perform steps. */
    private static final class NotPerformable extends Exception {
        NotPerformable(String message) {
            super(message);
        }
    }
}
