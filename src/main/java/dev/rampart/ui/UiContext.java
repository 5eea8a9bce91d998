package dev.rampart.ui;

import dev.rampart.domain.repo.AuditIntegrity;
import dev.rampart.domain.repo.AuditLog;
import dev.rampart.engine.PlanCatalog;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.engine.RolloutService;
import dev.rampart.ui.calendar.PlanSchedules;

import dev.rampart.adapters.Plugins;

import java.util.List;
import java.util.function.Supplier;
import java.util.Objects;

/**
 * What the console needs from the rest of Rampart, built once by the composition root.
 *
 * @param plans     the plans the Releases screen lists and imports into
 * @param tasks     runs every database and adapter call off the FX thread; shown in the status bar
 * @param user      the person using the console, as shown in the top bar
 * @param onClose   run, in order, once the main window has closed (stop the task runner, close the store, …)
 * @param schedules the calendar's plans and their new versions
 * @param rollouts  the rollout service (start, watch, steer, roll back); null: the rollout screens show nothing
 * @param quiet     runs the once-a-second refreshes off the FX thread, without flickering the status bar
 * @param access    people, roles and signatures (the Checklists screen signs through it)
 * @param audit     the audit trail the Audit screen lists
 * @param integrity the audit trail's hash-chain check, shown on the Audit screen
 * @param plugins   finds the adapters installed (class path and plug-in folder), for the Adapters screen
 */
public record UiContext(PlanCatalog plans, TaskRunner tasks, String user, List<Runnable> onClose,
                        PlanSchedules schedules, RolloutService rollouts, TaskRunner quiet, AccessServices access,
                        AuditLog audit, AuditIntegrity integrity, Supplier<Plugins> plugins) {
    public UiContext {
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(tasks, "tasks");
        user = user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user;
        onClose = onClose == null ? List.of() : List.copyOf(onClose);
        schedules = schedules == null ? PlanSchedules.NONE : schedules;
        quiet = quiet == null ? tasks : quiet;
        plugins = plugins == null ? () -> Plugins.discover(UiContext.class.getClassLoader(), null) : plugins;
    }

    public UiContext(PlanCatalog plans, TaskRunner tasks, String user, List<Runnable> onClose) {
        this(plans, tasks, user, onClose, null, null, null, null, null, null, null);
    }

    public UiContext(PlanCatalog plans, TaskRunner tasks, String user) {
        this(plans, tasks, user, List.of());
    }

    public UiContext withSchedules(PlanSchedules s) {
        return new UiContext(plans, tasks, user, onClose, s, rollouts, quiet, access, audit, integrity, plugins);
    }

    public UiContext withRollouts(RolloutService service, TaskRunner quietRunner) {
        return new UiContext(plans, tasks, user, onClose, schedules, service, quietRunner, access, audit, integrity,
                plugins);
    }

    public UiContext withAccess(AccessServices accessServices, AuditLog auditLog, AuditIntegrity auditIntegrity) {
        return new UiContext(plans, tasks, user, onClose, schedules, rollouts, quiet, accessServices, auditLog,
                auditIntegrity, plugins);
    }

    /** The adapters screen scans with {@code discovery}: the class path and the user's plug-in folder. */
    public UiContext withPlugins(Supplier<Plugins> discovery) {
        return new UiContext(plans, tasks, user, onClose, schedules, rollouts, quiet, access, audit, integrity,
                discovery);
    }
}
