package dev.rampart.engine.chaos;

import dev.rampart.domain.plan.RollbackStep;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.ChangeKind;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;

/** Hands every call to another deployment system, with a hook before each changing call. */
class Delegate implements DeploymentAdapter {
    private final DeploymentAdapter inner;

    Delegate(DeploymentAdapter inner) {
        this.inner = inner;
    }

    protected void before() throws AdapterException {
    }

    @Override
    public TrafficSplit applyTraffic(TrafficSplit desired, String key) throws AdapterException {
        before();
        return inner.applyTraffic(desired, key);
    }

    @Override
    public TrafficSplit promote(String key) throws AdapterException {
        before();
        return inner.promote(key);
    }

    @Override
    public TrafficSplit rollback(String key) throws AdapterException {
        before();
        return inner.rollback(key);
    }

    @Override
    public boolean performsRollbackSteps() {
        return inner.performsRollbackSteps();
    }

    @Override
    public void rollbackStep(RollbackStep step, String key) throws AdapterException {
        before();
        inner.rollbackStep(step, key);
    }

    @Override
    public boolean harmlessToRepeat(ChangeKind kind) {
        return inner.harmlessToRepeat(kind);
    }

    @Override
    public Health health() throws AdapterException {
        return inner.health();
    }

    @Override
    public TrafficSplit currentWeights() throws AdapterException {
        return inner.currentWeights();
    }
}
