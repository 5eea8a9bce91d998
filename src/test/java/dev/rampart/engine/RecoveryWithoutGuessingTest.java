package dev.rampart.engine;

import dev.rampart.adapters.command.CommandAdapterProvider;
import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.DeploymentAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After a crash, an unfinished step is settled from what the adapter reports, re-applied only when the adapter says
 * that is harmless, and otherwise left to a person (item 8). The deployment system is a real child process.
 */
class RecoveryWithoutGuessingTest {
    @TempDir
    Path dir;

    private DeploymentAdapter commandAdapter(boolean weightsCommand) throws Exception {
        Path deploy = script("deploy", "echo \"$@\" >> calls.log; echo \"$3\" > percent.txt");
        Path current = script("current", "cat percent.txt 2>/dev/null || echo 0");
        Map<String, Object> actions = new LinkedHashMap<>();
        actions.put("apply_traffic", List.of(deploy.toString(), "weight", "{cohort}", "{percent}"));
        actions.put("rollback", List.of(deploy.toString(), "rollback", "0"));
        if (weightsCommand) {
            actions.put("current_weights", List.of(current.toString()));
        }
        Map<String, Object> settings = Map.of("working_directory", dir.toString(), "timeout", "PT30S",
                "environment", Map.of("allow", List.of("PATH")), "actions", actions);
        return new CommandAdapterProvider().create(new AdapterContext("checkout", "2.1.0", "2.0.4", settings,
                Clock.systemUTC()));
    }

    private Path script(String name, String body) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    /** Runs until the process dies right after the adapter moved traffic to 25pct, then starts a new process. */
    private Rig crashAfterSecondStepAndRestart(boolean weightsCommand) throws Exception {
        DeploymentAdapter first = commandAdapter(weightsCommand);
        Rig rig = new Rig(Plans.plan(Plans.threeStages(), List.of()), 1, Scenario.quiet(2), new MemoryRollouts(),
                new MemoryIntents(), a -> ReconciliationTest.crashingOn(first, 2, true),
                ApprovalBook.assumedWhenDue(), EngineSettings.defaults());
        assertThatThrownBy(() -> rig.runTo(Duration.ofMinutes(61))).isInstanceOf(ReconciliationTest.Crash.class);
        EngineParts fresh = new EngineParts(commandAdapter(weightsCommand), rig.parts.metrics(), rig.parts.notifier(),
                rig.parts.rollouts(), rig.parts.intents(), rig.parts.approvals(), rig.parts.clock(),
                rig.parts.settings());
        rig.engine = RolloutEngine.attach(rig.engine.rules(), rig.engine.rollout().id(), fresh);
        return rig;
    }

    @Test
    void aDowngradeCutOffByACrashIsNeitherRepeatedNorSkippedWithoutAPerson() throws Exception {
        Path deploy = script("deploy", "echo \"$@\" >> calls.log");
        dev.rampart.domain.plan.Plan p = Plans.plan(Plans.threeStages(), List.of());
        dev.rampart.domain.plan.Plan plan = new dev.rampart.domain.plan.Plan(p.schema(), p.changeId(), p.service(),
                p.version(), p.previousVersion(), p.owner(), null, p.stages(), p.haltRules(), null, null, null,
                List.of(new dev.rampart.domain.plan.RollbackStep("Re-deploy 2.0.4", "application",
                                List.of(deploy.toString(), "redeploy", "2.0.4")),
                        new dev.rampart.domain.plan.RollbackStep("Downgrade the schema", "database",
                                List.of(deploy.toString(), "alembic-downgrade", "-1"))),
                null, p.adapter(), p.metrics(), null, null);
        DeploymentAdapter first = commandAdapter(false);
        Rig rig = new Rig(plan, 1, Scenario.quiet(2), new MemoryRollouts(), new MemoryIntents(),
                a -> DurableRollbackTest.crashAfterStep(first, "database"), ApprovalBook.assumedWhenDue(),
                EngineSettings.defaults());
        rig.runTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> rig.engine.rollback("olga", "bad canary")).isInstanceOf(ReconciliationTest.Crash.class);

        EngineParts fresh = new EngineParts(commandAdapter(false), rig.parts.metrics(), rig.parts.notifier(),
                rig.parts.rollouts(), rig.parts.intents(), rig.parts.approvals(), rig.parts.clock(),
                rig.parts.settings());
        rig.engine = RolloutEngine.attach(rig.engine.rules(), rig.engine.rollout().id(), fresh);
        rig.runTo(Duration.ofMinutes(15));

        assertThat(rig.engine.rollout().state()).isEqualTo(RolloutState.ROLLBACK_FAILED);
        assertThat(rig.events("rollout.rollback_failed").get(0).data()).containsEntry("incident", "true")
                .containsEntry("next_step", "2");
        assertThat(rig.events("recovery.needs_person")).hasSize(1);

        assertThat(rig.engine.confirmRollbackStep("olga", 2, "alembic current says 2.0.4's revision").state())
                .isEqualTo(RolloutState.ROLLED_BACK);
        assertThat(calls()).containsExactly("weight canary 10", "rollback 0", "redeploy 2.0.4", "alembic-downgrade -1");
        assertThat(rig.events("rollout.rolled_back").get(0).data()).containsKey("rollback_time_seconds");
    }

    private List<String> calls() throws Exception {
        return Files.readAllLines(dir.resolve("calls.log"));
    }

    @Test
    void anAdapterReportingOneNumberIsEnoughToSeeTheStepHappened() throws Exception {
        Rig rig = crashAfterSecondStepAndRestart(true);
        rig.runTo(Duration.ofHours(4));

        assertThat(calls()).containsExactly("weight canary 10", "weight 25pct 25", "weight 100pct 100");
        assertThat(rig.engine.rollout().state()).isEqualTo(RolloutState.COMPLETED);
    }

    @Test
    void anAdapterThatCannotReportItsWeightsLeavesTheStepToAPerson() throws Exception {
        Rig rig = crashAfterSecondStepAndRestart(false);
        rig.runTo(Duration.ofHours(4));

        assertThat(calls()).containsExactly("weight canary 10", "weight 25pct 25");
        assertThat(rig.engine.rollout().state()).isEqualTo(RolloutState.PAUSED);
        AuditEvent paused = rig.events("rollout.paused").get(0);
        assertThat(paused.data().get("reason")).contains("unknown");
        assertThat(paused.data()).containsKey("idempotency_key");
    }
}
