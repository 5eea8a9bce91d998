package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.plan.ChecklistItem;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Preconditions block the start; a stage's checklist blocks leaving it (item 4). */
class GatesTest {
    private static final ApprovalBook NOBODY_SIGNED = (id, stage, role, due) -> Optional.empty();

    static Plan plan(List<ChecklistItem> preconditions, List<ChecklistItem> canaryChecklist) {
        Plan p = Plans.plan(List.of(new Stage("canary", 10, null, Duration.ofMinutes(30), null, null, null, null,
                canaryChecklist, null, null), Stage.of("ga", 100, Duration.ofMinutes(30))), List.of());
        return new Plan(p.schema(), p.changeId(), p.service(), p.version(), p.previousVersion(), p.owner(), null,
                p.stages(), p.haltRules(), null, preconditions, null, null, null, p.adapter(), p.metrics(), null,
                null);
    }

    @Test
    void anUnsignedPreconditionBlocksTheStart() {
        Rig rig = new Rig(plan(List.of(new ChecklistItem("Backup snapshot tested", "infrastructure", null)),
                List.of()), Scenario.quiet(1), new MemoryRollouts(), new MemoryIntents(), a -> a, NOBODY_SIGNED);

        rig.runTo(Duration.ofHours(2));

        assertThat(rig.engine.rollout().stageIndex()).isEqualTo(-1);
        assertThat(rig.fleet.weights().newVersionPercent()).isZero();
    }

    @Test
    void anUnsignedChecklistItemBlocksLeavingTheStage() {
        Rig rig = new Rig(plan(List.of(), List.of(new ChecklistItem("Team feedback collected", "engineering", null))),
                Scenario.quiet(1), new MemoryRollouts(), new MemoryIntents(), a -> a, NOBODY_SIGNED);

        rig.runTo(Duration.ofHours(2));

        assertThat(rig.engine.rollout().stageIndex()).isZero();
        assertThat(rig.fleet.weights().newVersionPercent()).isEqualTo(10);
    }
}
