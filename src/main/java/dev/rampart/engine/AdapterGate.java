package dev.rampart.engine;

import dev.rampart.domain.repo.IntentRepository;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.TrafficSplit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every changing adapter call goes through here: its intent is persisted under an idempotency key before the call
 * and finished with the outcome after it; consecutive errors are counted for the circuit breaker. An adapter that
 * throws an unchecked exception has failed just the same. With a timeout, a call that does not return in time
 * leaves its intent pending (its effect is unknown) and the gate {@link #unsettled()} until it is reconciled.
 */
final class AdapterGate {
    private final DeploymentAdapter adapter;
    private final IntentRepository intents;
    private final Clock clock;
    private final long rolloutId;
    private int sequence;
    private final Duration timeout;
    private int consecutiveErrors;
    private boolean unsettled;

    AdapterGate(DeploymentAdapter adapter, IntentRepository intents, Clock clock, long rolloutId, Duration timeout) {
        this.timeout = timeout;
        this.adapter = adapter;
        this.intents = intents;
        this.clock = clock;
        this.rolloutId = rolloutId;
        this.sequence = intents.all(rolloutId).size();
    }

    /** The split the adapter confirmed; {@code stage} is the stage index the split belongs to. */
    Call apply(TrafficSplit desired, int stage, String stageName) throws GateException {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("stage", Integer.toString(stage));
        desired.weights().forEach((c, w) -> payload.put("weight." + c, Double.toString(w)));
        return call("apply", stageName, payload, key -> adapter.applyTraffic(desired, key));
    }

    Call promote(int stage) throws GateException {
        return call("promote", "all", Map.of("stage", Integer.toString(stage)), adapter::promote);
    }

    Call rollback(int stage) throws GateException {
        return call("rollback", "previous", Map.of("stage", Integer.toString(stage)), adapter::rollback);
    }

    int consecutiveErrors() {
        return consecutiveErrors;
    }

    DeploymentAdapter adapter() {
        return adapter;
    }

    private Call call(String action, String what, Map<String, String> payload, Action call) throws GateException {
        String key = "rollout-" + rolloutId + "-" + (++sequence) + "-" + action + "-" + what;
        Intent intent = Intent.pending(rolloutId, key, action, payload, clock.instant());
        intents.record(intent);
        try {
            TrafficSplit confirmed = timeout == null ? call.run(key) : withTimeout(call, key);
            intents.finish(intent.finish(IntentStatus.DONE, "confirmed " + confirmed.weights(), clock.instant()));
            consecutiveErrors = 0;
            return new Call(key, confirmed);
        } catch (TimeoutException e) {
            consecutiveErrors++;
            unsettled = true;
            throw new GateException(action, key, "no answer within " + timeout + "; effect unknown, to be reconciled",
                    consecutiveErrors);
        } catch (AdapterException | RuntimeException e) {
            consecutiveErrors++;
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            intents.finish(intent.finish(IntentStatus.FAILED, message, clock.instant()));
            throw new GateException(action, key, message, consecutiveErrors);
        }
    }

    /** Whether a timed-out call left an intent whose effect nobody knows yet. */
    boolean unsettled() {
        return unsettled;
    }

    void settled() {
        unsettled = false;
    }

    /** Runs the call on its own daemon thread, never interrupted (it may be inside I/O that must not be cut). */
    private TrafficSplit withTimeout(Action call, String key) throws AdapterException, TimeoutException {
        CompletableFuture<TrafficSplit> answer = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                answer.complete(call.run(key));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        }, "adapter " + key);
        t.setDaemon(true);
        t.start();
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    @FunctionalInterface
    private interface Action {
        TrafficSplit run(String idempotencyKey) throws AdapterException;
    }

    /** An adapter call failed; the intent says so. */
    static final class GateException extends Exception {
        final String action;
        final String key;
        final int consecutiveErrors;

        GateException(String action, String key, String message, int consecutiveErrors) {
            super(message);
            this.action = action;
            this.key = key;
            this.consecutiveErrors = consecutiveErrors;
        }

        Map<String, String> data() {
            return Map.of("action", action, "idempotency_key", key, "error", getMessage(),
                    "consecutive_errors", Integer.toString(consecutiveErrors));
        }
    }
}
