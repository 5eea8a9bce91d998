package dev.rampart.engine.access;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.Signature;
import dev.rampart.domain.access.SignedContent;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.repo.PeopleRepository;
import dev.rampart.domain.repo.PlanRepository;
import dev.rampart.domain.repo.SignatureRepository;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.format.Format;
import dev.rampart.format.PlanFormat;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signing checklist items, go/no-go decisions and emergency actions. A signature re-asks the signer's passphrase,
 * is refused to anyone whose roles do not fit the item, and under four-eyes to the person who started the rollout
 * for its gates; it records who, in which role, when, with what comment, and the SHA-256 of exactly what was signed
 * (the plan version and the item). Each signature is an audit event ({@code signoff.signed}); a wrong passphrase is
 * one too ({@code signoff.refused}).
 */
public final class Signatures {
    private final SignatureRepository signatures;
    private final PeopleRepository people;
    private final RolloutRepository rollouts;
    private final PlanRepository plans;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final Passphrases passphrases;
    private final PlanFormat format;
    private final Clock clock;

    public Signatures(SignatureRepository signatures, PeopleRepository people, RolloutRepository rollouts,
                      PlanRepository plans, AuditLog audit, AccessPolicy policy, Passphrases passphrases,
                      PlanFormat format, Clock clock) {
        this.signatures = signatures;
        this.people = people;
        this.rollouts = rollouts;
        this.plans = plans;
        this.audit = audit;
        this.policy = policy;
        this.passphrases = passphrases;
        this.format = format;
        this.clock = clock;
    }

    /**
     * Signs {@code request} as {@code signer}, whose passphrase is checked and then cleared.
     *
     * @throws NotPermittedException     when the signer's roles do not allow it, four-eyes forbids it, or they
     *                                   signed it already
     * @throws WrongPassphraseException  when the passphrase is not the signer's
     * @throws IllegalArgumentException  when the rollout or the item does not exist
     */
    public Signature sign(SignRequest request, String signer, char[] passphrase) {
        try {
            Objects.requireNonNull(request, "request");
            Person person = people.find(signer).orElseThrow(() -> new NotPermittedException(signer, Permission.SIGN,
                    "Nobody called " + signer + " is known to this store"));
            Rollout rollout = rollout(request.rolloutId());
            StoredPlan current = currentPlan(rollout);
            new SigningRules(policy).check(request, person, rollout, plan(current));
            refuseDuplicate(request, signer, current.sha256());
            String stored = people.passphraseHash(signer).orElseThrow(() -> new NotPermittedException(signer,
                    Permission.SIGN, signer + " has no passphrase yet; set one before signing"));
            if (!passphrases.matches(passphrase, stored)) {
                audit.append(new NewEvent(rollout.id(), clock.instant(), "signoff.refused", signer, request.stage(),
                        Map.of("role", request.role().name(), "item", request.item(), "reason", "wrong passphrase")));
                throw new WrongPassphraseException(signer, Permission.SIGN);
            }
            return record(request, signer, current.sha256());
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** The signatures on a rollout, oldest first; compare with {@link #currentPlanSha(long)} to show stale ones. */
    public List<Signature> list(long rolloutId) {
        return signatures.forRollout(rolloutId);
    }

    /**
     * The SHA-256 of the plan version signatures must match now: the latest import of the rollout's change id. A
     * signature on an older version is stale.
     */
    public String currentPlanSha(long rolloutId) {
        return currentPlan(rollout(rolloutId)).sha256();
    }

    /** What can be signed on the rollout, for the Checklists screen. */
    public List<SignableItem> items(long rolloutId) {
        return SignableItem.of(plan(currentPlan(rollout(rolloutId))));
    }

    private Signature record(SignRequest request, String signer, String planSha) {
        Instant at = clock.instant();
        String signed = SignedContent.sha256(planSha, request.rolloutId(), request.stage(), request.role(),
                request.item());
        Signature s = new Signature(0, request.rolloutId(), request.stage(), request.item(), request.role(), signer,
                at, request.comment(), planSha, signed, 0);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("role", request.role().name());
        data.put("item", request.item());
        data.put("comment", request.comment());
        data.put("plan_sha256", planSha);
        data.put("signed_sha256", signed);
        return signatures.add(s, new NewEvent(request.rolloutId(), at, "signoff.signed", signer, request.stage(),
                data));
    }

    private void refuseDuplicate(SignRequest request, String signer, String planSha) {
        boolean again = !request.isEmergency() && signatures.forRollout(request.rolloutId()).stream().anyMatch(s ->
                s.signer().equals(signer) && s.role().equals(request.role()) && s.item().equals(request.item())
                        && Objects.equals(s.stage(), request.stage()) && !s.stale(planSha));
        if (again) {
            throw new NotPermittedException(signer, null, signer + " has already signed \"" + request.item() + "\""
                    + (request.stage() == null ? "" : " of " + request.stage()) + " as " + request.role());
        }
    }

    private Rollout rollout(long id) {
        return rollouts.find(id).orElseThrow(() -> new IllegalArgumentException("There is no rollout " + id));
    }

    private StoredPlan currentPlan(Rollout rollout) {
        StoredPlan started = plans.find(rollout.planId()).orElseThrow(() ->
                new IllegalStateException("The plan of rollout " + rollout.id() + " is missing from the store"));
        return plans.findByChangeId(started.changeId()).orElse(started);
    }

    private Plan plan(StoredPlan stored) {
        return format.read(stored.json(), Format.JSON);
    }

    /** True when {@code person} may sign in {@code role}: they hold it, and it is neither observer nor admin. */
    public static boolean mayHold(Person person, Role role) {
        return person.holds(role) && !role.equals(Role.OBSERVER) && !role.equals(Role.ADMIN);
    }
}
