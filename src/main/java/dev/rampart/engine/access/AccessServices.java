package dev.rampart.engine.access;

import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.repo.PeopleRepository;
import dev.rampart.domain.repo.PlanRepository;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.repo.SignatureRepository;
import dev.rampart.format.PlanFormat;

import java.time.Clock;

/**
 * Who may do what, built once by a composition root (the console's, the command line's) from the store's
 * repositories: the access check, people, signatures, the engine's approval book and reviews.
 */
public record AccessServices(Access access, People people, Signatures signatures, SignedApprovals approvals,
                             Reviews reviews) {

    public static AccessServices on(PeopleRepository people, SignatureRepository signatures,
                                    RolloutRepository rollouts, PlanRepository plans, AuditLog audit, Clock clock) {
        return on(people, signatures, rollouts, plans, audit, clock, new Passphrases());
    }

    public static AccessServices on(PeopleRepository people, SignatureRepository signatures,
                                    RolloutRepository rollouts, PlanRepository plans, AuditLog audit, Clock clock,
                                    Passphrases passphrases) {
        AccessPolicy policy = new AccessPolicy();
        Access access = new Access(people, policy);
        Signatures signing = new Signatures(signatures, people, rollouts, plans, audit, policy, passphrases,
                new PlanFormat(), clock);
        return new AccessServices(access, new People(people, access, passphrases, clock), signing,
                new SignedApprovals(signing), new Reviews(audit, access, clock));
    }
}
