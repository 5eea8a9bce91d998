package dev.rampart.spi;

import dev.rampart.domain.plan.RollbackStep;

/**
 * Moves traffic between the previous and the new version of one service in a real deployment system (a router,
 * a feature-flag file, a deploy command, a webhook). One instance serves one rollout.
 *
 * <p><b>Exactly once.</b> Every changing call carries an idempotency key. Rampart persists its intent under that key
 * before the call and the outcome after it; after a crash it may repeat a call with the same key, and an adapter
 * must then not apply the change twice (for a weight change, setting the same weights again is enough).
 *
 * <p><b>Confirmation.</b> Changing calls return the split actually in effect once the system has confirmed it, and
 * block until then (or throw). Rampart measures rollback time from its decision to that return.
 *
 * <p><b>Errors.</b> Throw {@link AdapterException}; never return a guess. Consecutive errors trip the rollout's
 * circuit breaker. Implementations are called from one thread at a time per rollout.
 *
 * <p><b>Recovery.</b> After a crash Rampart settles an unfinished change by asking {@link #currentWeights()}. When the
 * answer cannot tell whether the change happened (the adapter cannot report its weights, or reports one number that
 * fits before and after), it repeats the change with the same key only if {@link #harmlessToRepeat} says so;
 * otherwise the rollout waits for a person with the evidence. An adapter whose idempotency survives a restart (the
 * system it drives remembers keys, or repeating the change is a no-op) should say so.
 *
 * <p><b>Rollback steps.</b> After traffic is back on the previous version, Rampart runs the plan's
 * {@code rollback_steps} one by one, application before database. An adapter that
 * {@link #performsRollbackSteps() performs them} gets each one through {@link #rollbackStep}; otherwise Rampart runs a
 * step's {@code command} itself, and a step without one cannot be performed (the rollback then fails as an incident).
 */
public interface DeploymentAdapter {

    /**
     * Routes traffic as {@code desired} says and returns the weights confirmed by the deployment system.
     *
     * @param desired        percent of all traffic per cohort on the new version; see {@link TrafficSplit}
     * @param idempotencyKey unique per intended change; a repeated key must not apply the change twice
     */
    TrafficSplit applyTraffic(TrafficSplit desired, String idempotencyKey) throws AdapterException;

    /** Sends all traffic to the new version (the end of a rollout, or {@code promote --force}); returns the result. */
    TrafficSplit promote(String idempotencyKey) throws AdapterException;

    /**
     * Sends all traffic back to the previous version, undoing the deployment if the system needs that, and returns
     * once it is confirmed (normally {@link TrafficSplit#none()}).
     */
    TrafficSplit rollback(String idempotencyKey) throws AdapterException;

    /** What the deployment system says about its own health; cheap enough to call every tick. */
    Health health() throws AdapterException;

    /**
     * The weights actually in effect now, as the deployment system reports them; used to reconcile after a crash.
     * A system that only knows the new version's share may answer {@code {"*": percent}}.
     *
     * @throws AdapterException when the weights cannot be known (then {@link #harmlessToRepeat} decides)
     */
    TrafficSplit currentWeights() throws AdapterException;

    /**
     * Whether this adapter performs the plan's rollback steps itself ({@link #rollbackStep}); by default it does not,
     * and Rampart runs each step's command on its own machine.
     */
    default boolean performsRollbackSteps() {
        return false;
    }

    /**
     * Performs one rollback step ({@code name}, {@code kind} such as {@code application} or {@code database}, and an
     * optional argv {@code command}), after traffic is back on the previous version; returns once it is done.
     *
     * @param idempotencyKey unique per step and attempt; a repeated key must not perform the step twice
     * @throws AdapterException when the step failed or its outcome is unknown
     */
    default void rollbackStep(RollbackStep step, String idempotencyKey) throws AdapterException {
        throw new AdapterException("this adapter does not perform rollback steps", null, false);
    }

    /**
     * Rollback steps the adapter itself needs after traffic is back (the command adapter's configured
     * {@code database_downgrade}), run when the plan lists no {@code rollback_steps} of its own. By default none.
     */
    default java.util.List<RollbackStep> ownRollbackSteps() {
        return java.util.List.of();
    }

    /**
     * Whether repeating a change of this kind with the same idempotency key, by a new process after a crash, is
     * harmless (setting the same weights again, a receiver that remembers keys). By default it is not: Rampart then
     * asks a person rather than risk running a deploy or a database downgrade twice.
     */
    default boolean harmlessToRepeat(ChangeKind kind) {
        return false;
    }
}
