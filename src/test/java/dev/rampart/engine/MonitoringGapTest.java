package dev.rampart.engine;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.Notice;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000's failure path: when monitoring goes dark, an incident is logged and told, once per gap. */
class MonitoringGapTest {
    @Test
    void aGapIsAnIncidentToldOnceAndItsEndIsRecorded() {
        VirtualClock clock = new VirtualClock(DryRun.DEFAULT_START);
        SimulatedFleet fleet = new SimulatedFleet(Scenario.quiet(5), DryRun.DEFAULT_START, clock);
        SimulatorMetrics real = new SimulatorMetrics(fleet);
        AtomicBoolean dark = new AtomicBoolean();
        MetricSource flaky = (cohorts, metrics, from, to) -> {
            if (dark.get()) {
                throw new AdapterException("prometheus at 127.0.0.1:9090 did not answer");
            }
            return real.read(cohorts, metrics, from, to);
        };
        List<Notice> told = new ArrayList<>();
        MemoryRollouts rollouts = new MemoryRollouts();
        EngineParts parts = new EngineParts(new SimulatorAdapter(fleet, clock::advance, Duration.ofSeconds(8)), flaky,
                told::add, rollouts, new MemoryIntents(), ApprovalBook.assumedWhenDue(), clock,
                EngineSettings.defaults());
        RolloutEngine engine = RolloutEngine.start(PlanRules.parse(Plans.plan(Plans.threeStages(),
                List.of("error_rate > 1% for 5m"))), 1, parts, "olga");
        for (int minute = 0; minute < 5; minute++) {
            clock.advance(Duration.ofMinutes(1));
            engine.tick();
        }
        dark.set(true);
        for (int minute = 0; minute < 4; minute++) {
            clock.advance(Duration.ofMinutes(1));
            engine.tick();
        }
        dark.set(false);
        clock.advance(Duration.ofMinutes(1));
        engine.tick();

        List<String> types = rollouts.events(engine.rollout().id()).stream().map(AuditEvent::type).toList();
        assertThat(types.stream().filter(t -> t.equals("incident.monitoring_gap"))).hasSize(1);
        assertThat(types.indexOf("incident.monitoring_restored")).isGreaterThan(types.indexOf("incident.monitoring_gap"));
        assertThat(told).extracting(Notice::event).containsOnlyOnce("incident.monitoring_gap");
        assertThat(told.stream().filter(n -> n.event().equals("incident.monitoring_gap")).findFirst().orElseThrow()
                .severity()).isEqualTo(Notice.Severity.CRITICAL);
    }
}
