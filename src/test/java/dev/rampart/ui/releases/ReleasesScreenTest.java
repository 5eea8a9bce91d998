package dev.rampart.ui.releases;

import dev.rampart.domain.plan.Plan;
import dev.rampart.engine.PlanSummary;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.evidence.EvidencePack;
import dev.rampart.format.ImportResult;
import dev.rampart.format.PlanFormat;
import dev.rampart.format.PlanImporter;
import dev.rampart.store.AuditChain;
import dev.rampart.ui.DemoPlans;
import dev.rampart.ui.FxTaskRunner;
import dev.rampart.ui.MainWindow;
import dev.rampart.ui.ServiceRig;
import dev.rampart.ui.UiContext;
import dev.rampart.ui.shell.Screen;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.rampart.ui.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The Releases screen on the real services: start a rollout after its checklist, export a plan and evidence. */
@ExtendWith(ApplicationExtension.class)
class ReleasesScreenTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final Plan demo = DemoPlans.checkoutCanary();
    private volatile Path exportTo;
    private volatile Path evidenceFolder;
    private ServiceRig rig;
    private StoredPlanCatalog catalog;
    private MainWindow window;
    private long planId;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) throws Exception {
        rig = new ServiceRig(Files.createTempDirectory("rampart-releases"));
        catalog = new StoredPlanCatalog(rig.store.plans(), rig.store.rollouts(), new PlanImporter(), new PlanFormat(),
                rig.access.access(), "mona");
        planId = rig.store(demo);
        PlanFileChooser chooser = new PlanFileChooser() {
            @Override
            public Optional<Path> choose(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseExport(Window owner, String suggestedName) {
                return Optional.ofNullable(exportTo);
            }

            @Override
            public Optional<Path> chooseEvidenceFolder(Window owner) {
                return Optional.ofNullable(evidenceFolder);
            }
        };
        window = new MainWindow(new UiContext(catalog, tasks, "mona").withRollouts(rig.service, tasks)
                .withAccess(rig.access, rig.store.audit(), rig.store.audit()), chooser);
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tasks.isRunning());
        tasks.close();
        rig.close();
    }

    @Test
    void startShowsThePreconditionsAndEnterStartsTheRollout(FxRobot robot) throws Exception {
        selectDemoPlan(robot);
        waitUntil(() -> robot.lookup("#stageLadder .ladder-name").queryAll().size() == demo.stages().size());

        robot.clickOn("#startButton");

        waitUntil(() -> robot.lookup("#startChecklist").tryQuery().isPresent());
        assertThat(robot.lookup(".sheet-title").queryAs(Label.class).getText())
                .isEqualTo("Start a rollout of " + demo.changeId() + "?");
        assertThat(robot.lookup("#startChecklist .start-item").match(
                LabeledMatchers.hasText("Backup snapshot taken and restore tested")).tryQuery()).isPresent();
        assertThat(robot.lookup("#startChecklist .start-role").match(LabeledMatchers.hasText("infrastructure"))
                .tryQuery()).isPresent();
        assertThat(rig.service.all()).as("nothing starts before the person confirms").isEmpty();

        robot.type(KeyCode.ENTER);

        waitUntil(() -> window.shell().getScreen() == Screen.ROLLOUT && !rig.service.all().isEmpty());
        long started = rig.service.all().get(0).id();
        assertThat(rig.service.all().get(0).planId()).isEqualTo(planId);
        waitUntil(() -> window.rollout().selectedProperty().get() != null
                && window.rollout().selectedProperty().get().id() == started);
        assertThat(robot.lookup("#startChecklist").tryQuery()).isEmpty();
    }

    @Test
    void theStartShortcutOpensTheChecklistAndEscapeCancelsIt(FxRobot robot) throws Exception {
        selectDemoPlan(robot);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#startChecklist").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> robot.lookup("#startChecklist").tryQuery().isEmpty());
        assertThat(rig.service.all()).isEmpty();
        assertThat(window.shortcuts().all()).extracting(s -> s.keys().getDisplayText())
                .contains(ReleasesView.START_SHORTCUT.getDisplayText());
    }

    @Test
    void anExportedPlanImportsAgainAsItWas(FxRobot robot) throws Exception {
        exportTo = folder.resolve("demo.yaml");
        selectDemoPlan(robot);

        robot.clickOn("#exportButton");

        waitUntil(() -> robot.lookup("#noticeLabel").queryAs(Label.class).getText().startsWith("Exported "));
        assertThat(robot.lookup("#noticePane").query().isVisible()).isTrue();
        ImportResult again = new PlanImporter().importFile(exportTo);
        assertThat(again.problems()).isEmpty();
        assertThat(again.plan()).isEqualTo(catalog.plan(planId).orElseThrow());
        assertThat(Files.readString(exportTo)).contains("schema: rampart/plan/v1");
    }

    @Test
    void evidenceOfTheLatestRolloutIsWrittenAndVerifies(FxRobot robot) throws Exception {
        long rolloutId = rig.service.start(planId, "mona").id();
        rig.minutes(2);
        evidenceFolder = Files.createDirectories(folder.resolve("pack"));
        robot.clickOn("#reloadButton");
        waitUntil(() -> table(robot).getItems().size() == 1 && !"draft".equals(table(robot).getItems().get(0).state()));
        selectDemoPlan(robot);

        robot.clickOn("#evidenceButton");

        waitUntil(() -> robot.lookup("#noticeLabel").queryAs(Label.class).getText().startsWith("Evidence pack"));
        Path report = evidenceFolder.resolve("report.html").toAbsolutePath();
        assertThat(robot.lookup("#noticeLabel").queryAs(Label.class).getText())
                .isEqualTo("Evidence pack of rollout #" + rolloutId + " written: open " + report);
        assertThat(report).exists();
        assertThat(EvidencePack.verify(evidenceFolder, AuditChain::hashOf).intact()).isTrue();
    }

    private void selectDemoPlan(FxRobot robot) throws Exception {
        waitUntil(() -> table(robot).getItems().size() == 1 && !tasks.isRunning());
        robot.clickOn(robot.lookup(".table-cell").match(LabeledMatchers.hasText(demo.changeId())).<Node>query());
        waitUntil(() -> {
            PlanSummary selected = table(robot).getSelectionModel().getSelectedItem();
            return selected != null && selected.id() == planId && !tasks.isRunning();
        });
    }

    private static TableView<PlanSummary> table(FxRobot robot) {
        return robot.lookup("#plansTable").queryTableView();
    }
}
