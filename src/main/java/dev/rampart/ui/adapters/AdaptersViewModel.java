package dev.rampart.ui.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.adapters.Plugins;
import dev.rampart.adapters.Redaction;
import dev.rampart.ui.Command;
import dev.rampart.ui.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Adapters screen: every deployment adapter, metric source and notifier found on the class path and in the
 * plug-in folder, the plug-ins that could not be loaded, and for the selected one a settings editor (JSON) that
 * can be validated and used to test the connection. Settings are shown back with secrets masked.
 */
public final class AdaptersViewModel {
    /** How a check ended, for a CSS pseudo-class on the result. */
    public enum Outcome { NONE, OK, FAILED }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<Plugins> discovery;
    private final TaskRunner tasks;
    private Plugins plugins;

    private final ObservableList<AdapterRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<AdapterRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObjectProperty<AdapterRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty settingsText = new SimpleStringProperty(this, "settingsText", "{}");
    private final ReadOnlyStringWrapper maskedSettings = new ReadOnlyStringWrapper(this, "maskedSettings", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final Command<Void> reload;
    private final Command<Void> validate;
    private final Command<Void> testConnection;

    /** @param discovery scans the class path and the plug-in folder; called again by {@link #reload()} */
    public AdaptersViewModel(Supplier<Plugins> discovery, TaskRunner tasks) {
        this.discovery = Objects.requireNonNull(discovery);
        this.tasks = Objects.requireNonNull(tasks);
        var chosen = Bindings.isNotNull(selected);
        reload = new Command<>((ignored, done) -> load(done));
        validate = new Command<>(chosen, (ignored, done) -> check(false, done));
        testConnection = new Command<>(chosen, (ignored, done) -> check(true, done));
        selected.addListener((obs, old, now) -> clearResult());
        settingsText.addListener((obs, old, now) -> clearResult());
    }

    // Properties

    public ObservableList<AdapterRow> rows() {
        return rowsView;
    }

    /** Plug-ins that could not be loaded, one line each. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    public ObjectProperty<AdapterRow> selectedProperty() {
        return selected;
    }

    /** The settings being edited, as JSON; secrets by reference ({@code {"env": "NAME"}}). */
    public StringProperty settingsTextProperty() {
        return settingsText;
    }

    /** The settings last checked, with any literal secret masked: what may be shown or exported. */
    public ReadOnlyStringProperty maskedSettingsProperty() {
        return maskedSettings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    // Commands

    public Command<Void> reload() {
        return reload;
    }

    public Command<Void> validate() {
        return validate;
    }

    public Command<Void> testConnection() {
        return testConnection;
    }

    private void load(Runnable done) {
        tasks.run("Looking for adapters", discovery::get, found -> {
            plugins = found;
            AdapterRow was = selected.get();
            rows.setAll(found.all().stream().map(f -> new AdapterRow(f.kind().label(), f.type(), f.origin())).toList());
            problems.setAll(found.problems());
            selected.set(rows.contains(was) ? was : null);
            statusMessage.set(rows.size() + " adapters" + (problems.isEmpty() ? "" : ", " + problems.size()
                    + " plug-in problem" + (problems.size() == 1 ? "" : "s")));
            done.run();
        }, failure -> {
            statusMessage.set("Could not look for adapters: " + failure.getMessage());
            done.run();
        });
    }

    private void check(boolean connect, Runnable done) {
        AdapterRow row = selected.get();
        Plugins.Found<?> found = plugins == null ? null : find(row);
        Map<String, Object> settings;
        try {
            settings = parse(settingsText.get());
        } catch (JsonProcessingException e) {
            show(Outcome.FAILED, "The settings are not JSON: " + e.getOriginalMessage());
            done.run();
            return;
        }
        maskedSettings.set(pretty(Redaction.masked(settings)));
        if (found == null) {
            show(Outcome.FAILED, "No " + (row == null ? "adapter" : row.type()) + " is loaded; reload the list.");
            done.run();
            return;
        }
        String title = (connect ? "Testing the connection of " : "Validating ") + row.type();
        tasks.run(title, () -> {
            Object instance = ConnectionTester.build(found, settings);
            return connect ? ConnectionTester.test(instance) : "The settings are valid.";
        }, ok -> {
            show(Outcome.OK, ok);
            done.run();
        }, failure -> {
            show(Outcome.FAILED, failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
            done.run();
        });
    }

    private Plugins.Found<?> find(AdapterRow row) {
        return plugins.all().stream().filter(f -> f.kind().label().equals(row.kind()) && f.type().equals(row.type()))
                .findFirst().orElse(null);
    }

    private void show(Outcome o, String text) {
        outcome.set(o);
        result.set(text);
    }

    private void clearResult() {
        outcome.set(Outcome.NONE);
        result.set("");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text) throws JsonProcessingException {
        Object v = JSON.readValue(text == null || text.isBlank() ? "{}" : text, Object.class);
        if (!(v instanceof Map)) {
            throw new JsonProcessingException("the settings must be a JSON object") { };
        }
        return new LinkedHashMap<>((Map<String, Object>) v);
    }

    private static String pretty(Map<String, Object> m) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            return m.toString();
        }
    }

    /** The rows of one kind, for tests and for grouping in the view. */
    public List<AdapterRow> rowsOf(String kind) {
        return rows.stream().filter(r -> r.kind().equals(kind)).toList();
    }
}
