package dev.rampart.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Objects;

/**
 * Something a person can ask a view model to do. A button binds its disabled state to {@link #executableProperty()};
 * a spinner binds to {@link #runningProperty()}. The action calls {@code done} when it has finished, possibly later
 * (from a {@link TaskRunner} callback). A command does not run twice at once.
 *
 * @param <P> what the command needs to run ({@code Void} for nothing)
 */
public final class Command<P> {

    @FunctionalInterface
    public interface Action<P> {
        void execute(P parameter, Runnable done);
    }

    private final Action<P> action;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper executable = new ReadOnlyBooleanWrapper(this, "executable");

    public Command(ObservableBooleanValue allowed, Action<P> action) {
        this.action = Objects.requireNonNull(action, "action");
        executable.bind(Bindings.createBooleanBinding(() -> allowed.get() && !running.get(), allowed, running));
    }

    public Command(Action<P> action) {
        this(new ReadOnlyBooleanWrapper(true), action);
    }

    /** Runs the command, or does nothing when it is not executable. */
    public void execute(P parameter) {
        if (!executable.get()) {
            return;
        }
        running.set(true);
        try {
            action.execute(parameter, () -> running.set(false));
        } catch (RuntimeException | Error e) {
            running.set(false);
            throw e;
        }
    }

    public void execute() {
        execute(null);
    }

    public ReadOnlyBooleanProperty executableProperty() {
        return executable.getReadOnlyProperty();
    }

    public boolean isExecutable() {
        return executable.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }
}
