package dev.rampart.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Which work is running, for the status bar. Only touched on the thread that calls the callbacks. */
final class TaskStatus {
    private final List<String> titles = new ArrayList<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);

    void started(String title) {
        titles.add(title);
        update();
    }

    void finished(String title) {
        titles.remove(title);
        update();
    }

    /**
     * Runs {@code work} here and hands its result or exception to one callback; the work counts as finished once the
     * callback returns. Exceptions from the work go to {@code onFailure}; errors (failed assertions) are not caught.
     */
    <T> void complete(String title, Callable<T> work, Consumer<? super T> onSuccess,
                      Consumer<? super Throwable> onFailure) {
        try {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        } finally {
            finished(title);
        }
    }

    private void update() {
        boolean busy = !titles.isEmpty();
        message.set(busy ? titles.get(titles.size() - 1) : "");
        progress.set(busy ? -1 : 0);
        running.set(busy);
    }

    ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }
}
