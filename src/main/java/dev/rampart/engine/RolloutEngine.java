package dev.rampart.engine;

import dev.rampart.domain.plan.FreezeWindow;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.repo.ConcurrentChangeException;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.domain.rule.Action;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.rampart.domain.rollout.RolloutState.PAUSED;
import static dev.rampart.domain.rollout.RolloutState.RUNNING;
import static dev.rampart.domain.rollout.RolloutState.SCHEDULED;

/**
 * Drives one rollout: {@code scheduled → running(stage k) ⇄ paused → completed}, and from any live state
 * {@code rolling_back → rolled_back | rollback_failed}. Nothing happens between calls: {@link #tick()} reads the
 * injected clock, so the same code runs on a virtual clock (tests, dry runs) and on the wall clock (the agent).
 * Manual controls may be called between ticks from another thread.
 */
public final class RolloutEngine {
    private final PlanRules rules;
    private final EngineParts parts;
    private final Journal journal;
    private final AdapterGate gate;
    private final HaltWatch halts;
    private final StageGate stageGate;
    private final Metering metering;
    private final Traffic traffic;
    private final FreezeCalendar calendar;
    private final KillSwitches switches = new KillSwitches();
    private final Notices notices;
    private final Rollbacks rollbacks;
    private final Notes notes;
    private Instant lastTick;
    /** When the metric source stopped answering, while it does not; null while metrics flow. */
    private Instant gapSince;

    private RolloutEngine(PlanRules rules, EngineParts parts, Rollout rollout) {
        this.rules = rules;
        this.parts = parts;
        this.journal = new Journal(parts.rollouts(), parts.clock(), rollout);
        this.gate = new AdapterGate(parts.adapter(), parts.intents(), parts.clock(), rollout.id(),
                parts.settings().adapterTimeout());
        this.halts = new HaltWatch(rules.haltRules());
        this.stageGate = new StageGate(rules, parts.approvals());
        this.metering = new Metering(rules, parts.metrics(), parts.settings());
        this.traffic = new Traffic(this);
        this.calendar = new FreezeCalendar(rules.plan().schedule());
        this.notices = new Notices(parts.notifier(), journal, parts.settings().actor());
        this.rollbacks = new Rollbacks(this);
        this.notes = new Notes(journal, parts.settings().actor());
    }

    /**
     * Creates a rollout of the plan, {@code scheduled} for the schedule's start (or now); the first tick at or
     * after that time starts it. Refused while the plan's global kill switch is off.
     */
    public static RolloutEngine start(PlanRules rules, long planId, EngineParts parts, String actor) {
        if (!rules.plan().canaryEnabled()) {
            throw new IllegalStateException("kill switch " + KillSwitches.flagName(null) + " is off");
        }
        Instant now = parts.clock().instant();
        Instant startAt = new FreezeCalendar(rules.plan().schedule()).startAt(now);
        NewEvent scheduled = new NewEvent(null, now, "rollout.scheduled", actor, null,
                Map.of("start", startAt.toString(), "change_id", String.valueOf(rules.plan().changeId())));
        Rollout r = parts.rollouts().create(planId, SCHEDULED, actor, scheduled);
        return new RolloutEngine(rules, parts, r);
    }

    /**
     * Takes over a rollout already in the store (after a restart, or in the agent): restores the stage clock and
     * kill switches from its events and reconciles every unfinished adapter intent against the adapter.
     */
    public static RolloutEngine attach(PlanRules rules, long rolloutId, EngineParts parts) {
        Rollout r = parts.rollouts().find(rolloutId)
                .orElseThrow(() -> new IllegalArgumentException("no rollout " + rolloutId));
        RolloutEngine engine = new RolloutEngine(rules, parts, r);
        engine.restore(parts.rollouts().events(rolloutId));
        new Reconciler(engine).reconcile();
        return engine;
    }

    /** Does what is due at the clock's current instant; returns the rollout as persisted. */
    public synchronized Rollout tick() {
        try {
            return tickOnce();
        } catch (ConcurrentChangeException e) {
            // someone else (another console, the CLI) changed the rollout between our read and write: decide again
            journal.refresh();
            return journal.rollout();
        }
    }

    private Rollout tickOnce() {
        journal.refresh();
        if (gate.unsettled() && new Reconciler(this).reconcile()) {
            gate.settled();
        }
        Instant now = parts.clock().instant();
        Instant from = lastTick != null ? lastTick : now.minus(parts.settings().firstWindow());
        lastTick = now;
        Rollout r = journal.rollout();
        if (r.state() == RolloutState.ROLLING_BACK) {
            return rollbacks.attempt();
        }
        if (r.state() == SCHEDULED && !now.isBefore(calendar.startAt(now))) {
            r = journal.commit(RUNNING, -1, journal.event("rollout.started", null, actor(), Map.of()));
        }
        if (r.state() != RUNNING && r.state() != PAUSED) {
            return r;
        }
        Measurement m = measure(from, now);
        if (m != null && watchHalts(m, now)) {
            return journal.rollout();
        }
        if (journal.rollout().state() == RUNNING) {
            advance(m, now);
        }
        return journal.rollout();
    }

    // --- manual controls ---------------------------------------------------------------------------------

    /** Holds the rollout where it is; halt rules keep being evaluated. */
    public synchronized Rollout pause(String actor, String reason) {
        journal.refresh();
        require(journal.rollout().state() == RUNNING, "pause");
        return journal.commit(PAUSED, stageIndex(), journal.event("rollout.paused", stageName(), actor,
                Map.of("reason", text(reason))));
    }

    /** Lets a paused rollout move on; rules still breached must hold for their whole window again. */
    public synchronized Rollout resume(String actor) {
        journal.refresh();
        require(journal.rollout().state() == PAUSED, "resume");
        require(switches.globalEnabled(), "resume with " + KillSwitches.flagName(null) + " off:");
        halts.rearm();
        journal.commit(RUNNING, stageIndex(), journal.event("rollout.resumed", stageName(), actor, Map.of()));
        if (stageIndex() >= 0 && !traffic.inEffect(stageIndex())) {
            traffic.apply(stageIndex(), "rollout.expanded");
        }
        return journal.rollout();
    }

    /**
     * Rolls back at once (the big red button); allowed from any live state, freeze windows included, and again
     * after a rollback failed.
     */
    public synchronized Rollout rollback(String actor, String reason) {
        journal.refresh();
        RolloutState s = journal.rollout().state();
        require(s.isLive() || s == RolloutState.ROLLBACK_FAILED, "roll back");
        if (journal.rollout().state() == RolloutState.ROLLING_BACK) {
            return rollbacks.attempt();
        }
        return rollbacks.begin(actor, "manual: " + text(reason), List.of());
    }

    /**
     * {@code promote --force}: all traffic to the new version now, skipping the remaining stages and their gates.
     * The reason is required and the promotion is flagged for review.
     */
    public synchronized Rollout promote(String actor, String reason, boolean force) {
        journal.refresh();
        require(force, "promote without --force");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("promote --force needs a reason");
        }
        RolloutState s = journal.rollout().state();
        require(s == RUNNING || s == PAUSED, "promote");
        try {
            AdapterGate.Call call = gate.promote(rules.lastStage());
            Map<String, String> data = Map.of("forced", "true", "reason", reason, "review", "required",
                    "from_stage", String.valueOf(stageName()), "idempotency_key", call.key());
            return journal.commit(RolloutState.COMPLETED, rules.lastStage(),
                    journal.event("rollout.promoted", rules.stage(rules.lastStage()).name(), actor, data),
                    completedEvent());
        } catch (AdapterGate.GateException e) {
            return adapterFailed(e);
        }
    }

    /** Turns a kill switch on or off; {@code cohort} null is the global one. Off: no traffic to the new version. */
    public synchronized Rollout setKillSwitch(String cohort, boolean enabled, String actor) {
        journal.refresh();
        switches.set(cohort, enabled);
        journal.record(journal.event("killswitch.changed", cohort, actor,
                Map.of("switch", KillSwitches.flagName(cohort), "enabled", Boolean.toString(enabled))));
        RolloutState s = journal.rollout().state();
        if (!s.isLive() || s == RolloutState.ROLLING_BACK) {
            return journal.rollout();
        }
        if (cohort == null) {
            return enabled ? journal.rollout()
                    : rollbacks.begin(actor, "kill switch " + KillSwitches.flagName(null) + " turned off", List.of());
        }
        int k = stageIndex();
        boolean onNewVersion = k >= 0 && rules.plan().stages().subList(0, k + 1).stream()
                .anyMatch(st -> st.name().equals(cohort));
        if (onNewVersion && (!enabled || s == RUNNING)) {
            traffic.apply(k, enabled ? "rollout.expanded" : "rollout.narrowed");
        }
        if (!enabled && journal.rollout().state() == RUNNING) {
            journal.commit(PAUSED, k, journal.event("rollout.paused", stageName(), actor,
                    Map.of("reason", "kill switch " + KillSwitches.flagName(cohort) + " turned off")));
        }
        return journal.rollout();
    }

    /**
     * Moves one cohort already on the new version to {@code percent} of all traffic (a release owner's slider), until
     * the next stage is entered. Returns once the adapter confirmed it, or with the adapter error handled.
     */
    public synchronized Rollout setTraffic(String cohort, double percent, String actor) {
        journal.refresh();
        RolloutState s = journal.rollout().state();
        require(s == RUNNING || s == PAUSED, "change traffic");
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("traffic for " + cohort + " must be between 0 and 100 %, not " + percent);
        }
        int k = stageIndex();
        boolean onNewVersion = k >= 0 && rules.plan().stages().subList(0, k + 1).stream()
                .anyMatch(st -> st.name().equals(cohort));
        if (!onNewVersion) {
            throw new IllegalStateException("cohort " + cohort + " is not on the new version yet");
        }
        journal.record(journal.event("traffic.requested", cohort, actor,
                Map.of("cohort", cohort, "traffic_percent", RuleReading.number(percent))));
        traffic.override(cohort, percent);
        traffic.apply(k, "rollout.traffic_changed");
        return journal.rollout();
    }

    /** The split the adapter last confirmed in this process, or null before any. */
    public synchronized dev.rampart.spi.TrafficSplit confirmedTraffic() {
        return traffic.confirmed();
    }

    public synchronized Rollout rollout() {
        return journal.rollout();
    }

    public KillSwitches killSwitches() {
        return switches;
    }

    public PlanRules rules() {
        return rules;
    }

    // --- one tick ----------------------------------------------------------------------------------------

    private Measurement measure(Instant from, Instant now) {
        try {
            Measurement m = metering.read(stageIndex(), switches, from, now);
            notes.clear("metrics");
            if (gapSince != null) {
                journal.record(journal.event("incident.monitoring_restored", stageName(), actor(),
                        Map.of("since", gapSince.toString())));
                gapSince = null;
            }
            return m;
        } catch (Exception e) {
            String error = String.valueOf(e.getMessage());
            if (gapSince == null) {
                // Seed 000: a monitoring gap is an incident, logged and told, not only a failed read.
                gapSince = now;
                NewEvent gap = journal.event("incident.monitoring_gap", stageName(), actor(), Map.of("error", error));
                journal.record(gap);
                notices.tell(gap);
            }
            notes.note("metrics", "metrics.failed", stageName(), Map.of("error", error));
            return null;
        }
    }

    /** True when a tripped rule ended this tick (a rollback began). */
    private boolean watchHalts(Measurement m, Instant now) {
        for (RuleReading trip : halts.check(m.cohorts(), metering.baseline(), now)) {
            Map<String, String> data = trip.data();
            Action action = trip.rule().action() == null ? Action.ROLLBACK : trip.rule().action();
            NewEvent halted = journal.event(action == Action.ALERT ? "rollout.alerted" : "rollout.halted",
                    stageName(), actor(), data);
            if (action == Action.ROLLBACK) {
                rollbacks.begin(actor(), "halt rule: " + trip.rule().text(), List.of(halted));
                return true;
            } else if (action == Action.PAUSE && journal.rollout().state() == RUNNING) {
                journal.commit(PAUSED, stageIndex(), halted, journal.event("rollout.paused", stageName(), actor(),
                        Map.of("reason", "halt rule: " + trip.rule().text())));
                notices.tell(halted);
            } else if (action == Action.ALERT) {
                journal.record(halted);
                notices.tell(halted);
            }
        }
        return false;
    }

    private void advance(Measurement m, Instant now) {
        int k = stageIndex();
        Map<String, Double> values = m == null || k < 0 ? null : m.cohorts().get(stageName());
        StageGate.Verdict v = stageGate.check(k, traffic.stageEnteredAt(), now, values, metering.baseline(),
                journal.rollout().id(), journal.rollout().startedBy());
        v.assumed().forEach(s -> journal.record(journal.event("signoff.assumed", s.stage(), s.signer(),
                Map.of("role", s.role(), "note", s.comment()))));
        if (!v.ready()) {
            if (v.worthNoting()) {
                notes.note("waiting", "rollout.waiting", stageName(), Map.of("for", v.waitingFor()));
            }
            Duration max = k < 0 ? null : rules.stage(k).maxDuration();
            if (max != null && Duration.between(traffic.stageEnteredAt(), now).compareTo(max) > 0) {
                notes.note("overdue", "rollout.overdue", stageName(), Map.of("max_duration", max.toString(),
                        "waiting_for", v.waitingFor()));
            }
            return;
        }
        notes.clear("overdue");
        if (k == rules.lastStage()) {
            journal.commit(RolloutState.COMPLETED, k, completedEvent());
            notices.tell(journal.event("rollout.completed", stageName(), actor(), Map.of()));
            return;
        }
        Optional<FreezeWindow> freeze = calendar.frozen(now);
        if (freeze.isPresent()) {
            FreezeWindow w = freeze.get();
            notes.note("waiting", "rollout.frozen", stageName(), Map.of("from", w.from().toString(),
                    "to", w.to().toString(), "reason", String.valueOf(w.reason()), "time_zone",
                    calendar.zone().getId()));
            return;
        }
        String next = rules.stage(k + 1).name();
        if (!switches.cohortEnabled(next)) {
            notes.note("waiting", "rollout.waiting", stageName(), Map.of("for", KillSwitches.flagName(next)));
            return;
        }
        notes.clear("waiting");
        traffic.apply(k + 1, "rollout.expanded");
    }

    Rollout adapterFailed(AdapterGate.GateException e) {
        journal.record(journal.event("adapter.failed", stageName(), actor(), e.data()));
        int limit = parts.settings().circuitBreakerErrors();
        if (e.consecutiveErrors >= limit && journal.rollout().state() != RolloutState.ROLLING_BACK) {
            switches.set(null, false);
            NewEvent opened = journal.event("rollout.circuit_opened", stageName(), actor(),
                    Map.of("consecutive_errors", Integer.toString(e.consecutiveErrors),
                            "switch", KillSwitches.flagName(null)));
            return rollbacks.begin(actor(), "circuit breaker: " + e.consecutiveErrors + " consecutive adapter errors",
                    List.of(opened));
        }
        return journal.rollout();
    }

    NewEvent completedEvent() {
        return journal.event("rollout.completed", stageName(), actor(), errorRateData(Map.of()));
    }

    Map<String, String> errorRateData(Map<String, String> more) {
        return metering.withErrorRate(more);
    }

    private void restore(List<AuditEvent> events) {
        String lastStage = null;
        for (AuditEvent e : events) {
            switch (e.type()) {
                case "rollout.expanded" -> {
                    if (!Objects.equals(e.stage(), lastStage)) {
                        traffic.clearOverrides();
                    }
                    lastStage = e.stage();
                    traffic.entered(e.at());
                }
                case "traffic.requested" -> traffic.override(e.stage(),
                        Double.parseDouble(e.data().get("traffic_percent")));
                case "rollout.rolling_back" -> rollbacks.restore(e.at(), e.data().get("reason"));
                case "killswitch.changed" -> switches.set(e.stage(), Boolean.parseBoolean(e.data().get("enabled")));
                default -> { }
            }
        }
    }

    void enteredReconciled(Instant at) {
        traffic.entered(at);
    }

    // --- small helpers -----------------------------------------------------------------------------------

    Journal journal() {
        return journal;
    }

    AdapterGate gate() {
        return gate;
    }

    EngineParts parts() {
        return parts;
    }

    Rollbacks rollbacks() {
        return rollbacks;
    }

    Notices notices() {
        return notices;
    }

    int stageIndex() {
        return journal.rollout().stageIndex();
    }

    String stageName() {
        int k = stageIndex();
        return k < 0 ? null : rules.stage(k).name();
    }

    String actor() {
        return parts.settings().actor();
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("cannot " + what + " a rollout that is "
                    + journal.rollout().state().wireName());
        }
    }

    private static String text(String reason) {
        return reason == null || reason.isBlank() ? "(no reason given)" : reason;
    }
}
