package dev.rampart.engine;

import java.time.Instant;
import java.util.Optional;

/** Where the engine looks up sign-offs, go/no-go decisions and signed checklist items. */
public interface ApprovalBook {

    /**
     * The sign-off of {@code role} for {@code stage} of the rollout ({@code stage} null: the rollout as a whole),
     * if given; asked once it is {@code due}.
     */
    Optional<SignOff> find(long rolloutId, String stage, String role, Instant due);

    /**
     * The signature on the checklist item {@code item} of {@code stage} ({@code stage} null: a precondition or smoke
     * test of the rollout as a whole) by someone holding {@code role} (null: any role), if given. A book that does not
     * know checklist items has none: a checklist gate stays shut rather than open unsigned.
     */
    default Optional<SignOff> findItem(long rolloutId, String stage, String item, String role, Instant due) {
        return Optional.empty();
    }

    /** A dry run's book: every sign-off counts as given the moment it is due, and says so. */
    static ApprovalBook assumedWhenDue() {
        return new ApprovalBook() {
            @Override
            public Optional<SignOff> find(long rolloutId, String stage, String role, Instant due) {
                return Optional.of(new SignOff(role, stage, "dry-run", due, "dry run: counted as given when due",
                        true));
            }

            @Override
            public Optional<SignOff> findItem(long rolloutId, String stage, String item, String role, Instant due) {
                return Optional.of(new SignOff(role == null ? "any" : role, stage, "dry-run", due,
                        "dry run: \"" + item + "\" counted as signed when due", true));
            }
        };
    }
}
