package dev.rampart.ui.rollback;

import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.RolloutStatus;
import dev.rampart.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Objects;

/**
 * The big rollback button in the top bar. It shows while a rollout is live; a press asks for confirmation at once
 * (no store or adapter call on the click), the rollback runs in the background, and the result names the measured
 * {@code rollback_time_seconds}.
 */
public final class RollbackViewModel {

    public enum Phase { IDLE, CONFIRMING, ROLLING_BACK, DONE, FAILED }

    private final RolloutService service;
    private final TaskRunner tasks;
    private final TaskRunner quiet;
    private final String user;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(this, "visible");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "Roll back");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper(this, "question", "");
    private List<Rollout> live = List.of();
    private Rollout target;
    private Long preferred;

    public RollbackViewModel(RolloutService service, TaskRunner tasks, TaskRunner quiet, String user) {
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.quiet = Objects.requireNonNull(quiet);
        this.user = Objects.requireNonNull(user);
        phase.addListener((o, was, now) -> describe());
    }

    // Properties

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** True while a rollout is live, and while a rollback and its result are shown. */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** "Rolled back #3 in 0.14 s" or what failed; empty before any. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** What the confirmation asks, set when the button is pressed. */
    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    // Commands

    /** Re-reads which rollouts are live (the window calls this every second, in the background). */
    public void refresh() {
        quiet.run("Checking live rollouts", service::live, this::setLive, failure -> { });
    }

    /** The rollout the person is looking at, rolled back first when several are live. */
    public void prefer(Long rolloutId) {
        preferred = rolloutId;
    }

    /** The click: asks at once; returns false (and does nothing) when no rollout is live. */
    public boolean press() {
        if (phase.get() == Phase.ROLLING_BACK || phase.get() == Phase.CONFIRMING || live.isEmpty()) {
            return false;
        }
        target = live.stream().filter(r -> preferred != null && r.id() == preferred).findFirst().orElse(live.get(0));
        question.set("Roll back rollout #" + target.id() + " now? All traffic goes back to the previous version"
                + (live.size() > 1 ? " (" + live.size() + " rollouts are live; the others keep running)." : "."));
        phase.set(Phase.CONFIRMING);
        return true;
    }

    public void cancel() {
        if (phase.get() == Phase.CONFIRMING) {
            phase.set(Phase.IDLE);
        }
    }

    public void confirm() {
        if (phase.get() != Phase.CONFIRMING) {
            return;
        }
        Rollout r = target;
        phase.set(Phase.ROLLING_BACK);
        tasks.run("Rolling back rollout #" + r.id(), () -> {
            service.rollback(r.id(), user, "rollback button in the console");
            return service.status(r.id());
        }, status -> {
            finished(status);
            refresh();
        }, failure -> {
            result.set("Rollback of #" + r.id() + " failed: " + failure.getMessage());
            phase.set(Phase.FAILED);
            refresh();
        });
    }

    /** Hides the result of the last rollback. */
    public void dismiss() {
        if (phase.get() == Phase.DONE || phase.get() == Phase.FAILED) {
            phase.set(Phase.IDLE);
        }
    }

    private void finished(RolloutStatus status) {
        Rollout r = status.rollout();
        if (r.state() == RolloutState.ROLLED_BACK) {
            AuditEvent done = status.last("rollout.rolled_back");
            String seconds = done == null ? null : done.data().get("rollback_time_seconds");
            result.set("Rolled back #" + r.id() + (seconds == null ? "" : " in " + seconds + " s")
                    + " · rollback_time_seconds = " + (seconds == null ? "unknown" : seconds));
            phase.set(Phase.DONE);
        } else {
            AuditEvent failed = status.last("rollout.rollback_failed");
            result.set("Rollback of #" + r.id() + " is " + r.state().wireName().replace('_', ' ')
                    + (failed == null ? "" : ": " + failed.data().getOrDefault("error", "")));
            phase.set(r.state() == RolloutState.ROLLING_BACK ? Phase.ROLLING_BACK : Phase.FAILED);
        }
    }

    private void setLive(List<Rollout> now) {
        live = List.copyOf(now);
        describe();
    }

    private void describe() {
        Phase p = phase.get();
        visible.set(!live.isEmpty() || p != Phase.IDLE);
        text.set(switch (p) {
            case IDLE -> live.size() > 1 ? "Roll back (" + live.size() + " live)" : "Roll back";
            case CONFIRMING -> "Confirm rollback…";
            case ROLLING_BACK -> "Rolling back…";
            case DONE -> "Rolled back ✓";
            case FAILED -> "Rollback failed";
        });
    }
}
