package dev.rampart.cli;

import dev.rampart.domain.access.Person;
import dev.rampart.engine.access.People;
import dev.rampart.store.Store;

/**
 * Who is acting, authenticated rather than claimed. On a local H2 store it is the operating-system user running
 * Rampart (the store file is theirs alone, 0600); on a team store it is the database login the server authenticated
 * ({@code session_user}), mapped to the person of the store who logs in so. Nothing a command line says can change
 * it; {@code --user} may only repeat it.
 */
public interface Authenticator {

    /** An authenticated actor: the person's name, their database login on a team store, and how it was known. */
    record Authenticated(String name, String login, String how) {
    }

    Authenticated authenticate(Store store, People people);

    /** The production rule: the operating-system user on H2, the database login on PostgreSQL. */
    static Authenticator system() {
        return (store, people) -> store.isTeamStore() ? databaseLogin(store, people)
                : new Authenticated(OsUser.name(), null, "the operating-system user");
    }

    /**
     * For tests only, and only through a constructor: on a local store, act as {@code name}; a team store still
     * authenticates by its login.
     */
    static Authenticator localUser(String name) {
        return (store, people) -> store.isTeamStore() ? databaseLogin(store, people)
                : new Authenticated(name, null, "the operating-system user");
    }

    private static Authenticated databaseLogin(Store store, People people) {
        String login = store.audit().login();
        String name = people.withLogin(login).map(Person::name).orElse(login);
        return new Authenticated(name, login, "the database login " + login);
    }
}
