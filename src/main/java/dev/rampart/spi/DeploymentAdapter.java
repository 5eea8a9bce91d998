package dev.rampart.spi;

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

    /** The weights actually in effect now, as the deployment system reports them; used to reconcile after a crash. */
    TrafficSplit currentWeights() throws AdapterException;
}
