package dev.rampart.ui.rollout;

import dev.rampart.ui.CurrentThreadTaskRunner;
import dev.rampart.ui.DemoPlans;
import dev.rampart.ui.ServiceRig;
import dev.rampart.ui.charts.LiveSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Rollout screen's view model on the real engine and simulator, on a virtual clock. */
class RolloutViewModelTest {
    private final CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
    private ServiceRig rig;
    private RolloutViewModel vm;

    @BeforeEach
    void open(@TempDir Path folder) {
        rig = new ServiceRig(folder);
        vm = new RolloutViewModel(rig.service, tasks, tasks, "mona", ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void showsTheRunningRolloutItsLadderAndConfirmedWeights() {
        rig.startEntered(DemoPlans.checkoutCanary());
        rig.minutes(2);

        vm.refresh().execute();

        assertThat(vm.titleProperty().get()).isEqualTo("DEMO-CHECKOUT-2.1.0 · checkout 2.1.0");
        assertThat(vm.stateProperty().get()).isEqualTo("running");
        assertThat(vm.currentStageProperty().get()).isZero();
        assertThat(vm.stages()).extracting(s -> s.name()).containsExactly("internal_test", "friendly_gp", "beta", "ga");
        CohortTraffic internal = vm.cohorts().get(0);
        assertThat(internal.confirmedProperty().get()).isEqualTo(0.5);
        assertThat(internal.adjustableProperty().get()).isTrue();
        assertThat(vm.cohorts().get(1).adjustableProperty().get()).as("not on the new version yet").isFalse();
        assertThat(vm.decisionProperty().get().headline()).isEqualTo("Expanded to the next stage");
        List<LiveSample> samples = new ArrayList<>();
        vm.inbox().drain(samples::add);
        assertThat(samples).extracting(LiveSample::series).contains("internal_test", "stable", "p99", "stable p95");
    }

    @Test
    void aSliderMoveWaitsForConfirmationThenShowsTheAdaptersAnswer() {
        rig.startEntered(DemoPlans.checkoutCanary());
        rig.minutes(1);
        vm.refresh().execute();
        CohortTraffic internal = vm.cohorts().get(0);

        vm.requestTraffic(internal, 2.04);
        assertThat(vm.pendingChangeProperty().get().question())
                .isEqualTo("Move internal_test from 0.5 % to 2 % of all traffic?");
        assertThat(internal.confirmedProperty().get()).as("nothing applied before confirming").isEqualTo(0.5);

        vm.confirmTraffic();

        assertThat(vm.pendingChangeProperty().get()).isNull();
        assertThat(internal.confirmedProperty().get()).isEqualTo(2.0);
        assertThat(internal.desiredProperty().get()).isEqualTo(2.0);
        assertThat(vm.messageProperty().get()).isEqualTo("The adapter confirmed internal_test at 2 %.");
    }

    @Test
    void aSliderWaitingForConfirmationStaysWhereItWasLetGoThroughTheLiveRefresh() {
        rig.startEntered(DemoPlans.checkoutCanary());
        rig.minutes(1);
        vm.refresh().execute();
        CohortTraffic internal = vm.cohorts().get(0);
        internal.desiredProperty().set(7);

        vm.requestTraffic(internal, 7);
        rig.minutes(1);
        vm.refresh().execute();

        assertThat(internal.desiredProperty().get()).isEqualTo(7.0);
        assertThat(internal.confirmedProperty().get()).isEqualTo(0.5);
    }

    @Test
    void cancellingPutsTheSliderBack() {
        rig.startEntered(DemoPlans.checkoutCanary());
        rig.minutes(1);
        vm.refresh().execute();
        CohortTraffic internal = vm.cohorts().get(0);
        internal.desiredProperty().set(7);

        vm.requestTraffic(internal, 7);
        vm.cancelTraffic();

        assertThat(internal.desiredProperty().get()).isEqualTo(0.5);
        assertThat(vm.messageProperty().get()).isEqualTo("Kept internal_test at 0.5 %.");
    }

    @Test
    void anInjectedFaultHaltsTheRolloutAndThePanelExplainsWhy() {
        rig.startEntered(DemoPlans.checkoutCanary());
        rig.minutes(1);
        vm.refresh().execute();
        assertThat(vm.faultsInjectableProperty().get()).isTrue();

        vm.injectFault().execute();
        rig.minutes(7);
        vm.refresh().execute();

        assertThat(vm.stateProperty().get()).isEqualTo("rolled_back");
        DecisionExplanation why = vm.decisionProperty().get();
        assertThat(why.headline()).isEqualTo("Halted by a rule");
        assertThat(why.facts()).extracting(DecisionExplanation.Fact::label)
                .containsExactly("Rule", "Cohort", "Measured", "Threshold", "Window", "When", "Then");
        assertThat(fact(why, "Rule")).isEqualTo("error_rate > 1% for 5m");
        assertThat(fact(why, "Cohort")).isEqualTo("internal_test");
        assertThat(fact(why, "Measured")).startsWith("error_rate = 0.0");
        assertThat(fact(why, "Threshold")).isEqualTo("> 0.01");
        assertThat(fact(why, "Window")).isEqualTo("5 min");
        assertThat(fact(why, "Then")).startsWith("rolled back in ");
        assertThat(vm.controllableProperty().get()).isFalse();
        assertThat(vm.markers()).extracting(m -> m.label()).contains("halted", "rolled back");
        assertThat(vm.notices()).extracting(DesktopNotice::title)
                .contains("Halted: DEMO-CHECKOUT-2.1.0 · internal_test", "Rolled back: DEMO-CHECKOUT-2.1.0");
    }

    private static String fact(DecisionExplanation why, String label) {
        return why.facts().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow().value();
    }
}
