package dev.rampart.engine.access;

import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Review of emergency actions. An event whose data carries {@code review=required} (a forced promote, an emergency
 * signature) is flagged until a {@code review.done} event naming its seq is appended by someone else. Both live in
 * the audit trail, so a review cannot be quietly removed either.
 */
public final class Reviews {
    public static final String REVIEW_DONE = "review.done";
    private static final int BATCH = 1000;

    private final AuditLog audit;
    private final Access access;
    private final Clock clock;

    public Reviews(AuditLog audit, Access access, Clock clock) {
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    /** The flags still open, oldest first. */
    public List<ReviewFlag> open() {
        Map<Long, AuditEvent> flagged = new LinkedHashMap<>();
        Set<Long> reviewed = new HashSet<>();
        long after = 0;
        List<AuditEvent> batch;
        do {
            batch = audit.read(after, BATCH);
            for (AuditEvent e : batch) {
                if ("required".equals(e.data().get("review"))) {
                    flagged.put(e.seq(), e);
                } else if (REVIEW_DONE.equals(e.type())) {
                    reviewed.add(Long.parseLong(e.data().getOrDefault("reviews_seq", "0")));
                }
                after = e.seq();
            }
        } while (batch.size() == BATCH);
        List<ReviewFlag> open = new ArrayList<>();
        flagged.values().stream().filter(e -> !reviewed.contains(e.seq())).forEach(e -> open.add(flag(e)));
        return open;
    }

    /**
     * Marks flag {@code seq} reviewed by {@code reviewer} with {@code comment}.
     *
     * @throws NotPermittedException when the reviewer took the action themselves or may not review
     * @throws IllegalArgumentException when no open flag has that seq
     */
    public AuditEvent review(String reviewer, long seq, String comment) {
        ReviewFlag flag = open().stream().filter(f -> f.seq() == seq).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Event " + seq + " is not awaiting review"));
        access.require(reviewer, Permission.REVIEW, "event " + seq);
        if (reviewer.equals(flag.actor())) {
            throw new NotPermittedException(reviewer, Permission.REVIEW, reviewer + " took this action; someone"
                    + " else reviews it");
        }
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("A review needs a comment");
        }
        return audit.append(new NewEvent(flag.rolloutId(), clock.instant(), REVIEW_DONE, reviewer, flag.stage(),
                Map.of("reviews_seq", Long.toString(seq), "reviewed_type", flag.type(), "comment", comment.strip())));
    }

    private static ReviewFlag flag(AuditEvent e) {
        String reason = e.data().getOrDefault("reason", e.data().getOrDefault("comment", ""));
        return new ReviewFlag(e.seq(), e.rolloutId(), e.type(), e.actor(), e.at(), e.stage(), reason);
    }
}
