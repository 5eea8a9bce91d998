package dev.rampart.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;

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
