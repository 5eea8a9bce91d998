package dev.rampart.engine;

import dev.rampart.domain.plan.Approvals;
import dev.rampart.domain.plan.Decision;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rule.Baseline;
import dev.rampart.domain.rule.HaltRule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a stage may move on: it has held its {@code min_duration}, its exit criteria (on its own cohort) and the
 * next stage's entry criteria (on the current stage's cohort; before the first stage, on the stable population)
 * have held for their windows, and the approvals it needs exist (a go/no-go decision only once it is due).
 */
final class StageGate {
    private final PlanRules rules;
    private final ApprovalBook book;
    private final HeldSince criteria = new HeldSince();
    private final Set<String> assumedSeen = new HashSet<>();

    StageGate(PlanRules rules, ApprovalBook book) {
        this.rules = rules;
        this.book = book;
    }

    /** What stops the stage (or, at index -1, the start) from moving on, and sign-offs newly assumed. */
    record Verdict(String waitingFor, List<SignOff> assumed) {
        boolean ready() {
            return waitingFor == null;
        }

        /** Holding for min_duration is what a stage does; anything else is worth a line in the timeline. */
        boolean worthNoting() {
            return waitingFor != null && !waitingFor.startsWith(MIN_DURATION);
        }
    }

    private static final String MIN_DURATION = "min_duration ";

    /** Called every tick while the stage is current, so that exit criteria are timed from their first hold. */
    Verdict check(int k, Instant enteredAt, Instant now, Map<String, Double> values, Baseline baseline,
                  long rolloutId, String startedBy) {
        List<SignOff> assumed = new ArrayList<>();
        boolean entryHeld = k == rules.lastStage() || held(rules.entryCriteria(rules.stage(k + 1).name()),
                "in" + (k + 1), k < 0 ? baseline.means() : values, baseline, now);
        if (k < 0) {
            if (!entryHeld) {
                return new Verdict(entryText(0), assumed);
            }
            Approvals a = rules.plan().approvals();
            List<String> roles = a == null ? List.of() : a.requiredRoles();
            return new Verdict(missing(rolloutId, null, roles, now, startedBy, assumed), assumed);
        }
        Stage stage = rules.stage(k);
        boolean criteriaHeld = held(rules.exitCriteria(stage.name()), "out" + k, values, baseline, now);
        if (Duration.between(enteredAt, now).compareTo(stage.minDurationOrZero()) < 0) {
            return new Verdict(MIN_DURATION + stage.minDurationOrZero(), assumed);
        }
        if (!criteriaHeld) {
            return new Verdict("exit criteria " + rules.exitCriteria(stage.name()).stream().map(HaltRule::text)
                    .toList(), assumed);
        }
        if (!entryHeld) {
            return new Verdict(entryText(k + 1), assumed);
        }
        Set<String> roles = new LinkedHashSet<>(stage.approvals());
        Decision d = stage.decision();
        if (d != null) {
            if (d.after() != null && now.isBefore(enteredAt.plus(d.after()))) {
                return new Verdict("go/no-go decision at " + enteredAt.plus(d.after()), assumed);
            }
            roles.addAll(d.roles());
        }
        return new Verdict(missing(rolloutId, stage.name(), List.copyOf(roles), now, startedBy, assumed), assumed);
    }

    private boolean held(List<HaltRule> list, String prefix, Map<String, Double> values, Baseline baseline,
                         Instant now) {
        boolean all = true;
        for (HaltRule c : list) {
            boolean holds = values != null && RuleReading.read(c, prefix, values, baseline).holds();
            all &= criteria.heldFor(prefix + ":" + c.text(), holds, now, c.window());
        }
        return all;
    }

    private String entryText(int k) {
        return "entry criteria of " + rules.stage(k).name() + " " + rules.entryCriteria(rules.stage(k).name())
                .stream().map(HaltRule::text).toList();
    }

    private String missing(long rolloutId, String stage, List<String> roles, Instant due, String startedBy,
                           List<SignOff> assumed) {
        boolean fourEyes = rules.plan().approvals() == null || rules.plan().approvals().fourEyesRequired();
        List<String> missing = new ArrayList<>();
        for (String role : roles) {
            Optional<SignOff> s = book.find(rolloutId, stage, role, due)
                    .filter(o -> o.assumed() || !(fourEyes && o.signer().equals(startedBy)));
            if (s.isEmpty()) {
                missing.add(role);
            } else if (s.get().assumed() && assumedSeen.add(stage + "/" + role)) {
                assumed.add(s.get());
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
