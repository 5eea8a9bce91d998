package dev.rampart.ui.checklists;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.Signature;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.engine.access.SignRequest;
import dev.rampart.engine.access.SignableItem;
import dev.rampart.ui.Command;
import dev.rampart.ui.TaskRunner;
import dev.rampart.ui.rollout.RolloutChoice;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The Checklists screen: a rollout's pre-release, smoke-test, per-stage and go/no-go items with who signed them.
 * Signing goes through the access service, which checks the passphrase, the roles and four-eyes; a refusal is shown
 * as the service words it. This view model decides nothing about permissions.
 */
public final class ChecklistsViewModel {
    private final RolloutService rollouts;
    private final AccessServices access;
    private final TaskRunner tasks;
    private final ZoneId zone;

    private final ObservableList<RolloutChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<RolloutChoice> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<ChecklistRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Person> people = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final Command<Void> reload;

    public ChecklistsViewModel(RolloutService rollouts, AccessServices access, TaskRunner tasks, ZoneId zone) {
        this.rollouts = Objects.requireNonNull(rollouts);
        this.access = Objects.requireNonNull(access);
        this.tasks = Objects.requireNonNull(tasks);
        this.zone = Objects.requireNonNull(zone);
        reload = new Command<>((ignored, done) -> load(done));
        selected.addListener((o, was, now) -> {
            if (now != null && (was == null || was.id() != now.id())) {
                reload.execute();
            }
        });
    }

    // Properties

    public ObservableList<RolloutChoice> rollouts() {
        return choices;
    }

    public ObjectProperty<RolloutChoice> selectedProperty() {
        return selected;
    }

    public ObservableList<ChecklistRow> rows() {
        return rows;
    }

    /**
     * Who may sign at this console: the people whose private keys this machine holds (the console's user; in a
     * local demo workspace the demo people), each unlocking their own key with their passphrase.
     */
    public ObservableList<Person> people() {
        return people;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    /** "7 items · 2 signed · 1 stale" */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    // Commands

    public Command<Void> reload() {
        return reload;
    }

    /**
     * Signs {@code row} as {@code signer} in {@code role}. The passphrase is handed to the service, which clears it.
     */
    public void sign(ChecklistRow row, String signer, Role role, char[] passphrase, String comment) {
        RolloutChoice rollout = selected.get();
        if (rollout == null || row == null) {
            Arrays.clear(passphrase);
            return;
        }
        SignableItem item = row.item();
        String what = (item.isGate() ? "the go/no-go" : "\"" + item.item() + "\"")
                + (item.stage() == null ? "" : " of " + item.stage());
        tasks.run("Signing " + what, () -> {
            access.signatures().sign(new SignRequest(rollout.id(), item.stage(), item.item(), role,
                    comment == null ? "" : comment), signer, passphrase);
            return read(rollout.id());
        }, list -> {
            rows.setAll(list);
            summarize();
            say(signer + " signed " + what + " as " + role.name() + ".", false);
        }, failure -> {
            say("Not signed: " + (failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : failure.getMessage()), true);
        });
    }

    private void load(Runnable done) {
        RolloutChoice wanted = selected.get();
        tasks.run("Loading checklists", () -> {
            List<Rollout> all = rollouts.all();
            List<RolloutChoice> list = all.stream().limit(20).map(r -> new RolloutChoice(r.id(), "#" + r.id()
                    + " · plan " + r.planId() + " · " + r.state().wireName(), r.state().isLive())).toList();
            Long id = wanted != null ? Long.valueOf(wanted.id())
                    : all.stream().filter(r -> r.state().isLive()).map(Rollout::id).findFirst()
                    .orElse(all.isEmpty() ? null : all.get(0).id());
            return new Loaded(list, id, id == null ? List.of() : read(id), access.signatures().signersHere());
        }, loaded -> {
            choices.setAll(loaded.choices());
            people.setAll(loaded.people());
            rows.setAll(loaded.rows());
            loaded.choices().stream().filter(c -> loaded.id() != null && c.id() == loaded.id()).findFirst()
                    .ifPresent(selected::set);
            summarize();
            done.run();
        }, failure -> {
            say("Could not load the checklists: " + failure.getMessage(), true);
            done.run();
        });
    }

    private record Loaded(List<RolloutChoice> choices, Long id, List<ChecklistRow> rows, List<Person> people) {
    }

    private List<ChecklistRow> read(long rolloutId) {
        List<Signature> signatures = access.signatures().list(rolloutId);
        String sha = access.signatures().currentPlanSha(rolloutId);
        return access.signatures().items(rolloutId).stream()
                .map(i -> ChecklistRow.of(i, signatures, sha, zone)).toList();
    }

    private void summarize() {
        long signed = rows.stream().filter(r -> r.status() == ChecklistRow.Status.SIGNED).count();
        long stale = rows.stream().filter(r -> r.status() == ChecklistRow.Status.STALE).count();
        summary.set(rows.size() + " items · " + signed + " signed" + (stale > 0 ? " · " + stale + " stale" : ""));
    }

    private void say(String text, boolean isRefusal) {
        message.set(text);
        refused.set(isRefusal);
    }

    /** Passphrases are char arrays so they can be cleared. */
    static final class Arrays {
        private Arrays() {
        }

        static void clear(char[] secret) {
            if (secret != null) {
                java.util.Arrays.fill(secret, '\0');
            }
        }
    }
}
