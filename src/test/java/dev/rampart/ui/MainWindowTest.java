package dev.rampart.ui;

import dev.rampart.engine.PlanSummary;
import dev.rampart.format.Problem;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window as a person uses it: shortcuts, navigation, importing through the file chooser. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private final InMemoryPlanCatalog catalog = new InMemoryPlanCatalog();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private volatile Path chosenFile;
    private MainWindow window;
    private ServiceRig rig;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) throws java.io.IOException {
        catalog.add(SamplePlans.journalSchema(), "running", "25pct", "2026-12-02 09:00 go/no-go");
        // @Start runs before @TempDir fields are set: the rig gets a folder of its own.
        rig = new ServiceRig(Files.createTempDirectory("rampart-ui"));
        window = new MainWindow(new UiContext(catalog, tasks, "mona").withRollouts(rig.service, tasks)
                .withAccess(rig.access, rig.store.audit(), rig.store.audit()),
                owner -> Optional.ofNullable(chosenFile));
        window.show(stage);
    }

    @AfterEach
    void stopTasks() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(5, TimeUnit.SECONDS);
        tasks.close();
        rig.close();
    }

    @Test
    void shortcutsAndNavigationShowEachScreen(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 1);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);

        assertThat(robot.lookup("#calendarScreen").tryQuery()).isPresent();
        assertThat(robot.lookup("#releasesScreen").tryQuery()).isEmpty();
        assertThat(robot.lookup("#nav-calendar").queryAs(ToggleButton.class).isSelected()).isTrue();

        for (String screen : List.of("rollout", "checklists", "audit", "people", "adapters", "calendar")) {
            robot.clickOn("#nav-" + screen);
            Node shown = robot.lookup("#" + screen + "Screen").query();
            assertThat(shown.isVisible()).as(screen).isTrue();
        }

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertThat(robot.lookup("#releasesScreen").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-releases").queryAs(ToggleButton.class).getTooltip().getText())
                .isEqualTo("Releases (Ctrl+1)");
    }

    @Test
    void importingAChosenFileAddsAndSelectsTheNewPlan(FxRobot robot) throws Exception {
        catalog.accepting("checkout.json", SamplePlans.checkout(), "stage ga: min_duration 1 h (none given)");
        chosenFile = Files.writeString(folder.resolve("checkout.json"), "{}");
        waitUntil(() -> table(robot).getItems().size() == 1);
        robot.clickOn("#nav-audit");

        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        waitUntil(() -> table(robot).getItems().size() == 2 && !tasks.isRunning());

        PlanSummary selected = table(robot).getSelectionModel().getSelectedItem();
        assertThat(selected.changeId()).isEqualTo("REL-2026-12-01-01");
        assertThat(robot.lookup(".table-cell").match(LabeledMatchers.hasText("4 · internal_test, friendly_gp, beta, ga"))
                .tryQuery()).isPresent();
        assertThat(robot.lookup("#stageLadder .ladder-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("internal_test", "friendly_gp", "beta", "ga");
        assertThat(robot.lookup("#defaultsPane").query().isVisible()).isTrue();
        assertThat(robot.lookup("#defaultsList").queryListView().getItems())
                .containsExactly("stage ga: min_duration 1 h (none given)");
        assertThat(robot.lookup("#problemsPane").query().isVisible()).isFalse();
    }

    @Test
    void importProblemsAreListedAndNothingChanges(FxRobot robot) throws Exception {
        catalog.refusing("x.json",
                new Problem("x.json", 3, 7, "traffic_percent must be a number, not \"five\""),
                new Problem("x.json", 12, 5, "unknown key \"halt_rule\" (did you mean \"halt_rules\"?)"));
        chosenFile = Files.writeString(folder.resolve("x.json"), "{}");
        waitUntil(() -> table(robot).getItems().size() == 1);

        robot.clickOn("#importButton");
        waitUntil(() -> !problems(robot).getItems().isEmpty() && !tasks.isRunning());

        assertThat(robot.lookup("#problemsPane").query().isVisible()).isTrue();
        assertThat(problems(robot).getItems()).containsExactly(
                "x.json:3:7: traffic_percent must be a number, not \"five\"",
                "x.json:12:5: unknown key \"halt_rule\" (did you mean \"halt_rules\"?)");
        assertThat(robot.lookup(".list-cell").match(LabeledMatchers.hasText(
                "x.json:3:7: traffic_percent must be a number, not \"five\"")).tryQuery()).isPresent();
        assertThat(table(robot).getItems()).extracting(PlanSummary::changeId).containsExactly("CHG-2026-118");
        assertThat(robot.lookup("#defaultsPane").query().isVisible()).isFalse();

        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText(
                "x.json:3:7: traffic_percent must be a number, not \"five\"")).<Node>query());
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS))
                .isEqualTo("x.json:3:7: traffic_percent must be a number, not \"five\"");
    }

    @Test
    void theThemeToggleSwapsToTheDarkTokensAndTheWindowCanBeSnapshotted(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(robot.lookup(".user-name").queryAs(Label.class).getText()).isEqualTo("mona");

        robot.clickOn(".theme-toggle");

        assertThat(window.scene().getRoot().getStyleClass()).contains("root", "dark");
        assertThat(window.shell().darkThemeProperty().get()).isTrue();
        Path png = folder.resolve("dark.png");
        WaitForAsyncUtils.asyncFx(() -> Screenshot.write(window.scene(), png)).get(10, TimeUnit.SECONDS);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) window.scene().getWidth());
        // The window background is the dark token, not the light one.
        assertThat(image.getRGB(image.getWidth() - 5, image.getHeight() / 2) & 0xffffff).isEqualTo(0x121519);
    }

    private static TableView<PlanSummary> table(FxRobot robot) {
        return robot.lookup("#plansTable").queryTableView();
    }

    private static ListView<String> problems(FxRobot robot) {
        return robot.lookup("#problemsList").queryListView();
    }

    /** Polls a condition on the FX thread until it holds; fails after five seconds. */
    private static void waitUntil(Callable<Boolean> onFxThread) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFxThread).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
