package dev.rampart.engine;

import dev.rampart.domain.plan.FreezeWindow;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.repo.ConcurrentChangeException;
import dev.rampart.domain.rollout.Intent;
import dev.rampart.domain.rollout.IntentStatus;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.domain.rule.Action;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.rampart.domain.rollout.RolloutState.COMPLETED;
import static dev.rampart.domain.rollout.RolloutState.PAUSED;
import static dev.rampart.domain.rollout.RolloutState.RUNNING;
import static dev.rampart.domain.rollout.RolloutState.SCHEDULED;

/**
 * Drives one rollout: {@code scheduled → running(stage k) ⇄ paused → completed} (watched for the plan's
 * {@code watch} period afterwards), and from any live state, or a watched completed one, {@code rolling_back →
 * rolled_back | rollback_failed}. Nothing happens between calls: {@link #tick()} reads the injected clock, so the
 * same code runs on a virtual clock (tests, dry runs) and on the wall clock (the agent). Manual controls may be
 * called between ticks from another thread.
 *
 * <p>It fails closed: every decision is taken on what the store says (events, intents, readings), so any process
 * decides the same and a restart changes nothing; a rule that cannot be evaluated stops expansion and, past
 * {@code monitoring.max_gap}, pauses; a tick that throws pauses the rollout and says why.
 */
public final class RolloutEngine {
    private final PlanRules rules;
    private final EngineParts parts;
    private final Journal journal;
    private final AdapterGate gate;
    private final HaltWatch halts;
    private final StageGate stageGate;
    private final MonitoringGate monitoring;
    private final Metering metering;
    private final Traffic traffic;
    private final FreezeCalendar calendar;
    private final Notices notices;
    private final RollbackSequence rollbacks;
    private final Notes notes;

    private RolloutEngine(PlanRules rules, EngineParts parts, Rollout rollout) {
        this.rules = rules;
        this.parts = parts;
        this.journal = new Journal(parts.rollouts(), parts.clock(), rollout);
        this.gate = new AdapterGate(parts.adapter(), parts.intents(), parts.clock(), rollout.id(),
                parts.settings().adapterTimeout());
        this.halts = new HaltWatch(rules.haltRules());
        this.stageGate = new StageGate(rules, parts.approvals(), new Checklists(parts.commands(), parts.approvals()));
        this.monitoring = new MonitoringGate(rules);
        this.metering = new Metering(rules, parts.metrics(), parts.rollouts(), parts.settings(), rollout.id());
        this.traffic = new Traffic(this);
        this.calendar = new FreezeCalendar(rules.plan().schedule());
        this.notices = new Notices(parts.notifier(), journal, parts.settings().actor());
        this.rollbacks = new RollbackSequence(this);
        this.notes = new Notes(journal, parts.settings().actor());
        journal.refresh();
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
     * Takes over a rollout already in the store (after a restart, or in the agent): everything it decides on comes
     * from the store, and every unfinished adapter intent is reconciled against the adapter.
     */
    public static RolloutEngine attach(PlanRules rules, long rolloutId, EngineParts parts) {
        Rollout r = parts.rollouts().find(rolloutId)
                .orElseThrow(() -> new IllegalArgumentException("no rollout " + rolloutId));
        RolloutEngine engine = new RolloutEngine(rules, parts, r);
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
        } catch (RuntimeException e) {
            return failClosed(e);
        }
    }

    private Rollout tickOnce() {
        if (rollbacks.unwritten()) {
            return rollbacks.attempt(); // a rollback the store refused to record: it goes on, and is written now
        }
        try {
            journal.refresh();
        } catch (RuntimeException storeDown) {
            return withoutTheStore(storeDown);
        }
        if (gate.takeLateOutcome() || !parts.intents().unfinished(rollout().id()).isEmpty()) {
            new Reconciler(this).reconcile();
        }
        Instant now = parts.clock().instant();
        Rollout r = journal.rollout();
        if (r.state() == RolloutState.ROLLING_BACK) {
            return rollbacks.attempt();
        }
        if (r.state() == SCHEDULED && !now.isBefore(calendar.startAt(now))) {
            r = journal.commit(RUNNING, -1, journal.event("rollout.started", null, actor(), Map.of()));
        }
        boolean watching = r.state() == COMPLETED && watched(now);
        if (r.state() == COMPLETED && !watching && ledger().last("rollout.watch_ended") == null
                && ledger().completedAt() != null) {
            journal.record(journal.event("rollout.watch_ended", stageName(), actor(),
                    Map.of("watch", rules.plan().watchOrDefault().toString())));
        }
        if (r.state() != RUNNING && r.state() != PAUSED && !watching) {
            return r;
        }
        Judge judge = measure(now);
        Set<String> cohorts = cohortsOnNewVersion();
        if (watchHalts(judge, cohorts, now)) {
            return journal.rollout();
        }
        if (watchMonitoring(judge, cohorts, now)) {
            return journal.rollout();
        }
        if (journal.rollout().state() == RUNNING) {
            advance(judge, cohorts, now);
        }
        return journal.rollout();
    }

    /**
     * The store cannot be read: keep watching the release on what this process knows, so that a halt rule that
     * rolls back still does (a rollback goes on without the store); nothing else is decided until it answers.
     */
    private Rollout withoutTheStore(RuntimeException storeDown) {
        Rollout r = journal.rollout();
        Instant now = parts.clock().instant();
        if (r.state() == RolloutState.ROLLING_BACK) {
            return rollbacks.attempt();
        }
        if (r.state() == RUNNING || r.state() == PAUSED || (r.state() == COMPLETED && watched(now))) {
            try {
                metering.read(stageIndex(), killSwitches(), now, ledger().resumes());
                Judge judge = metering.judge(now, ledger().resumes());
                for (RuleReading trip : halts.check(judge, ledger(), cohortsOnNewVersion(), now)) {
                    if (trip.rule().action() == null || trip.rule().action() == Action.ROLLBACK) {
                        return rollbacks.begin(actor(), "halt rule: " + trip.rule().text(), List.of(
                                journal.event("rollout.halted", stageName(), actor(), trip.data())));
                    }
                }
            } catch (Metering.Unavailable | RuntimeException alsoDown) {
                storeDown.addSuppressed(alsoDown);
            }
        }
        throw storeDown;
    }

    /**
     * A tick that fails must not swallow a decision: a running rollout pauses, saying why; a rollback is retried at
     * the next tick. When even that cannot be written, the failure is the caller's to see.
     */
    private Rollout failClosed(RuntimeException e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        try {
            journal.refresh();
            RolloutState s = journal.rollout().state();
            NewEvent failed = journal.event("engine.tick_failed", stageName(), actor(), Map.of("error", error));
            if (s == RUNNING) {
                journal.commit(PAUSED, stageIndex(), failed, journal.event("rollout.paused", stageName(), actor(),
                        Map.of("reason", "a tick failed: " + error)));
                notices.tell(failed);
            } else {
                notes.note("tick", "engine.tick_failed", stageName(), Map.of("error", error));
            }
            return journal.rollout();
        } catch (RuntimeException alsoFailed) {
            e.addSuppressed(alsoFailed);
            throw e;
        }
    }

    // --- manual controls ---------------------------------------------------------------------------------

    /** Holds the rollout where it is; halt rules keep being evaluated. */
    public synchronized Rollout pause(String actor, String reason) {
        journal.refresh();
        require(journal.rollout().state() == RUNNING, "pause");
        return journal.commit(PAUSED, stageIndex(), journal.event("rollout.paused", stageName(), actor,
                Map.of("reason", text(reason))));
    }

    /**
     * Lets a paused rollout move on; rules still breached must hold for their whole window again, failed checklist
     * commands run again, and an adapter change whose outcome was unknown counts as settled by this person.
     */
    public synchronized Rollout resume(String actor) {
        journal.refresh();
        require(journal.rollout().state() == PAUSED, "resume");
        require(killSwitches().globalEnabled(), "resume with " + KillSwitches.flagName(null) + " off:");
        List<NewEvent> events = resolveUnknown(actor, "resumed");
        events.add(journal.event("rollout.resumed", stageName(), actor, Map.of()));
        journal.commit(RUNNING, stageIndex(), events);
        if (stageIndex() >= 0 && !traffic.inEffect(stageIndex())) {
            traffic.apply(stageIndex(), "rollout.expanded");
        }
        return journal.rollout();
    }

    /** Abandons intents waiting for a person: this person has looked, and the engine decides again. */
    private List<NewEvent> resolveUnknown(String actor, String how) {
        List<NewEvent> events = new ArrayList<>();
        for (String key : List.copyOf(ledger().awaitingPerson())) {
            for (Intent i : parts.intents().unfinished(rollout().id())) {
                if (i.key().equals(key)) {
                    parts.intents().finish(i.finish(IntentStatus.ABANDONED, how + " by " + actor
                            + ": the outcome was left to a person", parts.clock().instant()));
                }
            }
            events.add(journal.event("recovery.resolved", stageName(), actor, Map.of("idempotency_key", key,
                    "how", how)));
        }
        return events;
    }

    /**
     * Rolls back at once (the big red button); allowed from any live state, freeze windows included, during the
     * watch after completion, and again after a rollback failed (from its first step not confirmed; a step whose
     * outcome was unknown runs again).
     */
    public synchronized Rollout rollback(String actor, String reason) {
        try {
            journal.refresh();
        } catch (RuntimeException storeDown) {
            // the button was pressed: roll back on what this process knows; the store is written when it can be
        }
        if (rollbacks.unwritten()) {
            return rollbacks.attempt();
        }
        RolloutState s = journal.rollout().state();
        require(s.isLive() || s == RolloutState.ROLLBACK_FAILED || (s == COMPLETED && watched(now())),
                "roll back");
        if (s == RolloutState.ROLLING_BACK) {
            return rollbacks.attempt();
        }
        List<NewEvent> before = s == RolloutState.ROLLBACK_FAILED ? resolveUnknown(actor, "rolled back again")
                : new ArrayList<>();
        return rollbacks.begin(actor, "manual: " + text(reason), before);
    }

    /**
     * After a rollback failed on a step whose outcome was unknown: a person confirms that step {@code index} did run,
     * and the rollback goes on with the next.
     */
    public synchronized Rollout confirmRollbackStep(String actor, int index, String reason) {
        journal.refresh();
        require(journal.rollout().state() == RolloutState.ROLLBACK_FAILED, "confirm a rollback step of");
        List<NewEvent> resolved = resolveUnknown(actor, "confirmed done");
        if (!resolved.isEmpty()) {
            journal.record(resolved.toArray(NewEvent[]::new));
        }
        rollbacks.confirmedByPerson(index, actor);
        return rollbacks.begin(actor, "manual: " + text(reason) + " (step " + index + " confirmed by " + actor + ")",
                new ArrayList<>());
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
            return journal.commit(COMPLETED, rules.lastStage(),
                    journal.event("rollout.promoted", rules.stage(rules.lastStage()).name(), actor, data),
                    completedEvent());
        } catch (AdapterGate.Unsettled e) {
            throw new IllegalStateException("cannot promote now: " + e.getMessage());
        } catch (AdapterGate.GateException e) {
            return adapterFailed(e);
        }
    }

    /**
     * Turns a kill switch on or off; {@code cohort} null is the global one. Off: no traffic to the new version. The
     * switch is an event in the store, so every process honours it from its next decision on.
     */
    public synchronized Rollout setKillSwitch(String cohort, boolean enabled, String actor) {
        journal.refresh();
        if (cohort != null && rules.plan().stage(cohort) == null) {
            throw new IllegalArgumentException("the plan has no cohort " + cohort);
        }
        journal.record(journal.event("killswitch.changed", cohort, actor,
                Map.of("switch", KillSwitches.flagName(cohort), "enabled", Boolean.toString(enabled))));
        RolloutState s = journal.rollout().state();
        boolean watchedCompletion = s == COMPLETED && watched(now());
        if ((!s.isLive() && !watchedCompletion) || s == RolloutState.ROLLING_BACK) {
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
        traffic.apply(k, "rollout.traffic_changed");
        return journal.rollout();
    }

    /** The split the adapter last confirmed, as the store's intents say, or null before any. */
    public synchronized dev.rampart.spi.TrafficSplit confirmedTraffic() {
        return traffic.confirmed();
    }

    public synchronized Rollout rollout() {
        return journal.rollout();
    }

    /** The kill switches as the store has them now (the plan's, then every change since). */
    public KillSwitches killSwitches() {
        return KillSwitches.of(rules.plan(), ledger().switches());
    }

    public PlanRules rules() {
        return rules;
    }

    /** The rollback steps after traffic is back: the plan's, or when it lists none, the adapter's own. */
    java.util.List<dev.rampart.domain.plan.RollbackStep> rollbackSteps() {
        return rules.plan().rollbackSteps().isEmpty() ? gate.adapter().ownRollbackSteps()
                : rules.plan().rollbackSteps();
    }

    /** Whether a completed rollout is still inside its watch: halt rules enforced, rollback allowed. */
    boolean watched(Instant now) {
        Instant done = ledger().completedAt();
        return journal.rollout().state() == COMPLETED && done != null
                && now.isBefore(done.plus(rules.plan().watchOrDefault()));
    }

    // --- one tick ----------------------------------------------------------------------------------------

    /** Reads the metrics into the store; a source that fails is a monitoring gap, logged once and told. */
    private Judge measure(Instant now) {
        try {
            metering.read(stageIndex(), killSwitches(), now, ledger().resumes());
            notes.clear("metrics");
            Judge judge = metering.judge(now, ledger().resumes());
            if (ledger().gapSince() != null
                    && monitoring.missingNow(judge, stageIndex(), cohortsOnNewVersion()) == null) {
                journal.record(journal.event("incident.monitoring_restored", stageName(), actor(),
                        Map.of("since", ledger().gapSince().toString())));
            }
            return judge;
        } catch (Metering.Unavailable e) {
            String error = String.valueOf(e.getMessage());
            if (ledger().gapSince() == null) {
                // Seed 000: a monitoring gap is an incident, logged and told, not only a failed read.
                NewEvent gap = journal.event("incident.monitoring_gap", stageName(), actor(), Map.of("error", error));
                journal.record(gap);
                notices.tell(gap);
            }
            notes.note("metrics", "metrics.failed", stageName(), Map.of("error", error));
            return metering.judge(now, ledger().resumes());
        }
    }

    /** The cohorts on the new version whose kill switch is on (every one, during the watch after completion). */
    private Set<String> cohortsOnNewVersion() {
        Set<String> cohorts = new LinkedHashSet<>();
        KillSwitches switches = killSwitches();
        int k = stageIndex();
        for (Stage s : rules.plan().stages().subList(0, Math.max(0, Math.min(k + 1, rules.plan().stages().size())))) {
            if (switches.cohortEnabled(s.name())) {
                cohorts.add(s.name());
            }
        }
        return cohorts;
    }

    /** True when a tripped rule ended this tick (a rollback began). */
    private boolean watchHalts(Judge judge, Set<String> cohorts, Instant now) {
        for (RuleReading trip : halts.check(judge, ledger(), cohorts, now)) {
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
            } else {
                journal.record(halted);
                notices.tell(halted);
            }
        }
        return false;
    }

    /** True when a monitoring gap paused the rollout this tick. */
    private boolean watchMonitoring(Judge judge, Set<String> cohorts, Instant now) {
        int k = stageIndex();
        if (k < 0) {
            return false;
        }
        MonitoringGate.Gap gap = monitoring.gap(judge, ledger(), k, cohorts, now);
        if (gap == null) {
            return false;
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("reason", "monitoring gap: no finite reading of " + gap.metric() + " for " + gap.cohort()
                + " since " + gap.since() + ", longer than monitoring.max_gap " + rules.plan().maxGap());
        data.put("metric", gap.metric());
        data.put("cohort", gap.cohort());
        data.put("since", gap.since().toString());
        data.put("max_gap", rules.plan().maxGap().toString());
        List<NewEvent> events = new ArrayList<>();
        if (ledger().gapSince() == null) {
            events.add(journal.event("incident.monitoring_gap", stageName(), actor(), data));
        }
        if (journal.rollout().state() == RUNNING) {
            events.add(journal.event("rollout.paused", stageName(), actor(), data));
            journal.commit(PAUSED, k, events);
            events.forEach(notices::tell);
            return true;
        }
        if (!events.isEmpty()) {
            journal.record(events.toArray(NewEvent[]::new));
            events.forEach(notices::tell);
        }
        return false;
    }

    private void advance(Judge judge, Set<String> cohorts, Instant now) {
        int k = stageIndex();
        Instant entered = ledger().stageEnteredAt();
        StageGate.Verdict v = stageGate.check(k, entered, now, judge, ledger(), journal.rollout().id(),
                journal.rollout().startedBy());
        record(v);
        if (v.failed() != null) {
            Map<String, String> data = new LinkedHashMap<>(v.failed());
            data.put("reason", "checklist: \"" + v.failed().get("item") + "\" failed: "
                    + v.failed().getOrDefault("problem", "exit code " + v.failed().get("exit_code")));
            journal.commit(PAUSED, k, journal.event("rollout.paused", stageName(), actor(), data));
            return;
        }
        if (!v.ready()) {
            if (v.worthNoting()) {
                notes.note("waiting", "rollout.waiting", stageName(), Map.of("for", v.waitingFor()));
            }
            Duration max = k < 0 ? null : rules.stage(k).maxDuration();
            if (max != null && entered != null && Duration.between(entered, now).compareTo(max) > 0) {
                notes.note("overdue", "rollout.overdue", stageName(), Map.of("max_duration", max.toString(),
                        "waiting_for", v.waitingFor()));
            }
            return;
        }
        // the gate is open; the stage is left only on fresh readings and with no breach under way
        String stale = monitoring.stale(judge, k, cohorts, now);
        if (stale != null) {
            notes.note("waiting", "rollout.waiting", stageName(), Map.of("for", stale));
            return;
        }
        RuleReading pending = halts.pending(judge, ledger(), cohorts);
        if (pending != null) {
            notes.note("waiting", "rollout.waiting", stageName(), Map.of("for", "the breach of \""
                    + pending.rule().text() + "\" on " + pending.cohort() + " to clear"));
            return;
        }
        notes.clear("overdue");
        if (k == rules.lastStage()) {
            journal.commit(COMPLETED, k, completedEvent());
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
        if (!gate.inFlight().isEmpty()) {
            notes.note("waiting", "rollout.waiting", stageName(), Map.of("for", "the adapter to answer "
                    + gate.inFlight()));
            return;
        }
        String next = rules.stage(k + 1).name();
        if (!killSwitches().cohortEnabled(next)) {
            notes.note("waiting", "rollout.waiting", stageName(), Map.of("for", KillSwitches.flagName(next)));
            return;
        }
        notes.clear("waiting");
        traffic.apply(k + 1, "rollout.expanded");
    }

    /** What the stage gate did this tick: sign-offs a dry run assumed, checklist commands it ran. */
    private void record(StageGate.Verdict v) {
        List<NewEvent> events = new ArrayList<>();
        for (StageGate.Assumed a : v.assumed()) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("role", a.signOff().role());
            d.put("note", a.signOff().comment());
            if (a.item() != null) {
                d.put("item", a.item());
            }
            events.add(journal.event("signoff.assumed", a.signOff().stage(), a.signOff().signer(), d));
        }
        for (Map<String, String> checked : v.checked()) {
            events.add(journal.event("checklist.checked", checked.get("stage"), actor(), checked));
        }
        if (!events.isEmpty()) {
            journal.record(events.toArray(NewEvent[]::new));
        }
    }

    Rollout adapterFailed(AdapterGate.GateException e) {
        journal.record(journal.event("adapter.failed", stageName(), actor(), e.data()));
        int count = ledger().consecutiveAdapterErrors();
        int limit = parts.settings().circuitBreakerErrors();
        if (count >= limit && journal.rollout().state() != RolloutState.ROLLING_BACK) {
            NewEvent opened = journal.event("rollout.circuit_opened", stageName(), actor(),
                    Map.of("consecutive_errors", Integer.toString(count), "switch", KillSwitches.flagName(null)));
            NewEvent off = journal.event("killswitch.changed", null, actor(), Map.of("switch",
                    KillSwitches.flagName(null), "enabled", "false", "reason", "circuit breaker"));
            return rollbacks.begin(actor(), "circuit breaker: " + count + " consecutive adapter errors",
                    List.of(opened, off));
        }
        return journal.rollout();
    }

    NewEvent completedEvent() {
        return journal.event("rollout.completed", stageName(), actor(), errorRateData(Map.of()));
    }

    Map<String, String> errorRateData(Map<String, String> more) {
        return metering.withErrorRate(more, ledger().startedAt());
    }

    // --- small helpers -----------------------------------------------------------------------------------

    Journal journal() {
        return journal;
    }

    Ledger ledger() {
        return journal.ledger();
    }

    AdapterGate gate() {
        return gate;
    }

    EngineParts parts() {
        return parts;
    }

    RollbackSequence rollbacks() {
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

    private Instant now() {
        return parts.clock().instant();
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
