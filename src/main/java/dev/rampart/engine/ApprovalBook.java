package dev.rampart.engine;

import java.time.Instant;
import java.util.Optional;

/** Where the engine looks up sign-offs and go/no-go decisions. */
public interface ApprovalBook {

    /**
     * The sign-off of {@code role} for {@code stage} of the rollout ({@code stage} null: the rollout as a whole),
     * if given; asked once it is {@code due}.
     */
    Optional<SignOff> find(long rolloutId, String stage, String role, Instant due);

    /** A dry run's book: every sign-off counts as given the moment it is due, and says so. */
    static ApprovalBook assumedWhenDue() {
        return (rolloutId, stage, role, due) -> Optional.of(new SignOff(role, stage, "dry-run", due,
                "dry run: counted as given when due", true));
    }
}
