package dev.rampart.engine;

import dev.rampart.domain.plan.RollbackStep;
import dev.rampart.domain.repo.IntentRepository;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.CommandOutcome;
import dev.rampart.spi.CommandRunner;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.TrafficSplit;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every changing adapter call goes through here: its intent is persisted under an idempotency key before the call
 * and finished with the outcome after it. The key is {@code rollout-ID-STEP-attempt-N}: the step ({@code enter-2},
 * {@code traffic-2}, {@code promote}, {@code rollback-0}) and the attempt counted from the intents in the store, so
 * any process computes the same key for the same step, and a second process asking for a step already under way
 * collides on the key instead of acting twice. An adapter that throws an unchecked exception has failed just the
 * same. With a timeout, a call that does not return in time leaves its intent pending (its effect is unknown) until
 * it is reconciled.
 */
final class AdapterGate {
    private final DeploymentAdapter adapter;
    private final IntentRepository intents;
    private final Clock clock;
    private final long rolloutId;
    private final Duration timeout;

    AdapterGate(DeploymentAdapter adapter, IntentRepository intents, Clock clock, long rolloutId, Duration timeout) {
        this.timeout = timeout;
        this.adapter = adapter;
        this.intents = intents;
        this.clock = clock;
        this.rolloutId = rolloutId;
    }

    /** Keys of calls that outlived their timeout and still run on a thread of this process, with when they began. */
    private final Map<String, Long> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    /** Changes that took effect after their caller had stopped waiting: a rollback must undo them again. */
    private final java.util.Queue<String> lateEffects = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private final java.util.concurrent.atomic.AtomicBoolean lateOutcome = new java.util.concurrent.atomic.AtomicBoolean();

    /** Whether a call recorded its own outcome after its caller stopped waiting (once; the reconciler settles it). */
    boolean takeLateOutcome() {
        return lateOutcome.getAndSet(false);
    }

    /** The keys of calls still running after their timeout. Nothing is decided about them until they end. */
    java.util.Set<String> inFlight() {
        return java.util.Set.copyOf(inFlight.keySet());
    }

    /** How long the oldest call in flight has run, or zero. */
    Duration longestInFlight() {
        long now = System.nanoTime();
        return Duration.ofNanos(inFlight.values().stream().mapToLong(t -> now - t).max().orElse(0));
    }

    /** Takes the keys of changes that took effect late (after a timeout), oldest first. */
    java.util.List<String> takeLateEffects() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String k = lateEffects.poll(); k != null; k = lateEffects.poll()) {
            out.add(k);
        }
        return out;
    }

    /** The last attempt at each step this process made: the fallback when the store cannot say (rollback only). */
    private final Map<String, Long> attempts = new java.util.concurrent.ConcurrentHashMap<>();

    /** The key of the next attempt at {@code step}, from the intents in the store. */
    String nextKey(String step) {
        String prefix = prefix(step);
        long earlier = intents.all(rolloutId).stream().filter(i -> i.key().startsWith(prefix)).count();
        return prefix + (earlier + 1);
    }

    /**
     * During a rollback the store may refuse writes; the rollback goes on regardless (the adapter calls carry their
     * keys, and what could not be written is written later). Elsewhere a store that fails stops the change.
     */
    private boolean tolerant(String action) {
        return action.equals("rollback") || action.equals("rollback_step");
    }

    private String prefix(String step) {
        return "rollout-" + rolloutId + "-" + step + "-attempt-";
    }

    /** The split the adapter confirmed; {@code stage} is the stage index the split belongs to. */
    Call apply(TrafficSplit desired, int stage, String step) throws GateException {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("stage", Integer.toString(stage));
        payload.put("step", step);
        desired.weights().forEach((c, w) -> payload.put("weight." + c, Double.toString(w)));
        return call("apply", step, payload, key -> adapter.applyTraffic(desired, key));
    }

    Call promote(int stage) throws GateException {
        return call("promote", "promote", Map.of("stage", Integer.toString(stage), "step", "promote"),
                adapter::promote);
    }

    /** Step 0 of the rollback sequence: every cohort back on the previous version. */
    Call rollbackTraffic(int stage) throws GateException {
        return call("rollback", RollbackSequence.step(0), Map.of("stage", Integer.toString(stage), "step",
                RollbackSequence.step(0), "index", "0"), adapter::rollback);
    }

    /** Step {@code index} (1..) of the rollback sequence, performed by the adapter. */
    Call rollbackStep(RollbackStep step, int index) throws GateException {
        return call("rollback_step", RollbackSequence.step(index), stepPayload(step, index), key -> {
            adapter.rollbackStep(step, key);
            return TrafficSplit.none();
        });
    }

    /** Step {@code index} of the rollback sequence, a command run on this machine; its outcome is the evidence. */
    CommandCall rollbackCommand(RollbackStep step, int index, CommandRunner runner) throws GateException {
        CommandOutcome[] outcome = new CommandOutcome[1];
        Call c = call("rollback_step", RollbackSequence.step(index), stepPayload(step, index), key -> {
            outcome[0] = runner.run(step.command(), step.timeoutOrDefault());
            if (!outcome[0].succeeded()) {
                throw new AdapterException(step.name() + ": " + outcome[0].problem()
                        + (outcome[0].output().isBlank() ? "" : ": " + Checklists.bounded(outcome[0].output(), 500)));
            }
            return TrafficSplit.none();
        });
        return new CommandCall(c.key(), outcome[0]);
    }

    private static Map<String, String> stepPayload(RollbackStep step, int index) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("step", RollbackSequence.step(index));
        p.put("index", Integer.toString(index));
        p.put("name", step.name());
        p.put("kind", String.valueOf(step.kind()));
        return p;
    }

    DeploymentAdapter adapter() {
        return adapter;
    }

    /**
     * Repeats the call of a pending intent with its own key (after a crash, when the adapter says that is harmless)
     * and finishes it with the outcome.
     */
    TrafficSplit repeat(Intent intent, Action call) throws GateException {
        try {
            TrafficSplit confirmed = call.run(intent.key());
            intents.finish(intent.finish(IntentStatus.DONE, "repeated after a restart; confirmed "
                    + confirmed.weights(), clock.instant()));
            return confirmed;
        } catch (AdapterException | RuntimeException e) {
            String message = message(e);
            intents.finish(intent.finish(IntentStatus.FAILED, "repeated after a restart: " + message,
                    clock.instant()));
            throw new GateException(intent.action(), intent.key(), message);
        }
    }

    private Call call(String action, String step, Map<String, String> payload, Action call) throws GateException {
        boolean tolerant = tolerant(action);
        String key;
        try {
            key = nextKey(step);
            refuseIfUnsettled(action, step, intents.all(rolloutId));
        } catch (RuntimeException storeDown) {
            if (!tolerant) {
                throw storeDown;
            }
            refuseIfUnsettled(action, step, java.util.List.of());
            key = prefix(step) + (attempts.getOrDefault(step, 0L) + 1);
        }
        attempts.put(step, Long.parseLong(key.substring(key.lastIndexOf('-') + 1)));
        Intent intent = Intent.pending(rolloutId, key, action, payload, clock.instant());
        write(tolerant, () -> intents.record(intent));
        TrafficSplit confirmed;
        try {
            confirmed = timeout == null ? call.run(key) : withTimeout(call, key, intent, tolerant);
        } catch (TimeoutException e) {
            throw new GateException(action, key, "no answer within " + timeout + "; effect unknown, to be reconciled");
        } catch (AdapterException | RuntimeException e) {
            String message = message(e);
            write(tolerant, () -> intents.finish(intent.finish(IntentStatus.FAILED, message, clock.instant())));
            throw new GateException(action, key, message);
        }
        write(tolerant, () -> intents.finish(intent.finish(IntentStatus.DONE, "confirmed " + confirmed.weights(),
                clock.instant())));
        return new Call(key, confirmed);
    }

    /**
     * A step that happens once (entering a stage, the promotion, a rollback step after traffic is back) is never asked
     * for under a new key while an earlier attempt may still take effect (it runs on a thread after its timeout, or
     * its intent is pending) or already did (done, but its state change not persisted yet: the late call landed
     * after this tick reconciled). Sending traffic back ({@code rollback-0}) and changing a stage's traffic are not
     * such steps. The refusal asks for a reconciliation at the next tick, which settles the earlier attempt.
     */
    private void refuseIfUnsettled(String action, String step, java.util.List<Intent> all) throws Unsettled {
        if (!(step.startsWith("enter-") || step.equals("promote")
                || (step.startsWith("rollback-") && !step.equals(RollbackSequence.step(0))))) {
            return;
        }
        String prefix = prefix(step);
        String earlier = inFlight.keySet().stream().filter(k -> k.startsWith(prefix)).findFirst()
                .orElseGet(() -> all.stream().filter(i -> i.key().startsWith(prefix))
                        .filter(i -> i.status() == IntentStatus.PENDING || i.status() == IntentStatus.DONE)
                        .map(Intent::key).findFirst().orElse(null));
        if (earlier != null) {
            lateOutcome.set(true);
            throw new Unsettled(action, earlier);
        }
    }

    private static void write(boolean tolerant, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            if (!tolerant) {
                throw e;
            }
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Runs the call on its own daemon thread, never interrupted (it may be inside I/O that must not be cut). When the
     * caller stops waiting, the call stays in flight; when it ends, its thread records the outcome on the intent, so
     * the change is settled from what really happened and never asked for a second time meanwhile.
     */
    private TrafficSplit withTimeout(Action call, String key, Intent intent, boolean tolerant)
            throws AdapterException, TimeoutException {
        CompletableFuture<TrafficSplit> answer = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger handoff = new java.util.concurrent.atomic.AtomicInteger();
        inFlight.put(key, System.nanoTime());
        Thread t = new Thread(() -> {
            TrafficSplit r = null;
            Throwable failure = null;
            try {
                r = call.run(key);
            } catch (Throwable e) {
                failure = e;
            }
            boolean late = false;
            try {
                if (failure == null) {
                    answer.complete(r);
                } else {
                    answer.completeExceptionally(failure);
                }
                late = !handoff.compareAndSet(0, 1);
                if (late) {
                    // the caller stopped waiting: the call's own outcome settles it. A store that refuses this write
                    // leaves the intent pending (never failed when it did take effect): the reconciler settles it.
                    Intent outcome = failure == null
                            ? intent.finish(IntentStatus.DONE, "confirmed after the caller stopped waiting: "
                                    + r.weights(), clock.instant())
                            : intent.finish(IntentStatus.FAILED, "failed after the caller stopped waiting: "
                                    + (failure.getMessage() == null ? failure.getClass().getSimpleName()
                                    : failure.getMessage()), clock.instant());
                    if (failure == null) {
                        lateEffects.add(key);
                    }
                    try {
                        write(tolerant, () -> intents.finish(outcome));
                    } catch (RuntimeException storeRefused) {
                        // left pending
                    }
                }
            } finally {
                inFlight.remove(key);
                if (late) {
                    lateOutcome.set(true); // after the outcome is written and the call is out of flight
                }
            }
        }, "adapter " + key);
        t.setDaemon(true);
        t.start();
        try {
            try {
                return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (handoff.compareAndSet(0, 2)) {
                    throw e;
                }
                return answer.get(); // it answered just now, as we gave up: take the answer
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handoff.compareAndSet(0, 2);
            throw new TimeoutException("interrupted while waiting");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AdapterException a) {
                throw a;
            } else if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** A call the adapter confirmed. */
    record Call(String key, TrafficSplit confirmed) {
    }

    /** A rollback step run as a command on this machine. */
    record CommandCall(String key, CommandOutcome outcome) {
    }

    /**
     * A step not asked for again: an earlier attempt ({@code key}) may still take effect or already did. Not an
     * adapter failure; the caller waits, and the next tick settles that attempt from its own outcome.
     */
    static final class Unsettled extends GateException {
        Unsettled(String action, String key) {
            super(action, key, "an earlier attempt, " + key + ", may still take effect or already did; it is settled "
                    + "first, never asked for again under a new key");
        }
    }

    @FunctionalInterface
    interface Action {
        TrafficSplit run(String idempotencyKey) throws AdapterException;
    }

    /** An adapter call failed; the intent says so (or, after a timeout, stays pending). */
    static class GateException extends Exception {
        final String action;
        final String key;

        GateException(String action, String key, String message) {
            super(message);
            this.action = action;
            this.key = key;
        }

        Map<String, String> data() {
            return Map.of("action", action, "idempotency_key", key, "error", String.valueOf(getMessage()));
        }
    }
}
