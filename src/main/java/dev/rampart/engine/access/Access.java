package dev.rampart.engine.access;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.repo.PeopleRepository;

import java.util.Objects;

/**
 * The one call the service layer makes before acting: {@code access.require(actor, Permission.ROLLBACK, "rollout 7")}.
 * The console, the CLI and the agent all pass through here, so hiding a button is never the only guard.
 */
public final class Access {
    private final PeopleRepository people;
    private final AccessPolicy policy;

    public Access(PeopleRepository people, AccessPolicy policy) {
        this.people = Objects.requireNonNull(people, "people");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The person called {@code actor}, if their roles allow {@code permission}.
     *
     * @param context what the action is about, for the message ("rollout 7", "plan REL-1"); may be null
     * @throws NotPermittedException when nobody of that name is known, or their roles do not allow it
     */
    public Person require(String actor, Permission permission, String context) {
        Person person = person(actor, permission);
        policy.require(person, permission, context);
        return person;
    }

    /** {@link #require(String, Permission, String)} about one rollout. */
    public Person require(String actor, Permission permission, long rolloutId) {
        return require(actor, permission, "rollout " + rolloutId);
    }

    /** True when {@code actor} is known and may do {@code permission}; for enabling buttons, never instead of require. */
    public boolean allows(String actor, Permission permission) {
        return actor != null && people.find(actor).map(p -> policy.allows(p, permission)).orElse(false);
    }

    public AccessPolicy policy() {
        return policy;
    }

    Person person(String actor, Permission permission) {
        if (actor == null || actor.isBlank()) {
            throw new NotPermittedException(String.valueOf(actor), permission,
                    "Nobody is named; " + permission.doing() + " needs a person known to this store");
        }
        return people.find(actor).orElseThrow(() -> new NotPermittedException(actor, permission,
                "Nobody called " + actor + " is known to this store; an admin adds people with"
                        + " 'rampart people add'"));
    }
}
