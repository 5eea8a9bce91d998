package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.keys.KeyFolder;
import dev.rampart.format.Format;
import dev.rampart.format.PlanFormat;
import dev.rampart.spi.Notifier;
import dev.rampart.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service layer on a real H2 file, with the simulator on a virtual clock. */
class RolloutServiceTest {
    @TempDir
    Path dir;
    private Store store;
    private final VirtualClock clock = new VirtualClock(DryRun.DEFAULT_START);
    private SimulatedFleet fleet;
    private RolloutService service;
    private AccessServices access;
    private long planId;

    @BeforeEach
    void open() {
        store = Store.open("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), clock);
        Deployments simulator = (plan, rolloutId, anchor) -> {
            fleet = new SimulatedFleet(Scenario.quiet(3), anchor, clock);
            return new Deployment("simulator", new SimulatorAdapter(fleet, clock::advance, Duration.ofSeconds(8)),
                    new SimulatorMetrics(fleet), Notifier.silent(), clock,
                    (cohort, metric, value) -> fleet.inject(new ScenarioEvent(
                            Duration.between(anchor, clock.instant()), cohort, metric, value)));
        };
        access = AccessServices.on(store.people(), store.signatures(), store.rollouts(), store.plans(), store.audit(),
                clock, new KeyFolder(dir.resolve("keys"), 1));
        access.people().found("olga", null, "olga's passphrase".toCharArray());
        service = new RolloutService(store.plans(), store.rollouts(), store.intents(), ApprovalBook.assumedWhenDue(),
                simulator, clock, EngineSettings.defaults(), new PlanFormat(), access);
        Plan plan = Plans.plan(Plans.threeStages(), List.of("error_rate > 1% for 5m"));
        planId = store.plans().add(plan.changeId(), plan.service(), plan.version(), plan.owner(),
                new PlanFormat().write(plan, Format.JSON), "test").id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Rollout minutes(long id, int n) {
        Rollout r = null;
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofMinutes(1));
            r = service.tick(id);
        }
        return r;
    }

    @Test
    void startEntersTheFirstStageAndStatusShowsIt() {
        Rollout r = service.start(planId, "olga");
        assertThat(r.state()).isEqualTo(RolloutState.RUNNING);
        RolloutStatus status = service.status(r.id());
        assertThat(status.currentStage()).isEqualTo(Plans.threeStages().get(0).name());
        assertThat(status.events()).extracting(AuditEvent::type)
                .contains("rollout.scheduled", "rollout.started", "rollout.expanded");
        assertThat(status.confirmedTraffic()).isNotNull();
        assertThat(service.live()).extracting(Rollout::id).containsExactly(r.id());
    }

    @Test
    void aSliderChangeIsConfirmedByTheAdapterAndRecorded() {
        long id = service.start(planId, "olga").id();
        String cohort = service.status(id).currentStage();
        service.setTraffic(id, cohort, 3, "olga");
        RolloutStatus status = service.status(id);
        assertThat(status.confirmedTraffic().weights()).containsEntry(cohort, 3.0);
        assertThat(fleet.weights().weights()).containsEntry(cohort, 3.0);
        assertThat(status.last("traffic.requested").actor()).isEqualTo("olga");
        assertThat(status.last("rollout.traffic_changed").data()).containsEntry("traffic_percent", "3");
        assertThatThrownBy(() -> service.setTraffic(id, cohort, 120, "olga"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 100");
    }

    @Test
    void anInjectedFaultHaltsAndRollsBackNamingTheRule() {
        long id = service.start(planId, "olga").id();
        String cohort = service.status(id).currentStage();
        minutes(id, 2);
        service.injectFault(id, cohort, "error_rate", 0.05);
        Rollout r = minutes(id, 8);
        assertThat(r.state()).isEqualTo(RolloutState.ROLLED_BACK);
        AuditEvent halt = service.status(id).last("rollout.halted");
        assertThat(halt.data()).containsEntry("rule", "error_rate > 1% for 5m").containsKey("value")
                .containsKey("threshold");
        assertThat(service.status(id).last("rollout.rolled_back").data()).containsKey("rollback_time_seconds");
    }

    @Test
    void manualControlsGoThroughTheEngineAndRefuseWhatTheStateForbids() {
        long id = service.start(planId, "olga").id();
        assertThat(service.pause(id, "olga", "looking at dashboards").state()).isEqualTo(RolloutState.PAUSED);
        assertThat(service.resume(id, "olga").state()).isEqualTo(RolloutState.RUNNING);
        assertThat(service.rollback(id, "olga", "bad canary").state()).isEqualTo(RolloutState.ROLLED_BACK);
        assertThatThrownBy(() -> service.pause(id, "olga", "too late")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> service.status(999)).isInstanceOf(NoSuchElementException.class);
        assertThat(service.live()).isEmpty();
    }

    @Test
    void aSecondServiceOnTheSameStoreAttachesAndCarriesOn() {
        long id = service.start(planId, "olga").id();
        RolloutService other = new RolloutService(store.plans(), store.rollouts(), store.intents(),
                ApprovalBook.assumedWhenDue(), (plan, rolloutId, anchor) -> {
                    SimulatedFleet f = new SimulatedFleet(Scenario.quiet(3), anchor, clock);
                    f.failNextAdapterCalls(0, "");
                    return new Deployment("simulator", new SimulatorAdapter(f, clock::advance, Duration.ofSeconds(8)),
                            new SimulatorMetrics(f), Notifier.silent(), clock, null);
                }, clock, EngineSettings.defaults(), new PlanFormat(), access);
        assertThat(other.promote(id, "olga", "hotfix must go out", "olga's passphrase".toCharArray()).state())
                .isEqualTo(RolloutState.COMPLETED);
        assertThat(other.status(id).last("rollout.promoted").data()).containsEntry("review", "required");
        assertThatThrownBy(() -> other.injectFault(id, "x", "error_rate", 1))
                .hasMessageContaining("faults can only be injected into the simulator");
    }

    @Test
    void tickAllTicksEveryLiveRollout() {
        long first = service.start(planId, "olga").id();
        long second = service.start(planId, "olga").id();
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.tickAll()).isEmpty();
        assertThat(service.status(first).rollout().state()).isEqualTo(RolloutState.RUNNING);
        assertThat(service.status(second).rollout().state()).isEqualTo(RolloutState.RUNNING);
    }
}
