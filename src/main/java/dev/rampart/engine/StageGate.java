package dev.rampart.engine;

import dev.rampart.domain.plan.Approvals;
import dev.rampart.domain.plan.ChecklistItem;
import dev.rampart.domain.plan.Decision;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rule.HaltRule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a stage may move on: it has held its {@code min_duration}, its exit criteria (on its own cohort) and the
 * next stage's entry criteria (on the current stage's cohort; before the first stage, on the stable population) have
 * held for their windows on the stored readings, its checklist is done (commands passed, items signed; the first
 * stage also needs the plan's smoke tests) and the approvals it needs exist (a go/no-go decision only once it is due).
 * Before the first stage, the plan's preconditions and approvals gate the start.
 */
final class StageGate {
    private static final String MIN_DURATION = "min_duration ";
    private final PlanRules rules;
    private final ApprovalBook book;
    private final Checklists checklists;

    StageGate(PlanRules rules, ApprovalBook book, Checklists checklists) {
        this.rules = rules;
        this.book = book;
        this.checklists = checklists;
    }

    /**
     * What stops the stage (or, at index -1, the start) from moving on; sign-offs newly assumed; checklist commands
     * just run (to record); a checklist command that failed (a failed gate).
     */
    record Verdict(String waitingFor, List<Assumed> assumed, List<Map<String, String>> checked,
                   Map<String, String> failed) {
        boolean ready() {
            return waitingFor == null && failed == null;
        }

        /** Holding for min_duration is what a stage does; anything else is worth a line in the timeline. */
        boolean worthNoting() {
            return waitingFor != null && !waitingFor.startsWith(MIN_DURATION);
        }
    }

    /** Called every tick while the stage is current. */
    Verdict check(int k, Instant enteredAt, Instant now, Judge judge, Ledger ledger, long rolloutId,
                  String startedBy) {
        List<Assumed> assumed = new ArrayList<>();
        List<Map<String, String>> checked = new ArrayList<>();
        List<String> items = new ArrayList<>();
        Map<String, String> failed = null;
        List<Gate> gates = k < 0 ? List.of(new Gate(null, rules.plan().preconditions(), "preconditions"))
                : k == 0 ? List.of(new Gate(null, rules.plan().smokeTests(), "smoke tests"),
                new Gate(rules.stage(0).name(), rules.stage(0).checklist(), "checklist"))
                : List.of(new Gate(rules.stage(k).name(), rules.stage(k).checklist(), "checklist"));
        for (Gate g : gates) {
            Checklists.Outcome o = checklists.check(ledger, rolloutId, g.stage(), g.items(), g.section(), now);
            assumed.addAll(o.assumed());
            checked.addAll(o.checked());
            items.addAll(o.missing());
            failed = failed == null ? o.failed() : failed;
        }
        String population = k < 0 ? Judge.STABLE : rules.stage(k).name();
        boolean entryHeld = k == rules.lastStage()
                || held(rules.entryCriteria(rules.stage(k + 1).name()), population, judge, now);
        if (k < 0) {
            if (!entryHeld) {
                return new Verdict(entryText(0), assumed, checked, failed);
            }
            if (!items.isEmpty()) {
                return new Verdict("preconditions " + items, assumed, checked, failed);
            }
            Approvals a = rules.plan().approvals();
            List<String> roles = a == null ? List.of() : a.requiredRoles();
            return new Verdict(missing(rolloutId, null, roles, now, startedBy, assumed, ledger), assumed, checked,
                    failed);
        }
        Stage stage = rules.stage(k);
        if (enteredAt == null || Duration.between(enteredAt, now).compareTo(stage.minDurationOrZero()) < 0) {
            return new Verdict(MIN_DURATION + stage.minDurationOrZero(), assumed, checked, failed);
        }
        if (!held(rules.exitCriteria(stage.name()), stage.name(), judge, now)) {
            return new Verdict("exit criteria " + rules.exitCriteria(stage.name()).stream().map(HaltRule::text)
                    .toList(), assumed, checked, failed);
        }
        if (!entryHeld) {
            return new Verdict(entryText(k + 1), assumed, checked, failed);
        }
        if (!items.isEmpty()) {
            return new Verdict("checklist " + items, assumed, checked, failed);
        }
        Set<String> roles = new LinkedHashSet<>(stage.approvals());
        Decision d = stage.decision();
        if (d != null) {
            if (d.after() != null && now.isBefore(enteredAt.plus(d.after()))) {
                return new Verdict("go/no-go decision at " + enteredAt.plus(d.after()), assumed, checked, failed);
            }
            roles.addAll(d.roles());
        }
        return new Verdict(missing(rolloutId, stage.name(), List.copyOf(roles), now, startedBy, assumed, ledger),
                assumed, checked, failed);
    }

    /** A sign-off a dry run counts as given, of a gate ({@code item} null) or of a checklist item. */
    record Assumed(SignOff signOff, String item) {
    }

    private record Gate(String stage, List<ChecklistItem> items, String section) {
    }

    /** Whether every criterion has held on {@code population}'s stored readings for its window. */
    private static boolean held(List<HaltRule> list, String population, Judge judge, Instant now) {
        for (HaltRule c : list) {
            Instant since = judge.criterionSince(c, population);
            if (since == null || (c.window() != null && now.isBefore(since.plus(c.window())))) {
                return false;
            }
        }
        return true;
    }

    private String entryText(int k) {
        return "entry criteria of " + rules.stage(k).name() + " " + rules.entryCriteria(rules.stage(k).name())
                .stream().map(HaltRule::text).toList();
    }

    private String missing(long rolloutId, String stage, List<String> roles, Instant due, String startedBy,
                           List<Assumed> assumed, Ledger ledger) {
        boolean fourEyes = rules.plan().approvals() == null || rules.plan().approvals().fourEyesRequired();
        List<String> missing = new ArrayList<>();
        for (String role : roles) {
            Optional<SignOff> s = book.find(rolloutId, stage, role, due)
                    .filter(o -> o.assumed() || !(fourEyes && o.signer().equals(startedBy)));
            if (s.isEmpty()) {
                missing.add(role);
            } else if (s.get().assumed() && !ledger.assumed(stage, role, null)) {
                assumed.add(new Assumed(s.get(), null));
            }
        }
        int need = required(roles.size()) - (roles.size() - missing.size());
        if (need <= 0) {
            return null;
        }
        return "sign-off by " + (need == missing.size() ? "" : need + " more of ") + String.join(", ", missing);
    }

    /** N of M: {@code approvals.min_approvals} of a gate's M roles suffice (all of them when it is not set). */
    private int required(int roles) {
        Approvals a = rules.plan().approvals();
        return a == null || a.minApprovals() == null ? roles : Math.min(Math.max(a.minApprovals(), 1), roles);
    }
}
