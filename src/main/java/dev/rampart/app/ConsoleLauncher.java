package dev.rampart.app;

import dev.rampart.adapters.Plugins;
import dev.rampart.cli.CliContext;
import dev.rampart.cli.CliException;
import dev.rampart.cli.Console;
import dev.rampart.cli.ExitCode;
import dev.rampart.cli.FirstStart;
import dev.rampart.cli.Globals;
import dev.rampart.cli.LocalChannel;
import dev.rampart.cli.Secrets;
import dev.rampart.ui.people.FirstStartDialog;
import dev.rampart.ui.people.FirstStartViewModel;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.store.DataFolder;
import dev.rampart.ui.WindowPlacement;
import javafx.animation.PauseTransition;
import dev.rampart.format.PlanFormat;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
        Store store = cx.openStore(firstStart(cx));
        String me = globals.user();
        OptionalLong demo = DemoWorkspace.ensure(cx.catalog(store, me), cx.access(store).people(), me,
                cx.demoKeyFolder(store));
        // Built after the demo workspace, so that the console's key ring holds the demo keys.
        StoredPlanCatalog catalog = cx.catalog(store);
        RolloutService rollouts = cx.rollouts(store);
        // Command lines beside the window reach this store through its local channel (H2 only).
        Optional<LocalChannel> channel = LocalChannel.serve(cx, store, rollouts, "the console");
        if (demo.isPresent()) {
            long id = DemoWorkspace.startRollout(rollouts, cx.access(store).signatures(),
                    new PlanFormat().read(DemoWorkspace.text(), dev.rampart.format.Format.JSON),
                    demo.getAsLong(), me);
            cx.err().println("rampart: created the demo workspace in " + store.describe() + "; rollout #" + id
                    + " runs on the simulator, 60 times faster than the wall clock; the demo people sign with demo"
                    + " keys (passphrase " + DemoWorkspace.DEMO_PASSPHRASE + ")");
        }
        // The engine acts on the wall clock whether or not anyone looks: one tick of every live rollout a second.
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rampart-ticker");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                rollouts.tickAll();
            } catch (RuntimeException e) {
                cx.err().println("rampart: tick failed: " + e.getMessage());
            }
        }, 1, 1, TimeUnit.SECONDS);
        WindowPlacement placement = new WindowPlacement(DataFolder.ofThisUser().resolve("console-window.properties"));

        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(ExitCode.OK);
        FirstFrame firstFrame = new FirstFrame();
        FX_PLATFORM_LOG.setLevel(java.util.logging.Level.SEVERE);
        Platform.setImplicitExit(true);
        startOrRun(() -> {
            FxTaskRunner tasks = new FxTaskRunner();
            FxTaskRunner quiet = new FxTaskRunner(1);
            UiContext context = new UiContext(catalog, tasks, globals.user(),
                    List.of(tasks::close, quiet::close, closed::countDown))
                    .withSchedules(new StoredPlanSchedules(store.plans(), store.rollouts(), catalog, new PlanFormat()))
                    .withRollouts(rollouts, quiet)
                    .withAccess(cx.access(store), store.audit(), store.audit())
                    .withPlugins(() -> Plugins.discover(ConsoleLauncher.class.getClassLoader(),
                            DataFolder.ofThisUser().resolve("plugins")));
            MainWindow window = new MainWindow(context);
            Stage stage = new Stage();
            window.shell().show(first);
            boolean unattended = globals.smoke() || globals.screenshot() != null;
            if (!unattended) {
                placement.restore(stage, window.shell().darkThemeProperty());
                stage.setOnCloseRequest(e -> placement.save(stage, window.shell().darkThemeProperty().get()));
            }
            window.show(stage);
            firstFrame.watch(stage.getScene());
            if (unattended) {
                PauseTransition settle = new PauseTransition(javafx.util.Duration.seconds(globals.screenshotAfter()));
                settle.setOnFinished(e -> whenIdle(tasks, () -> {
                    exit.set(finishUnattended(cx.out(), globals, window, catalog, firstFrame));
                    stage.hide();
                }));
                firstFrame.whenShown(settle::play);
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
            // A tick may be inside JDBC: let it finish rather than interrupt it (H2 can corrupt its file).
            ticker.shutdown();
            try {
                ticker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            channel.ifPresent(LocalChannel::close);
            store.close();
        }
        return exit.get();
    }

    /**
     * A new store's first person chooses the passphrase of their signing key in a dialog before anything else (or
     * from RAMPART_NEW_PASSPHRASE_FILE); an unattended start (--smoke, --screenshot) makes them admin without a key,
     * to enrol at their next start.
     */
    private static FirstStart firstStart(CliContext cx) {
        return (person, why) -> {
            Secrets secrets = cx.installation().secrets();
            if (secrets.given(Secrets.NEW_PASSPHRASE_FILE)) {
                return secrets.fromFile(Secrets.NEW_PASSPHRASE_FILE);
            }
            if (cx.globals().smoke() || cx.globals().screenshot() != null) {
                return Optional.empty();
            }
            Platform.setImplicitExit(false);
            startOrRun(() -> { });
            Optional<char[]> chosen = FirstStartDialog.ask(new FirstStartViewModel(why));
            if (chosen.isEmpty()) {
                Platform.exit();
                throw new CliException(ExitCode.CHECK_FAILED, "The first start was cancelled; nothing was changed");
            }
            return chosen;
        };
    }

    /** Starts the toolkit with {@code first}, or runs it on the FX thread when the toolkit already runs. */
    private static void startOrRun(Runnable first) {
        try {
            Platform.startup(first);
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(first);
        }
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
