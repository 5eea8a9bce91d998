package dev.rampart.engine.access;

import dev.rampart.domain.access.EnrolledKey;
import dev.rampart.domain.access.Ed25519;
import dev.rampart.domain.access.KeyLockedException;
import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.Signature;
import dev.rampart.domain.access.SignedContent;
import dev.rampart.domain.access.SigningKeys;
import dev.rampart.domain.access.TrustLedger;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.repo.AuditLog;
import dev.rampart.domain.repo.PlanRepository;
import dev.rampart.domain.repo.RolloutRepository;
import dev.rampart.domain.repo.SignatureRepository;
import dev.rampart.domain.repo.StoredPlan;
import dev.rampart.domain.repo.TrustLog;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.format.Format;
import dev.rampart.format.PlanFormat;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Signing checklist items, go/no-go decisions and emergency actions. A sign-off is the signer's Ed25519 signature
 * over its canonical content ({@link SignedContent#text}: store, rollout, plan hash, stage, role, item, comment,
 * signer, key, time), made with the private key in the signer's own data folder, unlocked by their passphrase; it is
 * chained as a {@code signoff.signed} event. It is refused to anyone whose roles do not fit the item, and under
 * four-eyes to the person who started the rollout for its gates. A wrong passphrase is an event too
 * ({@code signoff.refused}).
 * <p>
 * Reading is from the chain alone: a sign-off counts only when its event verifies against the key its signer had
 * enrolled before it, in a role they held then ({@link TrustLedger#checkSignOff}). The signatures table is a
 * projection that nothing here believes; an admin can revoke a key but never make a signature.
 */
public final class Signatures {
    private static final Set<String> SIGN_OFFS = Set.of(TrustLedger.SIGNOFF_SIGNED);

    private final SignatureRepository signatures;
    private final RolloutRepository rollouts;
    private final PlanRepository plans;
    private final TrustLog trust;
    private final AuditLog audit;
    private final AccessPolicy policy;
    private final SigningKeys keys;
    private final PlanFormat format;
    private final Clock clock;

    public Signatures(SignatureRepository signatures, RolloutRepository rollouts, PlanRepository plans, TrustLog trust,
                      AuditLog audit, AccessPolicy policy, SigningKeys keys, PlanFormat format, Clock clock) {
        this.signatures = signatures;
        this.rollouts = rollouts;
        this.plans = plans;
        this.trust = trust;
        this.audit = audit;
        this.policy = policy;
        this.keys = keys;
        this.format = format;
        this.clock = clock;
    }

    /** Every sign-off of a rollout judged against the chain, and who started it. */
    public record Book(List<TrustLedger.SignOffVerdict> verdicts, String starter, TrustLedger ledger) {
        public List<Signature> valid() {
            return verdicts.stream().filter(TrustLedger.SignOffVerdict::valid).map(TrustLedger.SignOffVerdict::signature)
                    .toList();
        }
    }

    /**
     * Signs {@code request} as {@code signer} with their key, unlocked by {@code passphrase} (cleared here).
     *
     * @throws NotPermittedException     when the signer's roles do not allow it, four-eyes forbids it, they signed
     *                                   it already, or they have no enrolled key held on this machine
     * @throws WrongPassphraseException  when the passphrase does not unlock the signer's key
     * @throws IllegalArgumentException  when the rollout or the item does not exist
     */
    public Signature sign(SignRequest request, String signer, char[] passphrase) {
        try {
            Objects.requireNonNull(request, "request");
            Rollout rollout = rollout(request.rolloutId());
            StoredPlan current = currentPlan(rollout);
            Book book = book(rollout.id());
            Person person = book.ledger().person(signer).orElseThrow(() -> new NotPermittedException(signer,
                    Permission.SIGN, "Nobody called " + signer + " is known to this store"));
            new SigningRules(policy).check(request, person, rollout, plan(current), book.starter());
            refuseDuplicate(request, signer, current.sha256(), book.valid());
            EnrolledKey enrolled = book.ledger().keyInUse(signer).orElseThrow(() -> new NotPermittedException(signer,
                    Permission.SIGN, signer + " has no signing key enrolled in this store yet; " + signer
                    + " enrols one with 'rampart people enrol' (an admin cannot do it for them)"));
            if (enrolled.demo() && !book.ledger().demoWorkspace()) {
                throw new NotPermittedException(signer, Permission.SIGN, "Demo keys sign only in a demo workspace");
            }
            PublicKey here = keys.publicKey(signer).orElseThrow(() -> new NotPermittedException(signer,
                    Permission.SIGN, signer + "'s private key is not on this machine: only " + signer + " signs as "
                    + signer + ", with the key in their own data folder"));
            if (!Ed25519.keyId(here).equals(enrolled.keyId())) {
                throw new NotPermittedException(signer, Permission.SIGN, "The key on this machine ("
                        + Ed25519.keyId(here) + ") is not the one " + signer + " enrolled in this store ("
                        + enrolled.keyId() + "); enrol it with 'rampart people enrol'");
            }
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String text = SignedContent.text(trust.storeId(), rollout.id(), current.sha256(), request.stage(),
                    request.role(), request.item(), request.comment(), signer, enrolled.keyId(), at);
            String signature;
            try {
                signature = keys.sign(signer, passphrase, text);
            } catch (KeyLockedException e) {
                audit.append(new NewEvent(rollout.id(), clock.instant(), "signoff.refused", signer, request.stage(),
                        Map.of("role", request.role().name(), "item", request.item(), "reason", "wrong passphrase")));
                throw new WrongPassphraseException(signer, Permission.SIGN);
            }
            return record(request, signer, current.sha256(), enrolled.keyId(), signature, SignedContent.sha256(text),
                    at);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** The sign-offs of a rollout that verify, oldest first; compare with {@link #currentPlanSha(long)} for stale ones. */
    public List<Signature> list(long rolloutId) {
        return book(rolloutId).valid();
    }

    /** Every sign-off of a rollout, judged: those that do not verify say why (for audit verify and evidence). */
    public Book book(long rolloutId) {
        List<AuditEvent> people = trust.events(TrustLedger.TYPES);
        List<AuditEvent> signed = trust.events(rolloutId, SIGN_OFFS);
        TrustLedger ledger = new TrustLedger(trust.storeId(), trust.teamStore());
        List<TrustLedger.SignOffVerdict> verdicts = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < people.size() || j < signed.size()) {
            if (j >= signed.size() || i < people.size() && people.get(i).seq() < signed.get(j).seq()) {
                ledger.apply(people.get(i++));
            } else {
                verdicts.add(ledger.checkSignOff(signed.get(j++)));
            }
        }
        String starter = trust.firstEvent(rolloutId).map(AuditEvent::actor).orElse(null);
        return new Book(verdicts, starter, ledger);
    }

    /**
     * The SHA-256 of the plan version signatures must match now: the latest import of the rollout's change id. A
     * signature on an older version is stale.
     */
    public String currentPlanSha(long rolloutId) {
        return currentPlan(rollout(rolloutId)).sha256();
    }

    /** The current plan of a rollout (as {@link #currentPlanSha(long)} picks it). */
    public Plan currentPlan(long rolloutId) {
        return plan(currentPlan(rollout(rolloutId)));
    }

    /** What can be signed on the rollout, for the Checklists screen. */
    public List<SignableItem> items(long rolloutId) {
        return SignableItem.of(plan(currentPlan(rollout(rolloutId))));
    }

    /** Who can sign at this machine: the people whose private keys it holds (the console user; demo people). */
    public List<Person> signersHere() {
        TrustLedger ledger = trust.ledger();
        return ledger.people().stream().filter(p -> ledger.keyInUse(p.name()).isPresent()
                && keys.publicKey(p.name()).isPresent()).toList();
    }

    private Signature record(SignRequest request, String signer, String planSha, String keyId, String signature,
                             String signedSha, Instant at) {
        Signature s = new Signature(0, request.rolloutId(), request.stage(), request.item(), request.role(), signer,
                at, request.comment(), planSha, signedSha, 0, keyId, signature);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("role", request.role().name());
        data.put("item", request.item());
        data.put("comment", request.comment());
        data.put("plan_sha256", planSha);
        data.put("signed_sha256", signedSha);
        data.put("key_id", keyId);
        data.put("signature", signature);
        Signature recorded = signatures.add(s, new NewEvent(request.rolloutId(), at, TrustLedger.SIGNOFF_SIGNED,
                signer, request.stage(), data));
        // As the chain gives it back: a signature is known by the event that records it.
        return recorded.withIds(recorded.auditSeq(), recorded.auditSeq());
    }

    private void refuseDuplicate(SignRequest request, String signer, String planSha, List<Signature> valid) {
        boolean again = !request.isEmergency() && valid.stream().anyMatch(s ->
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
