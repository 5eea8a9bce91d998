package dev.rampart.ui.calendar;

import com.calendarfx.view.DayEntryView;
import dev.rampart.domain.plan.FreezeWindow;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Schedule;
import dev.rampart.ui.ControllerFactory;
import dev.rampart.ui.CurrentThreadTaskRunner;
import dev.rampart.ui.DemoPlans;
import dev.rampart.ui.MainWindow;
import dev.rampart.ui.ViewLoader;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A person drags a stage on the week view into a freeze window and is told why it stays where it was. */
@ExtendWith(ApplicationExtension.class)
class CalendarScreenTest {
    private static final ZoneId CAIRO = ZoneId.of("Africa/Cairo");
    private final MemoryPlanSchedules schedules = new MemoryPlanSchedules();

    @Start
    void start(Stage stage) {
        Plan demo = DemoPlans.checkoutCanaryScheduled();
        // A freeze on Wednesday 2 December, the day after the rollout starts, so one drag to the right reaches it.
        Schedule s = demo.schedule();
        Plan frozenThursday = new Plan(demo.schema(), demo.changeId(), demo.service(), demo.version(),
                demo.previousVersion(), demo.owner(), demo.description(), demo.stages(), demo.haltRules(),
                demo.approvals(), demo.preconditions(), demo.smokeTests(), demo.rollbackSteps(),
                new Schedule(s.start(), s.timeZone(), List.of(new FreezeWindow(LocalDateTime.of(2026, 12, 2, 0, 0),
                        LocalDateTime.of(2026, 12, 3, 0, 0), "Payments freeze"))),
                demo.adapter(), demo.metrics(), demo.notifications(), demo.enabled());
        schedules.add(1, frozenThursday, 0);
        CalendarViewModel vm = new CalendarViewModel(schedules, new dev.rampart.ui.FxTaskRunner(), CAIRO);
        ControllerFactory controllers = new ControllerFactory().register(CalendarView.class, () -> new CalendarView(vm));
        Scene scene = new Scene(new ViewLoader(controllers).load("/fxml/calendar/CalendarView.fxml"), 1280, 800);
        MainWindow.STYLESHEETS.forEach(sheet -> scene.getStylesheets().add(MainWindow.class.getResource(sheet).toExternalForm()));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void draggingAStageIntoAFreezeWindowIsRefusedAndItStays(FxRobot robot) throws Exception {
        Node stage = shownStage(robot);
        Bounds b = stage.localToScreen(stage.getBoundsInLocal());
        double columnWidth = b.getWidth() + 2;

        robot.drag(b.getMinX() + b.getWidth() / 2, b.getMinY() + 8, MouseButton.PRIMARY)
                .moveBy(columnWidth / 2, 0).moveBy(columnWidth / 2, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#calendarMessage").queryAs(Label.class).getText())
                .startsWith("internal_test cannot start at 2 Dec 09:00 (Africa/Cairo): that is inside the freeze "
                        + "window \"Payments freeze\"");
        assertThat(schedules.notes).isEmpty();
        assertThat(schedules.plans.get(0).planId()).isEqualTo(1);
    }

    @Test
    void anAcceptedDragIsSavedAsANewVersionAndTheCalendarRedraws(FxRobot robot) throws Exception {
        Node stage = shownStage(robot);
        Bounds b = stage.localToScreen(stage.getBoundsInLocal());

        // One column to the left: Monday 30 November, no freeze, no predecessor.
        robot.drag(b.getMinX() + b.getWidth() / 2, b.getMinY() + 8, MouseButton.PRIMARY)
                .moveBy(-(b.getWidth() + 2) / 2, 0).moveBy(-(b.getWidth() + 2) / 2, 0).drop();

        dev.rampart.ui.ConsoleFixture.waitUntil(() -> robot.lookup("#calendarMessage").queryAs(Label.class).getText()
                .endsWith("Saved as a new version of DEMO-CHECKOUT-2.1.0."));
        assertThat(schedules.notes).containsExactly("The rollout now starts at 30 Nov 09:00 (Africa/Cairo).");
        assertThat(robot.lookup(n -> n instanceof DayEntryView v && v.getEntry().getTitle().contains("internal_test")
                && v.isVisible()).tryQuery()).as("the rebuilt calendar shows the stage").isPresent();
    }

    /** The week view lays its entries out after the click, later on a busy machine: wait for the stage to show. */
    private static Node shownStage(FxRobot robot) throws Exception {
        robot.clickOn("Week");
        WaitForAsyncUtils.waitForFxEvents();
        dev.rampart.ui.ConsoleFixture.waitUntil(() -> robot.lookup(n -> n instanceof DayEntryView v
                && v.getEntry().getTitle().contains("internal_test") && v.isVisible()).tryQuery().isPresent());
        return robot.lookup(n -> n instanceof DayEntryView v && v.getEntry().getTitle().contains("internal_test")
                && v.isVisible()).query();
    }
}
