package dev.rampart.engine.access;

import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.Signature;
import dev.rampart.engine.ApprovalBook;
import dev.rampart.engine.SignOff;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's approval book on chained, verifying sign-offs: a role's go/no-go for a gate is given when someone
 * holding it signed the gate, on the current plan version, with the key they had enrolled before, and the event
 * that records it lies within the chain ({@link Signatures#book}). Rows in the signatures table count for nothing.
 * Stale sign-offs (on an older plan) do not count, and under four-eyes neither does the starter's (the starter as
 * the chain records it).
 */
public final class SignedApprovals implements ApprovalBook {
    private final Signatures signatures;

    public SignedApprovals(Signatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public Optional<SignOff> find(long rolloutId, String stage, String role, Instant due) {
        Signatures.Book book = signatures.book(rolloutId);
        String planSha = signatures.currentPlanSha(rolloutId);
        boolean fourEyes = SigningRules.fourEyes(signatures.currentPlan(rolloutId));
        List<Signature> valid = book.valid().stream()
                .filter(s -> s.isGate() && Objects.equals(s.stage(), stage) && s.role().equals(Role.of(role))
                        && !s.stale(planSha) && !(fourEyes && s.signer().equals(book.starter())))
                .sorted(Comparator.comparing(Signature::at))
                .toList();
        return valid.stream().findFirst()
                .map(s -> new SignOff(role, stage, s.signer(), s.at(), s.comment(), false));
    }

    /** A checklist item counts as done once someone holding its role (any role, when it names none) signed it. */
    @Override
    public Optional<SignOff> findItem(long rolloutId, String stage, String item, String role, Instant due) {
        String planSha = signatures.currentPlanSha(rolloutId);
        return signatures.list(rolloutId).stream()
                .filter(s -> !s.isGate() && Objects.equals(s.stage(), stage) && s.item().equals(item)
                        && (role == null || role.isBlank() || s.role().equals(Role.of(role))) && !s.stale(planSha))
                .min(Comparator.comparing(Signature::at))
                .map(s -> new SignOff(s.role().name(), stage, s.signer(), s.at(), s.comment(), false));
    }
}
