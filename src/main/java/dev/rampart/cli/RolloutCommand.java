package dev.rampart.cli;

import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.RolloutStatus;
import dev.rampart.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

@Command(name = "rollout", description = "Start, watch and steer rollouts on the wall clock.",
        subcommands = {RolloutCommand.Start.class, RolloutCommand.Status.class, RolloutCommand.Pause.class,
                RolloutCommand.Resume.class, RolloutCommand.Rollback.class, RolloutCommand.Promote.class,
                RolloutCommand.Kill.class, RolloutCommand.Unkill.class})
final class RolloutCommand {

    /** The options every rollout subcommand shares. */
    static final class Common {
        @Option(names = "--json", description = "Print one JSON object.") boolean json;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why; recorded with the event.") String reason;
    }

    /** Opens the store, runs one action on the service, prints the rollout's state, closes the store. */
    abstract static class Action implements Callable<Integer> {
        final CliContext cx;
        @Mixin Common common;

        Action(CliContext cx) {
            this.cx = cx;
        }

        abstract Rollout act(RolloutService service, Store store);

        @Override
        public Integer call() {
            try (Store store = cx.openStore()) {
                RolloutService service = cx.rollouts(store);
                Rollout r = act(service, store);
                print(cx, common.json, service.status(r.id()));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "start", description = "Start a rollout of a stored plan (by id or change id).")
    static final class Start extends Action {
        @Parameters(paramLabel = "PLAN") String plan;

        Start(CliContext cx) {
            super(cx);
        }

        @Override
        Rollout act(RolloutService service, Store store) {
            StoredPlan stored = cx.catalog(store).find(plan)
                    .orElseThrow(() -> CliException.badInput("no plan with id or change id \"" + plan + "\""));
            return service.start(stored.id(), cx.globals().user());
        }
    }

    @Command(name = "status", description = "Show a rollout's state, stage and latest events.")
    static final class Status extends Action {
        @Parameters(paramLabel = "ID") long id;

        Status(CliContext cx) {
            super(cx);
        }

        @Override
        Rollout act(RolloutService service, Store store) {
            return service.status(id).rollout();
        }
    }

    abstract static class Control extends Action {
        @Parameters(paramLabel = "ID") long id;
        private final BiFunction<Control, RolloutService, Rollout> action;

        Control(CliContext cx, BiFunction<Control, RolloutService, Rollout> action) {
            super(cx);
            this.action = action;
        }

        @Override
        Rollout act(RolloutService service, Store store) {
            return action.apply(this, service);
        }

        String user() {
            return cx.globals().user();
        }
    }

    @Command(name = "pause", description = "Hold a running rollout where it is; halt rules keep being evaluated.")
    static final class Pause extends Control {
        Pause(CliContext cx) {
            super(cx, (c, s) -> s.pause(c.id, c.user(), c.common.reason));
        }
    }

    @Command(name = "resume", description = "Let a paused rollout move on.")
    static final class Resume extends Control {
        Resume(CliContext cx) {
            super(cx, (c, s) -> s.resume(c.id, c.user()));
        }
    }

    @Command(name = "rollback", description = {"Send all traffic back to the previous version now, then run the plan's",
            "rollback steps. Again after a failed rollback: from its first step not confirmed."})
    static final class Rollback extends Control {
        @Option(names = "--confirm-step", paramLabel = "N", description = {"After a rollback failed on a step whose "
                + "outcome was unknown:", "you checked that step N did run; the rollback goes on with the next."})
        Integer confirmStep;

        Rollback(CliContext cx) {
            super(cx, (c, s) -> {
                Integer step = ((Rollback) c).confirmStep;
                return step == null ? s.rollback(c.id, c.user(), c.common.reason)
                        : s.confirmRollbackStep(c.id, c.user(), step, c.common.reason);
            });
        }
    }

    @Command(name = "kill", description = {"Turn a kill switch off: the global one (the rollout rolls back) or, with",
            "--cohort, one cohort's (it leaves the new version and the rollout pauses)."})
    static final class Kill extends Control {
        @Option(names = "--cohort", paramLabel = "NAME", description = "The cohort's switch (canary.cohort.NAME.enabled).")
        String cohort;

        Kill(CliContext cx) {
            super(cx, (c, s) -> s.setKillSwitch(c.id, ((Kill) c).cohort, false, c.user()));
        }
    }

    @Command(name = "unkill", description = "Turn a kill switch back on (the global one, or a cohort's with --cohort).")
    static final class Unkill extends Control {
        @Option(names = "--cohort", paramLabel = "NAME", description = "The cohort's switch (canary.cohort.NAME.enabled).")
        String cohort;

        Unkill(CliContext cx) {
            super(cx, (c, s) -> s.setKillSwitch(c.id, ((Unkill) c).cohort, true, c.user()));
        }
    }

    @Command(name = "promote", description = "Emergency: all traffic to the new version now (--force and --reason).")
    static final class Promote extends Control {
        @Option(names = "--force", required = true, description = "Skip the remaining stages and their gates.")
        boolean force;

        Promote(CliContext cx) {
            super(cx, (c, s) -> {
                if (c.common.reason == null || c.common.reason.isBlank()) {
                    throw CliException.badInput("promote --force needs --reason TEXT");
                }
                return s.promote(c.id, c.user(), c.common.reason,
                        c.cx.secret(Secrets.PASSPHRASE_FILE,
                                "Passphrase of " + c.user() + "'s signing key (emergency promote): "));
            });
        }
    }

    static void print(CliContext cx, boolean json, RolloutStatus status) {
        Rollout r = status.rollout();
        List<AuditEvent> events = status.events();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", r.id());
            out.put("plan_id", r.planId());
            out.put("change_id", status.plan().changeId());
            out.put("state", r.state().wireName());
            out.put("stage", status.currentStage());
            out.put("started_by", r.startedBy());
            out.put("kill_switches", new java.util.TreeMap<>(status.killSwitches()));
            out.put("events", events.stream().map(RolloutCommand::eventJson).toList());
            cx.out().println(Json.write(out));
            return;
        }
        cx.out().printf("rollout %d of %s: %s%s%n", r.id(), status.plan().changeId(), r.state().wireName(),
                status.currentStage() == null ? "" : " at stage " + status.currentStage());
        List<String> off = status.killSwitches().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .sorted().toList();
        if (!off.isEmpty()) {
            cx.out().println("  kill switches off: " + String.join(", ", off));
        }
        events.subList(Math.max(0, events.size() - 8), events.size()).forEach(e -> cx.out().println("  " + line(e)));
    }

    private static String line(AuditEvent e) {
        return e.at() + "  " + e.type() + (e.stage() == null ? "" : " [" + e.stage() + "]")
                + (e.data().isEmpty() ? "" : "  " + new java.util.TreeMap<>(e.data()));
    }

    private static Map<String, Object> eventJson(AuditEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at().toString());
        m.put("type", e.type());
        m.put("actor", e.actor());
        m.put("stage", e.stage());
        m.put("data", new java.util.TreeMap<>(e.data()));
        return m;
    }
}
