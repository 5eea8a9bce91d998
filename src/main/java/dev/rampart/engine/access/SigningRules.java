package dev.rampart.engine.access;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.rollout.Rollout;

/** Who may sign what: the checks of a signature that need no passphrase and no store. */
final class SigningRules {
    private final AccessPolicy policy;

    SigningRules(AccessPolicy policy) {
        this.policy = policy;
    }

    /** @param starter who started the rollout, as the chain says (never the rollouts table) */
    void check(SignRequest request, Person person, Rollout rollout, Plan plan, String starter) {
        String name = person.name();
        policy.require(person, Permission.SIGN, "rollout " + rollout.id());
        Role role = request.role();
        if (!Signatures.mayHold(person, role)) {
            throw new NotPermittedException(name, Permission.SIGN, name + " holds " + person.rolesText()
                    + "; signing as " + role + " needs " + role);
        }
        if (request.isEmergency()) {
            if (!role.equals(Role.RELEASE_OWNER)) {
                throw new NotPermittedException(name, Permission.PROMOTE,
                        "An emergency promote is signed by a release_owner, not as " + role);
            }
            if (request.comment().isEmpty()) {
                throw new IllegalArgumentException("An emergency promote needs a reason");
            }
            return;
        }
        SignableItem item = SignableItem.find(plan, request.stage(), request.item()).orElseThrow(() ->
                new IllegalArgumentException("The plan has no \"" + request.item() + "\" to sign"
                        + (request.stage() == null ? "" : " in stage " + request.stage())));
        if (!item.roles().isEmpty() && !item.roles().contains(role)) {
            throw new NotPermittedException(name, Permission.SIGN, "\"" + request.item() + "\""
                    + where(request) + " is signed by " + join(item) + ", not " + role);
        }
        if (request.isGate() && fourEyes(plan) && name.equals(starter)) {
            throw new NotPermittedException(name, Permission.SIGN, name + " started rollout " + rollout.id()
                    + "; under four-eyes its go/no-go" + where(request) + " is signed by someone else");
        }
    }

    /** As the engine reads it: four-eyes holds unless the plan turns it off. */
    static boolean fourEyes(Plan plan) {
        return plan.approvals() == null || plan.approvals().fourEyesRequired();
    }

    private static String where(SignRequest r) {
        return r.stage() == null ? "" : " of " + r.stage();
    }

    private static String join(SignableItem item) {
        return String.join(" or ", item.roles().stream().map(Role::name).toList());
    }
}
