package dev.rampart.ui.checklists;

import dev.rampart.ui.ConsoleFixture;
import dev.rampart.ui.ServiceRig;
import dev.rampart.ui.shell.Screen;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/** Signing a checklist item, and being refused for a role not held, as a person does it. */
@ExtendWith(ApplicationExtension.class)
class ChecklistsScreenTest {
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        console = new ConsoleFixture(stage);
        console.window.shell().show(Screen.CHECKLISTS);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void signingAnItemWithThePassphraseShowsWhoSignedIt(FxRobot robot) throws Exception {
        openSignForm(robot, "Backup snapshot taken and restore tested", "sam");

        robot.clickOn("#signPassphrase").write(ServiceRig.PASSPHRASE);
        robot.clickOn("#signComment").write("restored into staging");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> row(robot).signedBy().equals("sam (infrastructure)"));
        assertThat(row(robot).comment()).isEqualTo("restored into staging");
        assertThat(row(robot).statusText()).isEqualTo("signed");
        assertThat(robot.lookup("#checklistsMessage").queryAs(Label.class).getText())
                .isEqualTo("sam signed \"Backup snapshot taken and restore tested\" as infrastructure.");
    }

    @Test
    void signingForARoleNotHeldIsRefused(FxRobot robot) throws Exception {
        openSignForm(robot, "Backup snapshot taken and restore tested", "priya");

        robot.clickOn("#signPassphrase").write(ServiceRig.PASSPHRASE);
        robot.type(KeyCode.ENTER);

        waitUntil(() -> robot.lookup("#checklistsMessage").queryAs(Label.class).getText().startsWith("Not signed: "));
        assertThat(robot.lookup("#checklistsMessage").queryAs(Label.class).getText()).contains("priya");
        assertThat(row(robot).statusText()).isEqualTo("open");
    }

    private void openSignForm(FxRobot robot, String item, String signer) throws Exception {
        waitUntil(() -> table(robot).getItems().stream().anyMatch(r -> r.text().equals(item)));
        int index = table(robot).getItems().indexOf(table(robot).getItems().stream()
                .filter(r -> r.text().equals(item)).findFirst().orElseThrow());
        WaitForAsyncUtils.asyncFx(() -> table(robot).getSelectionModel().select(index)).get();
        robot.clickOn("#signButton");
        waitUntil(() -> robot.lookup("#signSigner").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<dev.rampart.domain.access.Person> who = robot.lookup("#signSigner").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> who.getItems().stream().filter(p -> p.name().equals(signer)).findFirst()
                .ifPresent(who::setValue)).get();
    }

    private static TableView<ChecklistRow> table(FxRobot robot) {
        return robot.lookup("#checklistTable").queryTableView();
    }

    private static ChecklistRow row(FxRobot robot) {
        return table(robot).getItems().stream().filter(r -> r.text().equals("Backup snapshot taken and restore tested"))
                .findFirst().orElseThrow();
    }
}
