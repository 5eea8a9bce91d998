package dev.rampart.engine;

import dev.rampart.domain.plan.ChecklistItem;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.spi.CommandOutcome;
import dev.rampart.spi.CommandRunner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gate's checklist: an item with a {@code command} is run (argv, no shell, with its timeout and bounded output)
 * and its outcome kept as a {@code checklist.checked} event (exit code, output); an item without one needs a person's
 * signature on it. A passed check stays passed; a failed one is a failed gate until a person resumes the rollout,
 * which runs it again.
 */
final class Checklists {
    /** How much of a command's output an event keeps. */
    static final int OUTPUT_KEPT = 2000;

    private final CommandRunner runner;
    private final ApprovalBook book;

    Checklists(CommandRunner runner, ApprovalBook book) {
        this.runner = runner;
        this.book = book;
    }

    /** What one gate's checklist says now. */
    record Outcome(List<String> missing, Map<String, String> failed, List<Map<String, String>> checked,
                   List<StageGate.Assumed> assumed) {
        boolean met() {
            return missing.isEmpty() && failed == null;
        }
    }

    /**
     * Runs each command item of the gate that has no outcome yet (or failed before the last resume) and says what is
     * still missing. {@code stage} null: the rollout's own items (preconditions, smoke tests).
     */
    Outcome check(Ledger ledger, long rolloutId, String stage, List<ChecklistItem> items, String section,
                  Instant now) {
        List<String> missing = new ArrayList<>();
        List<Map<String, String>> checked = new ArrayList<>();
        List<StageGate.Assumed> assumed = new ArrayList<>();
        Map<String, String> failed = null;
        Instant resumed = ledger.lastResume();
        for (ChecklistItem item : items) {
            if (item.checkedByCommand()) {
                AuditEvent last = ledger.check(stage, item.text());
                boolean stale = last != null && !passed(last.data()) && resumed != null
                        && last.at().isBefore(resumed);
                Map<String, String> outcome = last == null ? null : last.data();
                if (last == null || stale) {
                    outcome = run(stage, item, section);
                    checked.add(outcome);
                }
                if (!passed(outcome) && failed == null) {
                    failed = outcome;
                }
            } else {
                Optional<SignOff> s = book.findItem(rolloutId, stage, item.text(), item.role(), now);
                if (s.isEmpty()) {
                    missing.add("sign-off of \"" + item.text() + "\""
                            + (item.role() == null || item.role().isBlank() ? "" : " by " + item.role()));
                } else if (s.get().assumed() && !ledger.assumed(stage, s.get().role(), item.text())) {
                    assumed.add(new StageGate.Assumed(s.get(), item.text()));
                }
            }
        }
        return new Outcome(missing, failed, checked, assumed);
    }

    static boolean passed(Map<String, String> checked) {
        return "true".equals(checked.get("passed"));
    }

    private Map<String, String> run(String stage, ChecklistItem item, String section) {
        CommandOutcome o = runner.run(item.command(), item.timeoutOrDefault());
        Map<String, String> d = new LinkedHashMap<>();
        if (stage != null) {
            d.put("stage", stage);
        }
        d.put("item", item.text());
        d.put("section", section);
        d.put("argv", String.join(" ", o.argv()));
        d.put("exit_code", Integer.toString(o.exitCode()));
        d.put("output", bounded(o.output(), OUTPUT_KEPT));
        d.put("output_truncated", Boolean.toString(o.truncated() || o.output().length() > OUTPUT_KEPT));
        d.put("duration_ms", Long.toString(o.took().toMillis()));
        d.put("passed", Boolean.toString(o.succeeded()));
        if (!o.succeeded()) {
            d.put("problem", String.valueOf(o.problem()));
        }
        return d;
    }

    /** At most {@code max} characters: the start, which says what ran, and the end, which says how it ended. */
    static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int half = max / 2;
        return text.substring(0, half) + "\n…\n" + text.substring(text.length() - half);
    }
}
