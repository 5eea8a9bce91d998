package dev.rampart.engine;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.repo.AuditIntegrity;
import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.repo.IntentRepository;
import dev.rampart.domain.repo.PlanRepository;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.SignedContent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.engine.access.EvidenceExport;
import dev.rampart.engine.access.Permission;
import dev.rampart.engine.access.SignRequest;
import dev.rampart.format.Format;
import dev.rampart.format.PlanFormat;

import dev.rampart.spi.MetricWindow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service layer for rollouts on the wall clock: what the console, the command line and the agent call to
 * start, watch and steer rollouts. It keeps one {@link RolloutEngine} per rollout in this process, attaching to a
 * rollout already in the store on first use (which reconciles unfinished adapter intents). Every action taken for a
 * person checks their permission first ({@link dev.rampart.engine.access.NotPermittedException} when refused); ticks
 * are the engine's own and need none.
 */
public final class RolloutService {
    private final PlanRepository plans;
    private final RolloutRepository rollouts;
    private final IntentRepository intents;
    private final ApprovalBook approvals;
    private final Deployments deployments;
    private final Clock clock;
    private final EngineSettings settings;
    private final PlanFormat format;
    private final AccessServices access;
    private final Map<Long, Attached> engines = new ConcurrentHashMap<>();

    private record Attached(RolloutEngine engine, Deployment deployment, long planId) {
    }

    public RolloutService(PlanRepository plans, RolloutRepository rollouts, IntentRepository intents,
                          ApprovalBook approvals, Deployments deployments, Clock clock, EngineSettings settings,
                          PlanFormat format, AccessServices access) {
        this.plans = plans;
        this.rollouts = rollouts;
        this.intents = intents;
        this.approvals = approvals;
        this.deployments = deployments;
        this.clock = clock;
        this.settings = settings;
        this.format = format;
        this.access = java.util.Objects.requireNonNull(access, "access");
    }

    /** Starts a rollout of a stored plan and gives it its first tick (which enters the first stage when due). */
    public Rollout start(long planId, String actor) {
        access.access().require(actor, Permission.START, "plan " + planId);
        Plan plan = plan(planId);
        PlanRules rules = PlanRules.parse(plan);
        Deployment deployment = deployments.open(plan, 0, clock.instant());
        RolloutEngine engine;
        // Registered before another thread of this process (a tick of every live rollout) can attach a second
        // engine to the rollout it has just seen in the store.
        synchronized (engines) {
            engine = RolloutEngine.start(rules, planId, parts(deployment), actor);
            deployment.onRollout().accept(engine.rollout().id());
            if (deployment.clock() instanceof ScaledClock scaled) {
                scaled.release(); // created at the anchor; from here on it runs, as it will in every later process
            }
            engines.put(engine.rollout().id(), new Attached(engine, deployment, planId));
        }
        return engine.tick();
    }

    /** Completed rollouts whose watch is known to be over, in this process (it never starts again). */
    private final Set<Long> watchOver = ConcurrentHashMap.newKeySet();

    /**
     * Rollouts that traffic may still be flowing to, newest first: every live one, and every completed one still
     * inside its plan's watch (halt rules enforced, rollback allowed).
     */
    public List<Rollout> live() {
        return rollouts.list().stream().filter(r -> r.state().isLive() || watched(r)).toList();
    }

    /** Whether a completed rollout is inside its watch: no {@code rollout.watch_ended} yet. */
    public boolean watched(Rollout r) {
        if (r.state() != RolloutState.COMPLETED || watchOver.contains(r.id())) {
            return false;
        }
        boolean over = rollouts.events(r.id()).stream().anyMatch(e -> e.type().equals("rollout.watch_ended"));
        if (over) {
            watchOver.add(r.id());
        }
        return !over;
    }

    public List<Rollout> all() {
        return rollouts.list();
    }

    /** Ticks one rollout at the clock's instant. */
    public Rollout tick(long rolloutId) {
        return attached(rolloutId).engine().tick();
    }

    /**
     * Ticks every live rollout; one that fails does not stop the others. Returns the failures by rollout id,
     * with the message (the engine has already recorded what it could as events).
     */
    public Map<Long, String> tickAll() {
        Map<Long, String> failures = new LinkedHashMap<>();
        for (Rollout r : live()) {
            try {
                tick(r.id());
            } catch (RuntimeException e) {
                failures.put(r.id(), e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return failures;
    }

    public Rollout pause(long rolloutId, String actor, String reason) {
        access.access().require(actor, Permission.PAUSE, rolloutId);
        return attached(rolloutId).engine().pause(actor, reason);
    }

    public Rollout resume(long rolloutId, String actor) {
        access.access().require(actor, Permission.RESUME, rolloutId);
        return attached(rolloutId).engine().resume(actor);
    }

    /** The big red button. */
    public Rollout rollback(long rolloutId, String actor, String reason) {
        access.access().require(actor, Permission.ROLLBACK, rolloutId);
        return attached(rolloutId).engine().rollback(actor, reason);
    }

    /**
     * {@code promote --force}: a release owner's emergency action, signed with their passphrase (which is cleared),
     * reason required, flagged for review afterwards.
     */
    public Rollout promote(long rolloutId, String actor, String reason, char[] passphrase) {
        try {
            access.access().require(actor, Permission.PROMOTE, rolloutId);
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("promote --force needs a reason");
            }
            RolloutEngine engine = attached(rolloutId).engine();
            RolloutState s = engine.rollout().state();
            if (s != RolloutState.RUNNING && s != RolloutState.PAUSED) {
                throw new IllegalStateException("cannot promote a rollout that is " + s.wireName());
            }
            access.signatures().sign(new SignRequest(rolloutId, null, SignedContent.EMERGENCY_PROMOTE,
                    Role.RELEASE_OWNER, reason), actor, passphrase);
            return engine.promote(actor, reason, true);
        } finally {
            if (passphrase != null) {
                java.util.Arrays.fill(passphrase, '\0');
            }
        }
    }

    /**
     * Anyone may ask for a pause (an observer who sees something wrong): recorded as {@code rollout.pause_requested}
     * for a release owner to act on; a release owner's request pauses at once.
     */
    public Rollout requestPause(long rolloutId, String actor, String reason) {
        access.access().require(actor, Permission.REQUEST_PAUSE, rolloutId);
        if (access.access().allows(actor, Permission.PAUSE)) {
            return pause(rolloutId, actor, reason);
        }
        Rollout r = rollouts.find(rolloutId).orElseThrow(() -> noRollout(rolloutId));
        return rollouts.update(r, List.of(new NewEvent(rolloutId, clock.instant(), "rollout.pause_requested", actor,
                null, Map.of("reason", reason == null || reason.isBlank() ? "(no reason given)" : reason))));
    }

    /**
     * After a rollback failed on a step whose outcome was unknown: the person confirms that step {@code index} ran,
     * and the rollback goes on.
     */
    public Rollout confirmRollbackStep(long rolloutId, String actor, int index, String reason) {
        access.access().require(actor, Permission.ROLLBACK, rolloutId);
        return attached(rolloutId).engine().confirmRollbackStep(actor, index, reason);
    }

    /** {@code cohort} null is the global kill switch. */
    public Rollout setKillSwitch(long rolloutId, String cohort, boolean enabled, String actor) {
        access.access().require(actor, Permission.KILL_SWITCH, rolloutId);
        return attached(rolloutId).engine().setKillSwitch(cohort, enabled, actor);
    }

    /** A release owner's traffic slider for one cohort, applied through the adapter and confirmed. */
    public Rollout setTraffic(long rolloutId, String cohort, double percent, String actor) {
        access.access().require(actor, Permission.MOVE_TRAFFIC, rolloutId);
        return attached(rolloutId).engine().setTraffic(cohort, percent, actor);
    }

    /** Injects a fault into a simulated service (the demo); refused for real deployments. */
    public void injectFault(long rolloutId, String cohort, String metric, double value) {
        Deployment d = attached(rolloutId).deployment();
        if (d.faults() == null) {
            throw new IllegalStateException("rollout " + rolloutId + " runs on the " + d.type()
                    + " adapter; faults can only be injected into the simulator");
        }
        d.faults().inject(cohort, metric, value);
    }

    /**
     * What the rollout's metric source measured after {@code after} (exclusive) until now on the rollout's own clock,
     * for every cohort already on the new version and the stable population; {@code after} null reads the last
     * {@code lookback}. For live charts: it reads, it decides nothing.
     */
    public MetricWindow metrics(long rolloutId, Set<String> metrics, Instant after, Duration lookback) {
        Attached a = attached(rolloutId);
        Instant now = a.deployment().clock().instant();
        Instant from = after != null ? after : now.minus(lookback);
        int k = a.engine().rollout().stageIndex();
        Set<String> cohorts = new LinkedHashSet<>();
        List<Stage> stages = a.engine().rules().plan().stages();
        for (int i = 0; i <= k && i < stages.size(); i++) {
            cohorts.add(stages.get(i).name());
        }
        if (!from.isBefore(now)) {
            return new MetricWindow(from, from, Map.of(), Map.of());
        }
        try {
            return a.deployment().metrics().read(cohorts, metrics, from, now);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read metrics: " + e.getMessage(), e);
        }
    }

    public RolloutStatus status(long rolloutId) {
        Rollout rollout = rollouts.find(rolloutId).orElseThrow(() -> noRollout(rolloutId));
        Plan plan = plan(rollout.planId());
        Attached a = engines.get(rolloutId);
        List<dev.rampart.domain.rollout.AuditEvent> events = rollouts.events(rolloutId);
        Map<String, Boolean> switches = new LinkedHashMap<>();
        KillSwitches ks = KillSwitches.of(plan, events);
        switches.put(KillSwitches.flagName(null), ks.globalEnabled());
        for (Stage s : plan.stages()) {
            switches.put(KillSwitches.flagName(s.name()), ks.cohortSwitch(s.name()));
        }
        return new RolloutStatus(rollout, plan, events, Traffic.confirmed(intents.all(rolloutId)), switches,
                a != null && a.deployment().faults() != null);
    }

    /**
     * The evidence export over this service's store and clock. The console reaches the store only through its
     * services, so it asks here; {@code audit} must be the trail this store's rollouts are written to.
     */
    public EvidenceExport evidence(AuditLog audit, AuditIntegrity integrity) {
        return new EvidenceExport(rollouts, plans, access.signatures(), audit, integrity, access.access(), format,
                clock, access.signer());
    }

    private Attached attached(long rolloutId) {
        Attached a = engines.get(rolloutId);
        if (a != null) {
            return a;
        }
        synchronized (engines) {
            return engines.computeIfAbsent(rolloutId, id -> {
                Rollout r = rollouts.find(id).orElseThrow(() -> noRollout(id));
                Plan plan = plan(r.planId());
                Deployment deployment = deployments.open(plan, id, r.createdAt());
                RolloutEngine engine = RolloutEngine.attach(PlanRules.parse(plan), id, parts(deployment));
                return new Attached(engine, deployment, r.planId());
            });
        }
    }

    private EngineParts parts(Deployment d) {
        return new EngineParts(d.adapter(), d.metrics(), d.notifier(), rollouts, intents, approvals, d.clock(), settings,
                deployments.commands());
    }

    private Plan plan(long planId) {
        StoredPlan stored = plans.find(planId).orElseThrow(() -> new NoSuchElementException("no plan " + planId));
        return format.read(stored.json(), Format.JSON);
    }

    private static NoSuchElementException noRollout(long id) {
        return new NoSuchElementException("no rollout " + id);
    }
}
