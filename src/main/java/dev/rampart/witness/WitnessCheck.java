package dev.rampart.witness;

import dev.rampart.domain.access.Checkpoint;

import java.io.IOException;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The chain as it is, compared with the newest checkpoint a witness holds: a witness that saw event N proves that
 * the chain once reached N with that hash. A chain that now ends before N was truncated or rewound (wiped, when it
 * holds nothing); one whose event N has another hash was rewritten; a store of another identity at the same place
 * was replaced.
 */
public final class WitnessCheck {

    /** What one witness says about the chain. */
    public enum Status { AGREES, NOTHING_YET, UNREACHABLE, FORGED_CHECKPOINT, REPLACED, TRUNCATED, WIPED, REWRITTEN }

    public record Verdict(String witness, Status status, String message, Checkpoint checkpoint) {
        /** True when the witness shows the chain lost or changed what it once held. */
        public boolean broken() {
            return status == Status.FORGED_CHECKPOINT || status == Status.REPLACED || status == Status.TRUNCATED
                    || status == Status.WIPED || status == Status.REWRITTEN;
        }
    }

    private WitnessCheck() {
    }

    /**
     * @param headSeq the last event of the chain as the store says now (0: none)
     * @param hashAt  the hash of the chain's event at a sequence number, if it has one within the chain
     */
    public static Verdict check(Witness witness, String location, String storeId, long headSeq,
                                LongFunction<Optional<String>> hashAt) {
        Optional<Checkpoint> newest;
        try {
            newest = witness.newest(location);
        } catch (IOException | RuntimeException e) {
            return new Verdict(witness.describe(), Status.UNREACHABLE, "cannot be read: " + e.getMessage(), null);
        }
        if (newest.isEmpty()) {
            return new Verdict(witness.describe(), Status.NOTHING_YET, "holds no checkpoint of this store yet", null);
        }
        Checkpoint c = newest.get();
        String saw = "saw event " + c.seq() + " (" + c.hash().substring(0, 12) + "…) at " + c.at() + ", signed by "
                + c.signer() + " with " + c.keyId();
        if (!c.verifies()) {
            return new Verdict(witness.describe(), Status.FORGED_CHECKPOINT, "holds a checkpoint whose signature does"
                    + " not verify (it was edited)", c);
        }
        if (!c.storeId().equals(storeId)) {
            return new Verdict(witness.describe(), Status.REPLACED, saw + " of store " + c.storeId() + ", but the store"
                    + " here is " + storeId + ": it was replaced or made anew", c);
        }
        if (headSeq < c.seq()) {
            if (headSeq == 0) {
                return new Verdict(witness.describe(), Status.WIPED, saw + ", but the chain is empty: the log was"
                        + " wiped", c);
            }
            return new Verdict(witness.describe(), Status.TRUNCATED, saw + ", but the chain ends at event " + headSeq
                    + ": events " + (headSeq + 1) + " to " + c.seq() + " were removed (the log was truncated or"
                    + " rewound)", c);
        }
        Optional<String> now = hashAt.apply(c.seq());
        if (now.isEmpty() || !now.get().equals(c.hash())) {
            return new Verdict(witness.describe(), Status.REWRITTEN, saw + ", but the chain's event " + c.seq()
                    + (now.isEmpty() ? " cannot be read" : " now has hash " + now.get().substring(0, 12) + "…")
                    + ": the chain was rewritten", c);
        }
        return new Verdict(witness.describe(), Status.AGREES, saw + ": the chain still holds it", c);
    }
}
