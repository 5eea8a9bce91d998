package dev.rampart.ui;

import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The whole console on the real services ({@link ServiceRig}) with the demo plan's rollout running, for TestFX tests
 * that do what a person does. Time moves only when a test says so ({@link #minutes(int)}).
 */
public final class ConsoleFixture {
    public final FxTaskRunner tasks = new FxTaskRunner();
    public final ServiceRig rig;
    public final MainWindow window;
    public final long rolloutId;

    public ConsoleFixture(Stage stage) throws java.io.IOException {
        this(stage, false);
    }

    /** @param entered whether the demo people sign the plan's preconditions first, so its first stage is entered */
    public ConsoleFixture(Stage stage, boolean entered) throws java.io.IOException {
        rig = new ServiceRig(Files.createTempDirectory("rampart-ui"));
        rolloutId = entered ? rig.startEntered(DemoPlans.checkoutCanary()) : rig.start(DemoPlans.checkoutCanary());
        rig.minutes(2);
        window = new MainWindow(new UiContext(new InMemoryPlanCatalog(), tasks, "mona")
                .withRollouts(rig.service, tasks)
                .withAccess(rig.access, rig.store.audit(), rig.store.audit()), owner -> Optional.empty());
        window.show(stage);
    }

    /** Lets simulated minutes pass, then has the Rollout screen read again (as its once-a-second refresh does). */
    public void minutes(int n) throws Exception {
        rig.minutes(n);
        WaitForAsyncUtils.asyncFx(() -> window.rollout().refresh().execute()).get(5, TimeUnit.SECONDS);
    }

    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tasks.isRunning());
        tasks.close();
        rig.close();
    }

    /** Polls a condition on the FX thread until it holds; fails after ten seconds. */
    public static void waitUntil(Callable<Boolean> onFxThread) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFxThread).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
