package dev.rampart.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work at once on the calling thread, so tests need no waiting. Exceptions from the work go to
 * {@code onFailure}; errors (failed assertions) are not caught.
 */
public final class CurrentThreadTaskRunner implements TaskRunner {
    private final TaskStatus status = new TaskStatus();

    @Override
    public <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess,
                        Consumer<? super Throwable> onFailure) {
        status.started(title);
        status.complete(title, work, onSuccess, onFailure);
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
