package dev.rampart.engine;

import dev.rampart.domain.rule.Action;
import dev.rampart.domain.rule.HaltRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which halt rules trip now, for every cohort on the new version, each on its own readings: a rule trips once its
 * breach has held for its window (at once without one), once per unbroken breach (the latch is the halt already in
 * the store), and again after a person resumed while it still holds.
 */
final class HaltWatch {
    private final List<HaltRule> rules;

    HaltWatch(List<HaltRule> rules) {
        this.rules = rules;
    }

    /** The rules that trip at {@code now}, rollbacks first, then pauses, then alerts. */
    List<RuleReading> check(Judge judge, Ledger ledger, Set<String> cohorts, Instant now) {
        List<RuleReading> trips = new ArrayList<>();
        for (String cohort : cohorts) {
            for (int i = 0; i < rules.size(); i++) {
                HaltRule rule = rules.get(i);
                Judge.Stretch s = judge.halt(i, cohort);
                if (s == null || s.firstHolds == null) {
                    continue;
                }
                if (rule.window() != null && now.isBefore(s.firstHolds.plus(rule.window()))) {
                    continue;
                }
                if (!latched(rule, cohort, s, judge, ledger)) {
                    trips.add(RuleReading.read(rule, cohort, s.heldOn, judge.baseline()));
                }
            }
        }
        trips.sort(Comparator.comparing(r -> severity(r.rule().action())));
        return trips;
    }

    /**
     * A rule whose breach is under way on a cohort but has not tripped yet (it has not lasted its window), or null:
     * no stage may be left then. A breach that tripped has had its say: its rule paused, rolled back or alerted.
     */
    RuleReading pending(Judge judge, Ledger ledger, Set<String> cohorts) {
        for (String cohort : cohorts) {
            for (int i = 0; i < rules.size(); i++) {
                Judge.Stretch s = judge.halt(i, cohort);
                if (s != null && s.firstHolds != null && !latched(rules.get(i), cohort, s, judge, ledger)) {
                    return RuleReading.read(rules.get(i), cohort, s.heldOn, judge.baseline());
                }
            }
        }
        return null;
    }

    /** Whether this breach already tripped its rule: a halt recorded since it began and since the last resume. */
    private static boolean latched(HaltRule rule, String cohort, Judge.Stretch s, Judge judge, Ledger ledger) {
        Instant tripped = ledger.lastHalt(rule.text(), cohort);
        return tripped != null && (judge.rearmedAt() == null || !tripped.isBefore(judge.rearmedAt()))
                && (s.lastBreak == null || tripped.isAfter(s.lastBreak));
    }

    private static int severity(Action a) {
        return a == Action.ROLLBACK ? 0 : a == Action.PAUSE ? 1 : 2;
    }
}
