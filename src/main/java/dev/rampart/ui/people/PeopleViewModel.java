package dev.rampart.ui.people;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.engine.access.Access;
import dev.rampart.engine.access.People;
import dev.rampart.engine.access.Permission;
import dev.rampart.ui.Command;
import dev.rampart.ui.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The admin screen for people and roles: who is known, what roles they hold, adding someone and granting or
 * revoking a role. The service refuses anyone who is not an admin; {@link #canManageProperty()} only saves them the
 * trip.
 */
public final class PeopleViewModel {
    private final People people;
    private final Access access;
    private final TaskRunner tasks;
    private final String user;

    private final ObservableList<PersonRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PersonRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> roleChoices = FXCollections.observableArrayList();
    private final ObjectProperty<PersonRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final StringProperty newDisplayName = new SimpleStringProperty(this, "newDisplayName", "");
    private final StringProperty role = new SimpleStringProperty(this, "role", "");
    private final ReadOnlyBooleanWrapper canManage = new ReadOnlyBooleanWrapper(this, "canManage");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

    private final Command<Void> reload;
    private final Command<Void> add;
    private final Command<Void> grant;
    private final Command<Void> revoke;

    /** @param user the person using the console, who acts as admin here */
    public PeopleViewModel(People people, Access access, TaskRunner tasks, String user) {
        this(Objects.requireNonNull(people), Objects.requireNonNull(access), tasks, user, true);
    }

    /** For a console without a store of people (previews, some tests): the screen says so and changes nothing. */
    public static PeopleViewModel unavailable(TaskRunner tasks) {
        return new PeopleViewModel(null, null, tasks, null, false);
    }

    private PeopleViewModel(People people, Access access, TaskRunner tasks, String user, boolean available) {
        this.people = people;
        this.access = access;
        this.tasks = Objects.requireNonNull(tasks);
        this.user = user;
        reload = new Command<>((ignored, done) -> load(done));
        add = new Command<>(canManage.getReadOnlyProperty().and(newName.isNotEmpty()), (ignored, done) -> addPerson(done));
        var personAndRole = canManage.getReadOnlyProperty().and(selected.isNotNull()).and(role.isNotEmpty());
        grant = new Command<>(personAndRole, (ignored, done) -> change(true, done));
        revoke = new Command<>(personAndRole, (ignored, done) -> change(false, done));
    }

    // Properties

    public ObservableList<PersonRow> people() {
        return rowsView;
    }

    /** Built-in roles and every role someone holds, for the role picker. */
    public ObservableList<String> roleChoices() {
        return roleChoices;
    }

    public ObjectProperty<PersonRow> selectedProperty() {
        return selected;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newDisplayNameProperty() {
        return newDisplayName;
    }

    /** The role to grant or revoke (typed or picked; "Schema steward" is schema_steward). */
    public StringProperty roleProperty() {
        return role;
    }

    public ReadOnlyBooleanProperty canManageProperty() {
        return canManage.getReadOnlyProperty();
    }

    /** What the last action did, or why it was refused. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    // Commands

    public Command<Void> reload() {
        return reload;
    }

    public Command<Void> add() {
        return add;
    }

    public Command<Void> grant() {
        return grant;
    }

    public Command<Void> revoke() {
        return revoke;
    }

    private record Loaded(List<PersonRow> rows, boolean canManage) {
    }

    private void load(Runnable done) {
        if (people == null) {
            fail(new IllegalStateException("This console has no store of people to show."), done);
            return;
        }
        tasks.run("Loading people", () -> new Loaded(people.list().stream()
                        .map(p -> PersonRow.of(p, people.canSign(p.name()))).toList(),
                access.allows(user, Permission.MANAGE_PEOPLE)),
                loaded -> {
                    show(loaded);
                    done.run();
                }, e -> fail(e, done));
    }

    private void addPerson(Runnable done) {
        String name = newName.get().strip();
        String display = newDisplayName.get().strip();
        List<Role> roles = role.get().isBlank() ? List.of() : List.of(Role.of(role.get()));
        tasks.run("Adding " + name, () -> people.add(user, name, display, roles, null), p -> {
            newName.set("");
            newDisplayName.set("");
            succeed("Added " + p.name() + " (" + p.rolesText() + "). They enrol their own signing key before they sign.");
            load(done);
        }, e -> fail(e, done));
    }

    private void change(boolean granting, Runnable done) {
        String name = selected.get().name();
        Role r;
        try {
            r = Role.of(role.get());
        } catch (IllegalArgumentException e) {
            fail(e, done);
            return;
        }
        tasks.run((granting ? "Granting " : "Revoking ") + r + (granting ? " to " : " from ") + name,
                () -> granting ? people.grant(user, name, r) : people.revoke(user, name, r), p -> {
                    succeed(p.name() + " now holds " + p.rolesText());
                    load(done);
                }, e -> fail(e, done));
    }

    private void show(Loaded loaded) {
        String keep = selected.get() == null ? null : selected.get().name();
        rows.setAll(loaded.rows());
        canManage.set(loaded.canManage());
        selected.set(rows.stream().filter(r -> r.name().equals(keep)).findFirst().orElse(null));
        TreeSet<String> roles = new TreeSet<>();
        List.of(Role.RELEASE_OWNER, Role.OBSERVER, Role.ADMIN).forEach(r -> roles.add(r.name()));
        Role.STANDARD_APPROVERS.forEach(r -> roles.add(r.name()));
        loaded.rows().forEach(r -> r.person().roles().forEach(x -> roles.add(x.name())));
        roleChoices.setAll(roles);
    }

    private void succeed(String text) {
        failed.set(false);
        message.set(text);
    }

    private void fail(Throwable e, Runnable done) {
        failed.set(true);
        message.set(e.getMessage() == null ? e.toString() : e.getMessage());
        done.run();
    }

    /** For the view: the person picked in the table. */
    public Person selectedPerson() {
        return selected.get() == null ? null : selected.get().person();
    }
}
