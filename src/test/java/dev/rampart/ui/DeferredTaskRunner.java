package dev.rampart.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Holds work until the test says {@link #finishAll()}, so a test can look at the "running" state. */
public final class DeferredTaskRunner implements TaskRunner {
    private final TaskStatus status = new TaskStatus();
    private final Deque<Runnable> pending = new ArrayDeque<>();

    @Override
    public <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> onFailure) {
        status.started(title);
        pending.add(() -> status.complete(title, work, onSuccess, onFailure));
    }

    /** Runs everything pending, including work started by callbacks. */
    public void finishAll() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }

    public int pendingCount() {
        return pending.size();
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
}
