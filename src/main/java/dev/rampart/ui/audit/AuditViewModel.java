package dev.rampart.ui.audit;

import dev.rampart.domain.access.AuditCheck;
import dev.rampart.domain.repo.AuditIntegrity;
import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.ui.Command;
import dev.rampart.ui.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The Audit screen: the event timeline, newest first, filterable by rollout, event type and person, with the hash
 * chain's integrity as the store's verifier reports it.
 */
public final class AuditViewModel {
    /** The filter value that lets everything through. */
    public static final String ALL = "All";
    static final int SHOWN = 5000;

    private final AuditLog log;
    private final AuditIntegrity integrity;
    private final TaskRunner tasks;
    private final ObservableList<AuditEvent> events = FXCollections.observableArrayList();
    private final FilteredList<AuditEvent> filtered = new FilteredList<>(events);
    private final ObservableList<String> rolloutChoices = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> typeChoices = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> personChoices = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<String> rollout = new SimpleObjectProperty<>(this, "rollout", ALL);
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(this, "type", ALL);
    private final ObjectProperty<String> person = new SimpleObjectProperty<>(this, "person", ALL);
    private final ReadOnlyStringWrapper integrityText = new ReadOnlyStringWrapper(this, "integrityText", "Checking…");
    private final ReadOnlyBooleanWrapper intact = new ReadOnlyBooleanWrapper(this, "intact");
    private final ReadOnlyBooleanWrapper broken = new ReadOnlyBooleanWrapper(this, "broken");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final Command<Void> reload;

    public AuditViewModel(AuditLog log, AuditIntegrity integrity, TaskRunner tasks) {
        this.log = Objects.requireNonNull(log);
        this.integrity = Objects.requireNonNull(integrity);
        this.tasks = Objects.requireNonNull(tasks);
        reload = new Command<>((ignored, done) -> load(done));
        rollout.addListener(o -> refilter());
        type.addListener(o -> refilter());
        person.addListener(o -> refilter());
    }

    public ObservableList<AuditEvent> events() {
        return filtered;
    }

    public ObservableList<String> rolloutChoices() {
        return rolloutChoices;
    }

    public ObservableList<String> typeChoices() {
        return typeChoices;
    }

    public ObservableList<String> personChoices() {
        return personChoices;
    }

    /** "#3", or {@link #ALL}. */
    public ObjectProperty<String> rolloutProperty() {
        return rollout;
    }

    /** An event type ("rollout.halted"), a family ("signoff.*"), or {@link #ALL}. */
    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public ObjectProperty<String> personProperty() {
        return person;
    }

    public ReadOnlyStringProperty integrityTextProperty() {
        return integrityText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty intactProperty() {
        return intact.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty brokenProperty() {
        return broken.getReadOnlyProperty();
    }

    /** "42 of 310 events" */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public Command<Void> reload() {
        return reload;
    }

    private void load(Runnable done) {
        tasks.run("Reading the audit trail", () -> {
            long total = log.count();
            List<AuditEvent> read = log.read(Math.max(0, total - SHOWN), SHOWN);
            return new Loaded(read, integrity.check());
        }, loaded -> {
            List<AuditEvent> newestFirst = new java.util.ArrayList<>(loaded.events());
            java.util.Collections.reverse(newestFirst);
            events.setAll(newestFirst);
            TreeSet<String> rollouts = new TreeSet<>(java.util.Comparator.comparingLong(s -> Long.parseLong(s.substring(1))));
            TreeSet<String> types = new TreeSet<>();
            TreeSet<String> people = new TreeSet<>();
            for (AuditEvent e : newestFirst) {
                if (e.rolloutId() != null) {
                    rollouts.add("#" + e.rolloutId());
                }
                types.add(e.type());
                types.add(e.type().substring(0, Math.max(0, e.type().indexOf('.'))) + ".*");
                people.add(e.actor());
            }
            keep(rolloutChoices, rollouts, rollout);
            keep(typeChoices, types, type);
            keep(personChoices, people, person);
            AuditCheck check = loaded.check();
            integrityText.set(check.summary());
            intact.set(check.intact());
            broken.set(!check.intact());
            refilter();
            done.run();
        }, failure -> {
            integrityText.set("Could not read the audit trail: " + failure.getMessage());
            done.run();
        });
    }

    private record Loaded(List<AuditEvent> events, AuditCheck check) {
    }

    private static void keep(ObservableList<String> choices, java.util.Collection<String> values,
                             ObjectProperty<String> selected) {
        String was = selected.get();
        choices.setAll(ALL);
        choices.addAll(values);
        selected.set(choices.contains(was) ? was : ALL);
    }

    private void refilter() {
        String r = rollout.get();
        String t = type.get();
        String p = person.get();
        filtered.setPredicate(e -> (ALL.equals(r) || r == null || r.equals("#" + e.rolloutId()))
                && (ALL.equals(t) || t == null || t.equals(e.type())
                || t.endsWith(".*") && e.type().startsWith(t.substring(0, t.length() - 1)))
                && (ALL.equals(p) || p == null || p.equals(e.actor())));
        countText.set(filtered.size() + " of " + events.size() + " events");
    }
}
