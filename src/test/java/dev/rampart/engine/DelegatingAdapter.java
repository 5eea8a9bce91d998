package dev.rampart.engine;

import dev.rampart.domain.plan.RollbackStep;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.ChangeKind;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;

import java.util.List;

/** Hands every call to another adapter; tests override the calls they want to break. */
class DelegatingAdapter implements DeploymentAdapter {
    final DeploymentAdapter inner;

    DelegatingAdapter(DeploymentAdapter inner) {
        this.inner = inner;
    }

    @Override
    public TrafficSplit applyTraffic(TrafficSplit desired, String key) throws AdapterException {
        return inner.applyTraffic(desired, key);
    }

    @Override
    public TrafficSplit promote(String key) throws AdapterException {
        return inner.promote(key);
    }

    @Override
    public TrafficSplit rollback(String key) throws AdapterException {
        return inner.rollback(key);
    }

    @Override
    public Health health() throws AdapterException {
        return inner.health();
    }

    @Override
    public TrafficSplit currentWeights() throws AdapterException {
        return inner.currentWeights();
    }

    @Override
    public boolean performsRollbackSteps() {
        return inner.performsRollbackSteps();
    }

    @Override
    public void rollbackStep(RollbackStep step, String key) throws AdapterException {
        inner.rollbackStep(step, key);
    }

    @Override
    public List<RollbackStep> ownRollbackSteps() {
        return inner.ownRollbackSteps();
    }

    @Override
    public boolean harmlessToRepeat(ChangeKind kind) {
        return inner.harmlessToRepeat(kind);
    }
}
