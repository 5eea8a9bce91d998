package dev.rampart.ui.calendar;

import dev.rampart.domain.plan.Plan;
import dev.rampart.ui.CurrentThreadTaskRunner;
import dev.rampart.ui.DemoPlans;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarViewModelTest {
    private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
    private final Plan demo = DemoPlans.checkoutCanaryScheduled();
    private final MemoryPlanSchedules schedules = new MemoryPlanSchedules().add(1, demo, 0);
    private final CalendarViewModel vm = new CalendarViewModel(schedules, new CurrentThreadTaskRunner(),
            ZoneId.of("Europe/Berlin"));

    @Test
    void showsStagesDecisionsAndFreezeWindowsWithBothZones() {
        vm.reload().execute();

        assertThat(vm.items()).filteredOn(i -> i.kind() == CalendarItem.Kind.STAGE).extracting(CalendarItem::title)
                .containsExactly("checkout · internal_test 0.5 %", "checkout · friendly_gp 5 %", "checkout · beta 25 %",
                        "checkout · ga 100 %");
        assertThat(vm.items()).filteredOn(i -> i.kind() == CalendarItem.Kind.DECISION).hasSize(3);
        CalendarItem freeze = vm.items().stream().filter(i -> i.kind() == CalendarItem.Kind.FREEZE).findFirst().orElseThrow();
        assertThat(freeze.title()).isEqualTo("Freeze: Holiday freeze");
        assertThat(freeze.start().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 24, 0, 0));
        CalendarItem beta = stage(2);
        assertThat(beta.start()).isEqualTo(LocalDateTime.of(2026, 12, 2, 10, 0).atZone(CAIRO));
        assertThat(vm.zoneTextProperty().get())
                .isEqualTo("Times in Europe/Berlin (your zone) · plans scheduled in Africa/Cairo");
        assertThat(vm.focusDateProperty().get()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void movingAStageIntoAFreezeWindowIsRefusedWithTheReason() {
        vm.reload().execute();

        boolean moved = vm.move(stage(2), LocalDateTime.of(2026, 12, 25, 10, 0).atZone(CAIRO).toInstant());

        assertThat(moved).isFalse();
        assertThat(vm.refusedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("beta cannot start at 25 Dec 10:00 (Africa/Cairo): that is "
                + "inside the freeze window \"Holiday freeze\" from 24 Dec 00:00 to 27 Dec 00:00.");
        assertThat(schedules.notes).isEmpty();
    }

    @Test
    void movingAStageBeforeItsPredecessorIsRefused() {
        vm.reload().execute();

        assertThat(vm.move(stage(2), LocalDateTime.of(2026, 12, 1, 8, 0).atZone(CAIRO).toInstant())).isFalse();

        assertThat(vm.messageProperty().get()).contains("not after its predecessor friendly_gp, which starts at 1 Dec 10:00");
    }

    @Test
    void movingAStageLaterStretchesItsPredecessorAndSavesANewVersion() {
        vm.reload().execute();

        assertThat(vm.move(stage(2), LocalDateTime.of(2026, 12, 3, 10, 0).atZone(CAIRO).toInstant())).isTrue();

        assertThat(vm.refusedProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("beta now starts at 3 Dec 10:00 (Africa/Cairo): friendly_gp "
                + "holds 48 h.").endsWith("Saved as a new version of DEMO-CHECKOUT-2.1.0.");
        assertThat(schedules.plans.get(0).plan().stages().get(1).minDuration()).isEqualTo(Duration.ofHours(48));
        assertThat(stage(3).start()).as("later stages move along")
                .isEqualTo(LocalDateTime.of(2026, 12, 5, 10, 0).atZone(CAIRO));
    }

    @Test
    void theFirstStageMovesTheStartAndAStartedRolloutCannotMove() {
        vm.reload().execute();
        assertThat(vm.move(stage(0), LocalDateTime.of(2026, 12, 2, 9, 0).atZone(CAIRO).toInstant())).isTrue();
        assertThat(schedules.plans.get(0).plan().schedule().start()).isEqualTo(LocalDateTime.of(2026, 12, 2, 9, 0));

        schedules.plans.clear();
        schedules.add(7, demo, 4);
        vm.reload().execute();
        assertThat(vm.move(stage(1), LocalDateTime.of(2026, 12, 3, 9, 0).atZone(CAIRO).toInstant())).isFalse();
        assertThat(vm.messageProperty().get()).contains("its rollout has already been started");
    }

    private CalendarItem stage(int index) {
        return vm.items().stream().filter(i -> i.kind() == CalendarItem.Kind.STAGE && i.stageIndex() == index)
                .findFirst().orElseThrow();
    }
}
