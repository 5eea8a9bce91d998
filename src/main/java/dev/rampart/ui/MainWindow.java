package dev.rampart.ui;

import dev.rampart.ui.calendar.CalendarView;
import dev.rampart.ui.calendar.CalendarViewModel;
import dev.rampart.ui.releases.PlanFileChooser;
import dev.rampart.ui.releases.ReleasesView;
import dev.rampart.ui.releases.ReleasesViewModel;
import dev.rampart.ui.shell.Screen;
import dev.rampart.ui.shell.ShellView;
import dev.rampart.ui.shell.ShellViewModel;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.List;
import java.util.Objects;

/**
 * The console's one window. Builds the screens for a {@link UiContext}, wires the keyboard shortcuts and
 * applies the stylesheets. Create and use it on the FX application thread.
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
    private ReleasesView releasesView;
    private Scene scene;

    public MainWindow(UiContext context) {
        this(context, PlanFileChooser.system());
    }

    /** @param chooser how the Import command asks for a file; tests pass one that answers without a dialog */
    public MainWindow(UiContext context, PlanFileChooser chooser) {
        this.context = Objects.requireNonNull(context);
        this.chooser = Objects.requireNonNull(chooser);
        this.shell = new ShellViewModel(context.user(), context.tasks());
        this.releases = new ReleasesViewModel(context.plans(), context.tasks());
    }

    /** The window's content, built on first use. */
    public Scene scene() {
        if (scene == null) {
            scene = new Scene(buildRoot(), WIDTH, HEIGHT);
            for (String sheet : STYLESHEETS) {
                scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(sheet), sheet).toExternalForm());
            }
            installShortcuts(scene);
        }
        return scene;
    }

    /** Puts the console into {@code stage} and shows it; the context's close hooks run once it is hidden. */
    public void show(Stage stage) {
        stage.setTitle(TITLE);
        stage.setScene(scene());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setOnHidden(event -> context.onClose().forEach(Runnable::run));
        stage.show();
    }

    /** The frame's state: current screen and theme (for the app to restore preferences, and for tests). */
    public ShellViewModel shell() {
        return shell;
    }

    private Parent buildRoot() {
        ControllerFactory controllers = new ControllerFactory();
        ViewLoader views = new ViewLoader(controllers);
        controllers.register(ShellView.class, () -> new ShellView(shell, views));
        controllers.register(CalendarView.class, () -> new CalendarView(
                new CalendarViewModel(context.schedules(), context.tasks(), java.time.ZoneId.systemDefault())));
        controllers.register(ReleasesView.class, () -> {
            releasesView = new ReleasesView(releases, chooser);
            return releasesView;
        });
        return views.load("/fxml/shell/ShellView.fxml");
    }

    private void installShortcuts(Scene target) {
        for (Screen screen : Screen.values()) {
            target.getAccelerators().put(ShellView.shortcut(screen), () -> shell.show(screen));
        }
        target.getAccelerators().put(ReleasesView.IMPORT_SHORTCUT, () -> {
            shell.show(Screen.RELEASES);
            releasesView.importPlan();
        });
    }
}
