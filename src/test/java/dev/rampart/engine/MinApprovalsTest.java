package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.plan.Approvals;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** N of M: {@code approvals.min_approvals} of a gate's roles let it open. */
class MinApprovalsTest {
    private static final List<Stage> STAGES = List.of(Stage.of("canary", 10, Duration.ofMinutes(30)),
            Stage.of("ga", 100, null));

    @Test
    void twoOfThreeRolesOpenTheStartGate() {
        Rig rig = rig(new Approvals(List.of("product", "security", "infrastructure"), true, 2), Set.of("product"));
        assertThat(rig.runTo(Duration.ofHours(1)).stageIndex()).isEqualTo(-1);
        assertThat(rig.events("rollout.waiting")).last().satisfies(e ->
                assertThat(e.data().get("for")).isEqualTo("sign-off by 1 more of security, infrastructure"));

        Rig two = rig(new Approvals(List.of("product", "security", "infrastructure"), true, 2),
                Set.of("product", "security"));
        assertThat(two.runTo(Duration.ofHours(2)).state()).isEqualTo(RolloutState.COMPLETED);
    }

    @Test
    void withoutMinApprovalsEveryRoleIsNeeded() {
        Rig rig = rig(new Approvals(List.of("product", "security"), true, null), Set.of("product"));
        assertThat(rig.runTo(Duration.ofHours(1)).stageIndex()).isEqualTo(-1);
        assertThat(rig.events("rollout.waiting")).last().satisfies(e ->
                assertThat(e.data().get("for")).isEqualTo("sign-off by security"));
    }

    @Test
    void theStartersSignatureDoesNotCountTowardsN() {
        ApprovalBook book = (id, stage, role, due) -> Optional.of(new SignOff(role, stage,
                role.equals("product") ? "priya" : "olga", due, "", false));
        Rig rig = new Rig(Plans.plan(STAGES, List.of(), null, new Approvals(List.of("product", "security",
                "infrastructure"), true, 2)), Scenario.quiet(1), new MemoryRollouts(), new MemoryIntents(), a -> a, book);
        assertThat(rig.runTo(Duration.ofHours(1)).stageIndex()).isEqualTo(-1);
    }

    private static Rig rig(Approvals approvals, Set<String> signed) {
        ApprovalBook book = (id, stage, role, due) -> signed.contains(role)
                ? Optional.of(new SignOff(role, stage, "priya", due, "", false)) : Optional.empty();
        return new Rig(Plans.plan(STAGES, List.of(), null, approvals), Scenario.quiet(1), new MemoryRollouts(),
                new MemoryIntents(), a -> a, book);
    }
}
