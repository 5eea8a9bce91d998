package dev.rampart.engine;

import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.Notice;
import dev.rampart.spi.Notifier;

import java.util.Map;

/** Tells people about the events that matter; a notifier that fails is recorded and never stops the rollout. */
final class Notices {
    private static final Map<String, Notice.Severity> WORTH_TELLING = Map.of(
            "rollout.halted", Notice.Severity.CRITICAL, "rollout.alerted", Notice.Severity.WARNING,
            "rollout.rolled_back", Notice.Severity.WARNING, "rollout.rollback_failed", Notice.Severity.CRITICAL,
            "rollout.completed", Notice.Severity.INFO, "rollout.circuit_opened", Notice.Severity.CRITICAL,
            "incident.monitoring_gap", Notice.Severity.CRITICAL);

    private final Notifier notifier;
    private final Journal journal;
    private final String actor;

    Notices(Notifier notifier, Journal journal, String actor) {
        this.notifier = notifier;
        this.journal = journal;
        this.actor = actor;
    }

    void tell(NewEvent e) {
        Notice.Severity severity = WORTH_TELLING.get(e.type());
        if (severity == null) {
            return;
        }
        String title = e.type() + (e.stage() == null ? "" : " (" + e.stage() + ")")
                + (e.data().containsKey("rule") ? ": " + e.data().get("rule") : "");
        try {
            notifier.send(new Notice(e.type(), severity, title, e.data().toString(), e.rolloutId(), e.at(),
                    e.data()));
        } catch (AdapterException | RuntimeException ex) {
            try {
                journal.record(journal.event("notification.failed", e.stage(), actor,
                        Map.of("event", e.type(), "error", String.valueOf(ex.getMessage()))));
            } catch (RuntimeException storeDown) {
                // a notice that could not be sent nor recorded never stops what caused it
            }
        }
    }
}
