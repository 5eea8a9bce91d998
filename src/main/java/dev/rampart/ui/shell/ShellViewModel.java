package dev.rampart.ui.shell;

import dev.rampart.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;
import java.util.Objects;

/** The frame around the screens: which screen shows, the theme, who is signed in, what runs in the background. */
public final class ShellViewModel {
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.RELEASES);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final ReadOnlyStringWrapper themeToggleText = new ReadOnlyStringWrapper(this, "themeToggleText");
    private final ReadOnlyStringWrapper taskStatus = new ReadOnlyStringWrapper(this, "taskStatus");
    private final String user;
    private final TaskRunner tasks;

    public ShellViewModel(String user, TaskRunner tasks) {
        this.user = Objects.requireNonNull(user);
        this.tasks = Objects.requireNonNull(tasks);
        themeToggleText.bind(Bindings.when(darkTheme).then("Light theme").otherwise("Dark theme"));
        taskStatus.bind(Bindings.when(tasks.runningProperty())
                .then(tasks.messageProperty().concat("…"))
                .otherwise("Ready"));
    }

    // Properties

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public Screen getScreen() {
        return screen.get();
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public ReadOnlyStringProperty themeToggleTextProperty() {
        return themeToggleText.getReadOnlyProperty();
    }

    public String user() {
        return user;
    }

    /** One or two letters for the avatar in the top bar. */
    public String userInitials() {
        String[] parts = user.trim().split("[\\s._-]+");
        String initials = parts.length > 1
                ? parts[0].substring(0, 1) + parts[1].substring(0, 1)
                : parts[0].substring(0, Math.min(1, parts[0].length()));
        return initials.toUpperCase(Locale.ROOT);
    }

    public ReadOnlyBooleanProperty taskRunningProperty() {
        return tasks.runningProperty();
    }

    /** What runs in the background ("Importing checkout.json…"), or "Ready". */
    public ReadOnlyStringProperty taskStatusProperty() {
        return taskStatus.getReadOnlyProperty();
    }

    // Commands

    public void show(Screen target) {
        screen.set(Objects.requireNonNull(target));
    }

    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
    }
}
