package dev.rampart.ui.shell;

import dev.rampart.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Map;

/** The window frame: top bar, navigation, the current screen and the status bar. */
public final class ShellView {
    private final ShellViewModel viewModel;
    private final ViewLoader views;
    private final Map<Screen, Node> loaded = new EnumMap<>(Screen.class);
    private final ToggleGroup navigation = new ToggleGroup();

    private final Node rollbackBar;

    @FXML private BorderPane root;
    @FXML private javafx.scene.layout.HBox rollbackSlot;
    @FXML private VBox nav;
    @FXML private StackPane content;
    @FXML private Label userLabel;
    @FXML private Label avatar;
    @FXML private ToggleButton themeToggle;
    @FXML private ProgressBar taskProgress;
    @FXML private Label taskLabel;

    /** @param rollbackBar the big rollback button and its result, shown in the top bar on every screen */
    public ShellView(ShellViewModel viewModel, ViewLoader views, Node rollbackBar) {
        this.viewModel = viewModel;
        this.views = views;
        this.rollbackBar = rollbackBar;
    }

    /** Ctrl+1 … Ctrl+7 (Cmd on macOS) for the screens, in navigation order. */
    public static KeyCombination shortcut(Screen screen) {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + screen.shortcutDigit()), KeyCombination.SHORTCUT_DOWN);
    }

    @FXML
    private void initialize() {
        for (Screen screen : Screen.values()) {
            ToggleButton item = new ToggleButton(screen.title());
            item.setId("nav-" + screen.name().toLowerCase(java.util.Locale.ROOT));
            item.getStyleClass().add("nav-item");
            item.setUserData(screen);
            item.setMaxWidth(Double.MAX_VALUE);
            item.setTooltip(new Tooltip(screen.title() + " (" + shortcut(screen).getDisplayText() + ")"));
            item.setToggleGroup(navigation);
            nav.getChildren().add(item);
        }
        // A nav entry cannot be un-selected by clicking it again: the selection always follows the screen.
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                navigation.selectToggle(old);
            } else {
                viewModel.show((Screen) now.getUserData());
            }
        });
        viewModel.screenProperty().addListener((obs, old, now) -> showScreen(now));
        showScreen(viewModel.getScreen());

        rollbackSlot.getChildren().setAll(rollbackBar);
        userLabel.setText(viewModel.user());
        avatar.setText(viewModel.userInitials());
        themeToggle.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        themeToggle.textProperty().bind(viewModel.themeToggleTextProperty());

        taskProgress.visibleProperty().bind(viewModel.taskRunningProperty());
        taskLabel.textProperty().bind(viewModel.taskStatusProperty());
    }

    private void showScreen(Screen screen) {
        Node view = loaded.computeIfAbsent(screen, s -> views.load(s.fxml()));
        content.getChildren().setAll(view);
        for (Toggle toggle : navigation.getToggles()) {
            if (toggle.getUserData() == screen) {
                navigation.selectToggle(toggle);
            }
        }
    }
}
