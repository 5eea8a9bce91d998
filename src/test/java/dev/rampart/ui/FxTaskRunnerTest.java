package dev.rampart.ui;

import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FxTaskRunnerTest {
    private final FxTaskRunner runner = new FxTaskRunner();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void runsWorkOffTheFxThreadAndCallsBackOnIt() throws Exception {
        CompletableFuture<String> workThread = new CompletableFuture<>();
        CompletableFuture<Boolean> callbackOnFx = new CompletableFuture<>();
        CompletableFuture<Boolean> runningDuringCallback = new CompletableFuture<>();

        Platform.runLater(() -> runner.run("Loading plans", () -> {
            workThread.complete(Thread.currentThread().getName());
            return "plans";
        }, result -> {
            callbackOnFx.complete(Platform.isFxApplicationThread() && result.equals("plans"));
            runningDuringCallback.complete(runner.isRunning());
        }, callbackOnFx::completeExceptionally));

        assertThat(workThread.get(5, TimeUnit.SECONDS)).startsWith("rampart-task-");
        assertThat(callbackOnFx.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(runningDuringCallback.get(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(runner::isRunning).get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void reportsRunningWithTheTitleUntilTheWorkIsDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> done = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> runner.run("Importing x.json", () -> release.await(5, TimeUnit.SECONDS),
                done::complete, done::completeExceptionally)).get(5, TimeUnit.SECONDS);

        assertThat(WaitForAsyncUtils.asyncFx(() -> runner.isRunning() + " " + runner.messageProperty().get()
                + " " + runner.progressProperty().get()).get(5, TimeUnit.SECONDS))
                .isEqualTo("true Importing x.json -1.0");

        release.countDown();
        done.get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> runner.isRunning() + " " + runner.messageProperty().get())
                .get(5, TimeUnit.SECONDS)).isEqualTo("false ");
    }

    @Test
    void handsAFailureToOnFailureOnTheFxThread() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Boolean> onFx = new CompletableFuture<>();
        IllegalStateException broken = new IllegalStateException("store is locked");

        runner.run("Loading plans", () -> {
            throw broken;
        }, result -> failure.complete(null), error -> {
            onFx.complete(Platform.isFxApplicationThread());
            failure.complete(error);
        });

        assertThat(failure.get(5, TimeUnit.SECONDS)).isSameAs(broken);
        assertThat(onFx.get(5, TimeUnit.SECONDS)).isTrue();
    }
}
