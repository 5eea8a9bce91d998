package dev.rampart.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the console runs database, adapter and HTTP work: off the FX thread, with the result
 * handed back on it. The app uses {@link FxTaskRunner}; tests use {@link CurrentThreadTaskRunner}.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background. Exactly one of the callbacks is called, on the FX application thread.
     *
     * @param title what the work is, in the user's words ("Importing checkout.json"); shown in the status bar
     */
    <T> void run(String title, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** True while any work is running (or its callback is still being handled). */
    ReadOnlyBooleanProperty runningProperty();

    /** The title of the most recently started work that is still running; empty when idle. */
    ReadOnlyStringProperty messageProperty();

    /** -1 (indeterminate) while work runs, 0 when idle. */
    ReadOnlyDoubleProperty progressProperty();

    default boolean isRunning() {
        return runningProperty().get();
    }
}
