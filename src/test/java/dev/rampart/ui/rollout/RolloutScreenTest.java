package dev.rampart.ui.rollout;

import dev.rampart.ui.ConsoleFixture;
import dev.rampart.ui.shell.Screen;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.rampart.ui.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The Rollout screen and the rollback button, used as a person uses them, on the real engine and simulator. */
@ExtendWith(ApplicationExtension.class)
class RolloutScreenTest {
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        console = new ConsoleFixture(stage, true);
        console.window.shell().show(Screen.ROLLOUT);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void movingASliderAsksFirstThenShowsTheWeightTheAdapterConfirmed(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#cohort-internal_test .confirmed-text").equals("confirmed 0.5 %"));
        Node thumb = robot.lookup("#cohort-internal_test .cohort-weight .thumb").query();

        robot.drag(thumb).moveBy(8, 0).moveBy(8, 0).drop();

        waitUntil(() -> robot.lookup("#sheetConfirm").tryQuery().isPresent());
        String question = robot.lookup(".sheet-message").queryAs(Label.class).getText();
        assertThat(question).startsWith("Move internal_test from 0.5 %");
        assertThat(text(robot, "#cohort-internal_test .confirmed-text")).as("nothing applied yet")
                .isEqualTo("confirmed 0.5 %");
        // What the person asked for, as the sheet states it.
        java.util.regex.Matcher to = java.util.regex.Pattern.compile(" to ([0-9.]+) %").matcher(question);
        assertThat(to.find()).as(question).isTrue();
        double asked = Double.parseDouble(to.group(1));

        robot.type(KeyCode.ENTER);

        String expected = "confirmed " + CohortTraffic.percentText(asked);
        waitUntil(() -> text(robot, "#cohort-internal_test .confirmed-text").equals(expected));
        assertThat(asked).isGreaterThan(1);
        assertThat(text(robot, "#rolloutMessage")).startsWith("The adapter confirmed internal_test at ");
    }

    @Test
    void escapeCancelsASliderMove(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#cohort-internal_test .confirmed-text").equals("confirmed 0.5 %"));

        robot.drag(robot.lookup("#cohort-internal_test .cohort-weight .thumb").<Node>query()).moveBy(20, 0).drop();
        waitUntil(() -> robot.lookup("#sheetConfirm").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> robot.lookup("#sheetConfirm").tryQuery().isEmpty());
        assertThat(robot.lookup("#cohort-internal_test .cohort-weight").queryAs(Slider.class).getValue()).isEqualTo(0.5);
        assertThat(text(robot, "#cohort-internal_test .confirmed-text")).isEqualTo("confirmed 0.5 %");
    }

    @Test
    void theRollbackButtonAsksOnceThenRollsBackAndShowsTheMeasuredTime(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#rollbackButton").query().isVisible());
        Button button = robot.lookup("#rollbackButton").queryButton();

        robot.clickOn(button);
        // Feedback comes from the click itself, not from any store or adapter call.
        assertThat(button.getText()).isEqualTo("Confirm rollback…");
        assertThat(robot.lookup(".sheet-title").queryAs(Label.class).getText()).isEqualTo("Roll back?");

        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#rollbackResult").startsWith("Rolled back #" + console.rolloutId));
        assertThat(text(robot, "#rollbackResult")).contains("rollback_time_seconds = ");
        console.minutes(0);
        waitUntil(() -> robot.lookup(".state-chip").queryAs(Label.class).getText().equals("rolled back"));
    }

    @Test
    void anInjectedFaultHaltsTheRolloutAndThePanelSaysWhy(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("Inject a fault").tryQuery().map(Node::isVisible).orElse(false));

        robot.clickOn("Inject a fault");
        waitUntil(() -> text(robot, "#rolloutMessage").startsWith("Injected a fault"));
        console.minutes(7);

        waitUntil(() -> text(robot, "#decisionHeadline").equals("Halted by a rule"));
        assertThat(text(robot, "#fact-rule")).isEqualTo("error_rate > 1% for 5m");
        assertThat(text(robot, "#fact-cohort")).isEqualTo("internal_test");
        assertThat(text(robot, "#fact-threshold")).isEqualTo("> 0.01");
        assertThat(text(robot, "#fact-window")).isEqualTo("5 min");
        assertThat(text(robot, "#fact-then")).startsWith("rolled back");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".state-chip").queryAs(Label.class).getText()).isEqualTo("rolled back");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
