package dev.rampart.app;

import dev.rampart.cli.CliContext;
import dev.rampart.cli.CliException;
import dev.rampart.cli.Console;
import dev.rampart.cli.ExitCode;
import dev.rampart.cli.Globals;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.store.Store;
import dev.rampart.ui.FxTaskRunner;
import dev.rampart.ui.MainWindow;
import dev.rampart.ui.Screenshot;
import dev.rampart.ui.UiContext;
import dev.rampart.ui.shell.Screen;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The composition root of the console: opens the store, makes sure a new user has the demo workspace, starts the
 * JavaFX toolkit and shows the main window. The only place the command line reaches JavaFX.
 */
final class ConsoleLauncher implements Console {
    /** Held so the level sticks: JavaFX warns on every start that it runs from the class path, which we mean to. */
    private static final java.util.logging.Logger FX_PLATFORM_LOG =
            java.util.logging.Logger.getLogger("javafx");

    @Override
    public int open(CliContext cx) {
        Globals globals = cx.globals();
        Screen first = firstScreen(globals.screen());
        Store store = cx.openStore();
        StoredPlanCatalog catalog = cx.catalog(store);
        boolean demo = DemoWorkspace.ensure(catalog);
        if (demo) {
            cx.err().println("rampart: created the demo workspace in " + store.jdbcUrl());
        }

        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(ExitCode.OK);
        FirstFrame firstFrame = new FirstFrame();
        FX_PLATFORM_LOG.setLevel(java.util.logging.Level.SEVERE);
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            FxTaskRunner tasks = new FxTaskRunner();
            UiContext context = new UiContext(catalog, tasks, globals.user(),
                    List.of(tasks::close, closed::countDown));
            MainWindow window = new MainWindow(context);
            Stage stage = new Stage();
            window.shell().show(first);
            window.show(stage);
            firstFrame.watch(stage.getScene());
            if (globals.smoke() || globals.screenshot() != null) {
                firstFrame.whenShown(() -> whenIdle(tasks, () -> {
                    exit.set(finishUnattended(cx.out(), globals, window, catalog, firstFrame));
                    stage.hide();
                }));
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
            store.close();
        }
        return exit.get();
    }

    /** For --smoke and --screenshot: report what the window shows, once its first loads have finished. */
    private static int finishUnattended(PrintWriter out, Globals globals, MainWindow window,
                                        StoredPlanCatalog catalog, FirstFrame firstFrame) {
        if (globals.screenshot() != null) {
            try {
                Screenshot.write(window.scene(), globals.screenshot());
                out.println("screenshot: " + globals.screenshot());
            } catch (IOException e) {
                out.println("screenshot failed: " + e.getMessage());
                return ExitCode.CHECK_FAILED;
            }
        }
        if (globals.smoke()) {
            firstFrame.millis().ifPresent(ms -> out.printf("first frame after %d ms%n", ms));
            int plans = catalog.plans().size();
            out.printf("smoke: ok, window shown on %s with %d plan%s in the store%n",
                    window.shell().getScreen().title(), plans, plans == 1 ? "" : "s");
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Runs {@code action} on the FX thread once no background work is running (the first loads are done). */
    private static void whenIdle(FxTaskRunner tasks, Runnable action) {
        if (!tasks.isRunning()) {
            Platform.runLater(() -> whenIdleNow(tasks, action));
            return;
        }
        tasks.runningProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> value, Boolean was,
                                Boolean running) {
                if (!running) {
                    tasks.runningProperty().removeListener(this);
                    Platform.runLater(() -> whenIdleNow(tasks, action));
                }
            }
        });
    }

    private static void whenIdleNow(FxTaskRunner tasks, Runnable action) {
        if (tasks.isRunning()) {
            whenIdle(tasks, action);
        } else {
            action.run();
        }
    }

    private static Screen firstScreen(String name) {
        if (name == null) {
            return Screen.RELEASES;
        }
        return Arrays.stream(Screen.values())
                .filter(s -> s.name().equalsIgnoreCase(name) || s.title().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> CliException.badInput("--screen: no screen \"" + name + "\"; expected one of "
                        + String.join(", ", Arrays.stream(Screen.values())
                        .map(s -> s.title().toLowerCase(Locale.ROOT)).toList())));
    }
}
