package dev.rampart.engine.access;

import dev.rampart.adapters.simulator.Scenario;
import dev.rampart.adapters.simulator.SimulatedFleet;
import dev.rampart.adapters.simulator.SimulatorAdapter;
import dev.rampart.adapters.simulator.SimulatorMetrics;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.Deployment;
import dev.rampart.engine.EngineSettings;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.format.PlanFormat;
import dev.rampart.format.PlanImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every action of the service layer (what the console, the CLI and the agent call), refused to every role the
 * table of product.md forbids it, with nothing changed; and allowed to the release owner.
 */
class RolloutServiceAccessTest {
    @TempDir
    Path folder;
    @TempDir
    Path files;
    AccessRig rig;
    RolloutService service;
    long id;

    @BeforeEach
    void open() {
        rig = new AccessRig(folder);
        rig.people.add("root", "adm", "Admin only", List.of(Role.ADMIN), null);
        AccessServices services = new AccessServices(rig.access, rig.people, rig.signatures,
                new SignedApprovals(rig.signatures), rig.reviews);
        service = new RolloutService(rig.store.plans(), rig.store.rollouts(), rig.store.intents(),
                services.approvals(), (plan, rolloutId, anchor) -> {
                    SimulatedFleet fleet = new SimulatedFleet(Scenario.quiet(1), anchor, rig.clock);
                    return new Deployment("simulator", new SimulatorAdapter(fleet, rig.clock::advance,
                            Duration.ofSeconds(8)), new SimulatorMetrics(fleet), n -> { }, rig.clock, null);
                }, rig.clock, EngineSettings.defaults(), rig.format, services);
        id = service.start(rig.plan.id(), "ana").id();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    /** Each action a release owner takes, as the service layer offers it. */
    private Map<String, Consumer<String>> actions() {
        Map<String, Consumer<String>> a = new LinkedHashMap<>();
        a.put("start", who -> service.start(rig.plan.id(), who));
        a.put("pause", who -> service.pause(id, who, "look"));
        a.put("resume", who -> service.resume(id, who));
        a.put("rollback", who -> service.rollback(id, who, "bad"));
        a.put("promote", who -> service.promote(id, who, "hotfix", AccessRig.pass(who)));
        a.put("kill switch", who -> service.setKillSwitch(id, "canary", false, who));
        a.put("traffic", who -> service.setTraffic(id, "canary", 50, who));
        a.put("import", who -> catalog(who).importText("p.json", AccessRig.PLAN.replace("REL-7", "REL-99")));
        return a;
    }

    @Test
    void observersApproversAndAdminsCannotStartSteerRollBackPromoteOrImport() {
        assertThat(rig.store.rollouts().find(id).get().state()).isEqualTo(RolloutState.RUNNING);
        for (String who : List.of("olga", "priya", "sam", "adm")) {
            actions().forEach((what, action) -> {
                long events = rig.store.audit().count();
                int plans = rig.store.plans().list().size();
                assertThatThrownBy(() -> action.accept(who)).as(who + " " + what)
                        .isInstanceOf(NotPermittedException.class)
                        .hasMessageStartingWith(who + " holds ").hasMessageContaining("needs release_owner");
                assertThat(rig.store.audit().count()).as(who + " " + what + " left no trace").isEqualTo(events);
                assertThat(rig.store.plans().list()).hasSize(plans);
            });
        }
        assertThat(rig.store.rollouts().list()).hasSize(2); // AccessRig's and the one started here
        assertThat(rig.store.rollouts().find(id).get().state()).isEqualTo(RolloutState.RUNNING);
    }

    @Test
    void strangersAreRefusedEverything() {
        actions().forEach((what, action) -> assertThatThrownBy(() -> action.accept("mallory")).as(what)
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("Nobody called mallory"));
    }

    @Test
    void theReleaseOwnerMay() {
        assertThat(service.pause(id, "ana", "look").state()).isEqualTo(RolloutState.PAUSED);
        assertThat(service.resume(id, "ana").state()).isEqualTo(RolloutState.RUNNING);
        assertThat(catalog("ana").importText("p.json", AccessRig.PLAN.replace("REL-7", "REL-99")).ok()).isTrue();
        assertThat(service.rollback(id, "ana", "bad").state()).isIn(RolloutState.ROLLED_BACK, RolloutState.ROLLING_BACK);
    }

    @Test
    void anObserverRequestsAPauseAndNothingElseHappens() {
        service.requestPause(id, "olga", "latency looks odd");
        List<AuditEvent> events = rig.store.rollouts().events(id);
        assertThat(events.get(events.size() - 1)).satisfies(e -> {
            assertThat(e.type()).isEqualTo("rollout.pause_requested");
            assertThat(e.actor()).isEqualTo("olga");
        });
        assertThat(rig.store.rollouts().find(id).get().state()).isEqualTo(RolloutState.RUNNING);
        assertThat(service.requestPause(id, "ana", "agreed").state()).isEqualTo(RolloutState.PAUSED);
    }

    @Test
    void anEmergencyPromoteAsksForThePassphraseAndIsFlaggedForReview() {
        char[] wrong = "guess".toCharArray();
        assertThatThrownBy(() -> service.promote(id, "ana", "hotfix", wrong))
                .isInstanceOf(WrongPassphraseException.class);
        assertThat(wrong).containsOnly('\0');
        assertThat(rig.store.rollouts().find(id).get().state()).isEqualTo(RolloutState.RUNNING);

        Rollout r = service.promote(id, "ana", "payments down without 2.1.0", AccessRig.pass("ana"));

        assertThat(r.state()).isEqualTo(RolloutState.COMPLETED);
        assertThat(rig.signatures.list(id)).singleElement().satisfies(s -> {
            assertThat(s.item()).isEqualTo("emergency promote");
            assertThat(s.comment()).isEqualTo("payments down without 2.1.0");
        });
        assertThat(rig.reviews.open()).singleElement().satisfies(f -> assertThat(f.type()).isEqualTo("rollout.promoted"));
    }

    private StoredPlanCatalog catalog(String actor) {
        PlanFormat format = new PlanFormat();
        return new StoredPlanCatalog(rig.store.plans(), rig.store.rollouts(), new PlanImporter(format), format,
                rig.access, actor);
    }

}
