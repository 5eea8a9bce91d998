package dev.rampart.ui;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs work as a {@link Task} on a small pool of daemon threads; callbacks arrive on the FX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FxTaskRunner.class.getName());

    private final ExecutorService executor;
    private final TaskStatus status = new TaskStatus();

    public FxTaskRunner() {
        this(2);
    }

    public FxTaskRunner(int threads) {
        this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
    }

    @Override
    public <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> onFailure) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(onFailure, "onFailure");
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> run(title, work, onSuccess, onFailure));
            return;
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> finish(title, () -> onSuccess.accept(task.getValue())));
        task.setOnFailed(e -> {
            LOG.log(System.Logger.Level.WARNING, title + " failed", task.getException());
            finish(title, () -> onFailure.accept(task.getException()));
        });
        status.started(title);
        executor.execute(task);
    }

    // The callback runs before the work counts as finished, so follow-up work keeps the status bar busy without a flicker.
    private void finish(String title, Runnable callback) {
        try {
            callback.run();
        } finally {
            status.finished(title);
        }
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return status.running();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return status.message();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return status.progress();
    }

    /** Stops taking work. Running work is not interrupted: a thread inside JDBC must finish (H2 can corrupt its file). */
    @Override
    public void close() {
        executor.shutdown();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "rampart-task-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
