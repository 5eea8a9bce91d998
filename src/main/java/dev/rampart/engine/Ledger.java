package dev.rampart.engine;

import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.rollout.AuditEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a rollout's events say, folded in order: when each stage was entered, the kill switches, people's traffic
 * overrides, resumes, the rollback in progress and its confirmed steps, halts already recorded, the consecutive
 * adapter errors the circuit breaker counts, checklist outcomes. Everything here comes from the store, and is read
 * again before every decision, so every process (console, CLI, agent) decides the same way; nothing a decision needs
 * lives only in one process's memory.
 */
final class Ledger {
    /** Events that confirm an adapter call succeeded: they end a run of errors for the circuit breaker. */
    private static final Set<String> ADAPTER_SUCCESSES = Set.of("rollout.expanded", "rollout.narrowed",
            "rollout.traffic_changed", "rollout.promoted", "rollout.rolled_back", "rollback.step");

    private final RolloutRepository repo;
    private final long rolloutId;
    private long lastSeq;
    private final List<AuditEvent> all = new ArrayList<>();

    private Instant startedAt;
    private final Map<String, Instant> entered = new LinkedHashMap<>();
    private String currentStage;
    private Instant currentEnteredAt;
    private final Map<String, Double> overrides = new LinkedHashMap<>();
    private final Map<String, Boolean> switches = new HashMap<>();
    private final List<Instant> resumes = new ArrayList<>();
    private Instant rollingBackSince;
    private String rollbackReason;
    private final Set<Integer> rollbackStepsDone = new HashSet<>();
    private final Map<String, List<Instant>> halts = new HashMap<>();
    private Instant completedAt;
    private int consecutiveAdapterErrors;
    private Instant gapSince;
    private final Map<String, AuditEvent> checks = new HashMap<>();
    private final Set<String> assumed = new HashSet<>();
    private final Set<String> awaiting = new java.util.LinkedHashSet<>();

    Ledger(RolloutRepository repo, long rolloutId) {
        this.repo = repo;
        this.rolloutId = rolloutId;
    }

    /** Folds in what was appended since the last refresh (by this process or any other). */
    Ledger refresh() {
        for (AuditEvent e : repo.events(rolloutId, lastSeq)) {
            if (e.seq() <= lastSeq) {
                continue;
            }
            lastSeq = e.seq();
            all.add(e);
            fold(e);
        }
        return this;
    }

    private void fold(AuditEvent e) {
        Map<String, String> d = e.data();
        switch (e.type()) {
            case "rollout.started" -> startedAt = e.at();
            case "rollout.expanded", "rollout.promoted" -> {
                if (!Objects.equals(e.stage(), currentStage)) {
                    overrides.clear();
                    currentStage = e.stage();
                    currentEnteredAt = e.at();
                    entered.putIfAbsent(e.stage(), e.at());
                }
            }
            case "traffic.requested" -> overrides.put(e.stage(), Double.parseDouble(d.get("traffic_percent")));
            case "killswitch.changed" -> switches.put(d.get("switch"), Boolean.parseBoolean(d.get("enabled")));
            case "rollout.resumed" -> resumes.add(e.at());
            case "rollout.rolling_back" -> {
                rollingBackSince = e.at();
                if (rollbackReason == null) {
                    rollbackReason = d.get("reason");
                }
            }
            case "rollback.step" -> rollbackStepsDone.add(Integer.parseInt(d.getOrDefault("index", "-1")));
            case "rollout.halted", "rollout.alerted" -> halts.computeIfAbsent(d.get("rule") + "@" + d.get("cohort"),
                    k -> new ArrayList<>()).add(e.at());
            case "rollout.completed" -> {
                if (completedAt == null) {
                    completedAt = e.at();
                }
            }
            case "incident.monitoring_gap" -> {
                if (gapSince == null) {
                    gapSince = e.at();
                }
            }
            case "incident.monitoring_restored" -> gapSince = null;
            case "checklist.checked" -> checks.put(d.get("stage") + "\u0000" + d.get("item"), e);
            case "recovery.needs_person" -> awaiting.add(d.get("idempotency_key"));
            case "recovery.resolved" -> awaiting.remove(d.get("idempotency_key"));
            case "signoff.assumed" -> assumed.add(e.stage() + "/" + d.get("role") + "/" + d.get("item"));
            default -> { }
        }
        if (e.type().equals("adapter.failed") && !"reconcile".equals(d.get("action"))) {
            consecutiveAdapterErrors++;
        } else if (e.type().equals("rollout.resumed") || e.type().equals("rollout.rolling_back")
                || (ADAPTER_SUCCESSES.contains(e.type()) && d.containsKey("idempotency_key"))) {
            consecutiveAdapterErrors = 0;
        }
    }

    List<AuditEvent> events() {
        return all;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** When the rollout started running (left {@code scheduled}), or null. */
    Instant startedAt() {
        return startedAt;
    }

    /** When the current stage was entered, or null before the first. */
    Instant stageEnteredAt() {
        return currentEnteredAt;
    }

    String currentStage() {
        return currentStage;
    }

    /** When {@code stage} was first entered, or null if never. */
    Instant enteredAt(String stage) {
        return entered.get(stage);
    }

    /** People's traffic weights for cohorts of the current stage (cleared when the next stage is entered). */
    Map<String, Double> overrides() {
        return overrides;
    }

    /** Kill switches set by people or the circuit breaker, flag name to on; the plan's own settings are not here. */
    Map<String, Boolean> switches() {
        return switches;
    }

    List<Instant> resumes() {
        return resumes;
    }

    Instant lastResume() {
        return resumes.isEmpty() ? null : resumes.get(resumes.size() - 1);
    }

    /** When the rollback in progress was decided (the latest retry of a failed one counts anew), or null. */
    Instant rollingBackSince() {
        return rollingBackSince;
    }

    String rollbackReason() {
        return rollbackReason;
    }

    /** Steps of the rollback sequence confirmed so far: 0 is traffic back to stable, 1.. the plan's steps. */
    Set<Integer> rollbackStepsDone() {
        return rollbackStepsDone;
    }

    /** When {@code rule} last tripped for {@code cohort}, or null. */
    Instant lastHalt(String rule, String cohort) {
        List<Instant> at = halts.get(rule + "@" + cohort);
        return at == null ? null : at.get(at.size() - 1);
    }

    Instant completedAt() {
        return completedAt;
    }

    /** Adapter errors since the last confirmed adapter call, resume or rollback decision, by any process. */
    int consecutiveAdapterErrors() {
        return consecutiveAdapterErrors;
    }

    /** Since when the metric source is dark (an open {@code incident.monitoring_gap}), or null. */
    Instant gapSince() {
        return gapSince;
    }

    /** The latest outcome of a checklist item's command ({@code stage} null for the rollout's own items). */
    AuditEvent check(String stage, String item) {
        return checks.get(stage + "\u0000" + item);
    }

    /** Keys of adapter intents whose outcome is unknown and which wait for a person to settle them. */
    Set<String> awaitingPerson() {
        return awaiting;
    }

    /** Whether a dry run already said it assumed this sign-off. */
    boolean assumed(String stage, String role, String item) {
        return assumed.contains(stage + "/" + role + "/" + item);
    }

    /** The latest event of {@code type}, or null. */
    AuditEvent last(String type) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).type().equals(type)) {
                return all.get(i);
            }
        }
        return null;
    }
}
