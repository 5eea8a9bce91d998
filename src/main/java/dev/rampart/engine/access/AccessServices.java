package dev.rampart.engine.access;

import dev.rampart.domain.access.Signer;
import dev.rampart.domain.access.SigningKeys;
import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.repo.PeopleRepository;
import dev.rampart.domain.repo.PlanRepository;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.repo.SignatureRepository;
import dev.rampart.domain.repo.TrustLog;
import dev.rampart.format.PlanFormat;

import java.time.Clock;

/**
 * Who may do what, built once by a composition root (the console's, the command line's) from the store's
 * repositories and the signing keys this machine holds: the access check, people, signatures, the engine's approval
 * book and reviews.
 */
public record AccessServices(Access access, People people, Signatures signatures, SignedApprovals approvals,
                             Reviews reviews, Signer signer) {

    /** Services whose evidence packs are signed by a key made for this process alone (tests, previews). */
    public AccessServices(Access access, People people, Signatures signatures, SignedApprovals approvals,
                          Reviews reviews) {
        this(access, people, signatures, approvals, reviews, Signers.ephemeral("rampart"));
    }

    /** The same services, signing evidence and checkpoints with {@code installationKey}. */
    public AccessServices signingWith(Signer installationKey) {
        return new AccessServices(access, people, signatures, approvals, reviews, installationKey);
    }

    /**
     * @param audit the store's audit trail, which is also its {@link TrustLog}
     * @param keys  the private keys this machine holds (the person's own; demo keys in a demo workspace)
     */
    public static AccessServices on(PeopleRepository people, SignatureRepository signatures,
                                    RolloutRepository rollouts, PlanRepository plans, AuditLog audit, Clock clock,
                                    SigningKeys keys) {
        TrustLog trust = (TrustLog) audit;
        AccessPolicy policy = new AccessPolicy();
        Access access = new Access(people, policy);
        Signatures signing = new Signatures(signatures, rollouts, plans, trust, audit, policy, keys, new PlanFormat(),
                clock);
        return new AccessServices(access, new People(people, trust, access, keys, clock), signing,
                new SignedApprovals(signing), new Reviews(audit, access, clock));
    }

    /** Services of a process that holds no signing keys (it signs nothing). */
    public static AccessServices on(PeopleRepository people, SignatureRepository signatures,
                                    RolloutRepository rollouts, PlanRepository plans, AuditLog audit, Clock clock) {
        return on(people, signatures, rollouts, plans, audit, clock, SigningKeys.none());
    }

    /** @deprecated passphrases now protect each person's own key file; use {@link #on(PeopleRepository,
     *  SignatureRepository, RolloutRepository, PlanRepository, AuditLog, Clock, SigningKeys)} */
    @Deprecated
    public static AccessServices on(PeopleRepository people, SignatureRepository signatures,
                                    RolloutRepository rollouts, PlanRepository plans, AuditLog audit, Clock clock,
                                    Passphrases passphrases) {
        return on(people, signatures, rollouts, plans, audit, clock, SigningKeys.none());
    }
}
