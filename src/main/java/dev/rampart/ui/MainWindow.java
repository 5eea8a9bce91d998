package dev.rampart.ui;

import dev.rampart.ui.audit.AuditView;
import dev.rampart.ui.audit.AuditViewModel;
import dev.rampart.ui.calendar.CalendarView;
import dev.rampart.ui.checklists.ChecklistsView;
import dev.rampart.ui.checklists.ChecklistsViewModel;
import dev.rampart.ui.calendar.CalendarViewModel;
import dev.rampart.ui.adapters.AdaptersView;
import dev.rampart.ui.adapters.AdaptersViewModel;
import dev.rampart.ui.people.PeopleView;
import dev.rampart.ui.people.PeopleViewModel;
import dev.rampart.ui.releases.PlanFileChooser;
import dev.rampart.ui.releases.ReleaseActions;
import dev.rampart.ui.releases.ReleasesView;
import dev.rampart.ui.releases.ReleasesViewModel;
import dev.rampart.ui.rollback.RollbackBar;
import dev.rampart.ui.rollback.RollbackViewModel;
import dev.rampart.ui.rollout.RolloutChoice;
import dev.rampart.ui.rollout.RolloutView;
import dev.rampart.ui.rollout.RolloutViewModel;
import dev.rampart.ui.shell.Screen;
import dev.rampart.ui.shell.ShellView;
import dev.rampart.ui.shell.ShellViewModel;
import dev.rampart.ui.widgets.ConfirmSheet;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The console's one window. Builds the screens for a {@link UiContext}, wires the keyboard shortcuts, refreshes the
 * live screens once a second and applies the stylesheets. Create and use it on the FX application thread.
 */
public final class MainWindow {
    public static final String TITLE = "Rampart";
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    public static final List<String> STYLESHEETS = List.of("/styles/tokens.css", "/styles/app.css");

    private final UiContext context;
    private final PlanFileChooser chooser;
    private final ShellViewModel shell;
    private final ReleasesViewModel releases;
    private final RolloutViewModel rollout;
    private final RollbackViewModel rollback;
    private final ConfirmSheet sheet = new ConfirmSheet();
    private final Shortcuts shortcuts = new Shortcuts();
    private final Timeline ticker;
    private RollbackBar rollbackBar;
    private ReleasesView releasesView;
    private Scene scene;

    public MainWindow(UiContext context) {
        this(context, PlanFileChooser.system());
    }

    /** @param chooser how the Import command asks for a file; tests pass one that answers without a dialog */
    public MainWindow(UiContext context, PlanFileChooser chooser) {
        this.context = Objects.requireNonNull(context);
        this.chooser = Objects.requireNonNull(chooser);
        Objects.requireNonNull(context.rollouts(), "the console needs the rollout service");
        Objects.requireNonNull(context.access(), "the console needs the access services");
        Objects.requireNonNull(context.audit(), "the console needs the audit trail");
        this.shell = new ShellViewModel(context.user(), context.tasks());
        this.releases = new ReleasesViewModel(context.plans(), context.tasks(), new ReleaseActions(context.rollouts(),
                context.access().signatures(), context.rollouts().evidence(context.audit(), context.integrity()),
                context.user()));
        this.rollout = new RolloutViewModel(context.rollouts(), context.tasks(), context.quiet(), context.user(),
                ZoneId.systemDefault());
        this.rollback = new RollbackViewModel(context.rollouts(), context.tasks(), context.quiet(), context.user());
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshLive()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    /** The window's content, built on first use. */
    public Scene scene() {
        if (scene == null) {
            scene = new Scene(new StackPane(buildRoot(), sheet.layer()), WIDTH, HEIGHT);
            for (String sheetName : STYLESHEETS) {
                scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(sheetName), sheetName)
                        .toExternalForm());
            }
            installShortcuts(scene);
            // The dark theme is the same rules over other tokens: tokens.css redefines them under .root.dark.
            shell.darkThemeProperty().addListener((obs, old, dark) -> applyTheme(dark));
            applyTheme(shell.darkThemeProperty().get());
            refreshLive();
            ticker.play();
        }
        return scene;
    }

    /** Puts the console into {@code stage} and shows it; the context's close hooks run once it is hidden. */
    public void show(Stage stage) {
        stage.setTitle(TITLE);
        stage.setScene(scene());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setOnHidden(event -> {
            ticker.stop();
            context.onClose().forEach(Runnable::run);
        });
        stage.show();
        // Headless UI tests turn the popups off: under Monocle a popup takes the keyboard focus from the window the
        // test types into. The notices themselves are still produced, and tested, in the view model.
        if (!"off".equals(System.getProperty("rampart.desktop.notifications"))) {
            DesktopNotifier.watch(rollout.notices(), stage);
        }
    }

    /** Stops the once-a-second refresh (the window is gone, or a test is over). */
    public void dispose() {
        ticker.stop();
    }

    /** The frame's state: current screen and theme (for the app to restore preferences, and for tests). */
    public ShellViewModel shell() {
        return shell;
    }

    public RolloutViewModel rollout() {
        return rollout;
    }

    public Shortcuts shortcuts() {
        return shortcuts;
    }

    private void applyTheme(boolean dark) {
        scene.getRoot().getStyleClass().remove("dark");
        if (dark) {
            scene.getRoot().getStyleClass().add("dark");
        }
    }

    private void refreshLive() {
        if (rollout.selectedProperty().get() != null) {
            rollback.prefer(rollout.selectedProperty().get().id());
        }
        rollback.refresh();
        rollout.refresh().execute();
    }

    private Parent buildRoot() {
        ControllerFactory controllers = new ControllerFactory();
        ViewLoader views = new ViewLoader(controllers);
        rollbackBar = new RollbackBar(rollback, sheet);
        controllers.register(ShellView.class, () -> new ShellView(shell, views, rollbackBar.node()));
        controllers.register(CalendarView.class, () -> new CalendarView(
                new CalendarViewModel(context.schedules(), context.tasks(), ZoneId.systemDefault())));
        controllers.register(RolloutView.class, () -> new RolloutView(rollout, sheet));
        controllers.register(ChecklistsView.class, () -> new ChecklistsView(new ChecklistsViewModel(context.rollouts(),
                context.access(), context.tasks(), ZoneId.systemDefault()), sheet, context.user()));
        controllers.register(AuditView.class, () -> new AuditView(new AuditViewModel(context.audit(),
                context.integrity(), context.tasks())));
        controllers.register(PeopleView.class, () -> new PeopleView(context.access() == null
                ? PeopleViewModel.unavailable(context.tasks())
                : new PeopleViewModel(context.access().people(), context.access().access(), context.tasks(),
                        context.user())));
        controllers.register(AdaptersView.class, () -> new AdaptersView(new AdaptersViewModel(context.plugins(),
                context.tasks())));
        controllers.register(ReleasesView.class, () -> {
            releasesView = new ReleasesView(releases, chooser, sheet, shortcuts, id -> {
                rollout.selectedProperty().set(new RolloutChoice(id, "#" + id, true));
                shell.show(Screen.ROLLOUT);
            });
            return releasesView;
        });
        return views.load("/fxml/shell/ShellView.fxml");
    }

    private void installShortcuts(Scene target) {
        for (Screen screen : Screen.values()) {
            shortcuts.add(ShellView.shortcut(screen), "Show " + screen.title(), () -> shell.show(screen));
        }
        shortcuts.add(ReleasesView.IMPORT_SHORTCUT, "Import a plan", () -> {
            shell.show(Screen.RELEASES);
            releasesView.importPlan();
        });
        shortcuts.add(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Roll back the live rollout (asks first)", () -> rollbackBar.press());
        shortcuts.add(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), "Pause or resume the rollout",
                () -> rollout.pauseOrResume().execute());
        shortcuts.add(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Inject a fault (demo, simulator only)", () -> {
                    shell.show(Screen.ROLLOUT);
                    rollout.injectFault().execute();
                });
        shortcuts.add(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), "Switch light / dark theme",
                shell::toggleTheme);
        shortcuts.add(new KeyCodeCombination(KeyCode.F1), "Show this help", this::showHelp);
        shortcuts.install(target);
        // "?" has no key code of its own on every layout: it is matched by the character typed.
        target.addEventHandler(javafx.scene.input.KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(target.getFocusOwner() instanceof javafx.scene.control.TextInputControl)) {
                showHelp();
            }
        });
    }

    private void showHelp() {
        if (!sheet.showing()) {
            sheet.show("Keyboard shortcuts", shortcuts.table());
        }
    }
}
