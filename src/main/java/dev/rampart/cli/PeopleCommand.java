package dev.rampart.cli;

import dev.rampart.domain.access.EnrolledKey;
import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.engine.access.People;
import dev.rampart.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * People, their roles and their signing keys from a terminal. Listing is for everyone; adding people and changing
 * roles is for admins, checked by the service. Each person enrols their own key, made on their own machine; an admin
 * can revoke a key, never make one. Passphrases are asked on the terminal (or read from the files
 * {@code RAMPART_PASSPHRASE_FILE} and {@code RAMPART_NEW_PASSPHRASE_FILE} name), never taken as arguments.
 */
@Command(name = "people", description = "People, roles and signing keys: admins add people and grant or revoke roles;"
        + " each person enrols their own key.",
        subcommands = {PeopleCommand.ListPeople.class, PeopleCommand.Add.class, PeopleCommand.Grant.class,
                PeopleCommand.Revoke.class, PeopleCommand.Enrol.class, PeopleCommand.Passphrase.class,
                PeopleCommand.RevokeKey.class})
final class PeopleCommand {

    /** Runs one call on the people of the store and closes it. */
    abstract static class OnPeople implements Callable<Integer> {
        final CliContext cx;

        OnPeople(CliContext cx) {
            this.cx = cx;
        }

        abstract int run(People people, String actor);

        @Override
        public Integer call() {
            try (Store store = cx.openStore()) {
                return run(cx.access(store).people(), cx.globals().user());
            }
        }
    }

    @Command(name = "list", description = "Everyone the store knows, with their roles and signing keys.")
    static final class ListPeople extends OnPeople {
        @Option(names = "--json", description = "Print one JSON object.") boolean json;

        ListPeople(CliContext cx) {
            super(cx);
        }

        @Override
        int run(People people, String actor) {
            List<Person> everyone = people.list();
            if (json) {
                List<Map<String, Object>> rows = everyone.stream().map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", p.name());
                    m.put("display_name", p.displayName());
                    m.put("roles", p.roles().stream().map(Role::name).toList());
                    m.put("can_sign", people.canSign(p.name()));
                    m.put("key_id", people.key(p.name()).map(EnrolledKey::keyId).orElse(null));
                    m.put("demo_key", people.key(p.name()).map(EnrolledKey::demo).orElse(false));
                    return m;
                }).toList();
                cx.out().println(Json.write(Map.of("people", rows)));
            } else {
                for (Person p : everyone) {
                    String key = people.key(p.name()).map(k -> (k.demo() ? "demo key " : "key ") + k.keyId())
                            .orElse("(no signing key yet)");
                    cx.out().printf("%-16s %-24s %-28s %s%n", p.name(), p.displayName(), p.rolesText(), key);
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "add", description = "Add a person with roles (admins only); they enrol their own key.")
    static final class Add extends OnPeople {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--display-name", paramLabel = "TEXT") String displayName;
        @Option(names = "--login", paramLabel = "LOGIN",
                description = "Their database login on a team store (default: NAME).") String login;
        @Option(names = "--role", paramLabel = "ROLE", split = ",", required = true,
                description = "release_owner, product, security, infrastructure, sre, schema_steward, observer,"
                        + " admin, or a role of your team's") List<String> roles;

        Add(CliContext cx) {
            super(cx);
        }

        @Override
        int run(People people, String actor) {
            Person added = people.add(actor, name, displayName, roles.stream().map(Role::of).toList(), login);
            cx.out().printf("%s added: %s; %s enrols a signing key with 'rampart people enrol'%n", added.name(),
                    added.rolesText(), added.name());
            return ExitCode.OK;
        }
    }

    abstract static class ChangeRole extends OnPeople {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "ROLE") String role;
        private final String verb;
        private final RoleChange change;

        interface RoleChange {
            Person apply(People people, String admin, String name, Role role);
        }

        ChangeRole(CliContext cx, String verb, RoleChange change) {
            super(cx);
            this.verb = verb;
            this.change = change;
        }

        @Override
        int run(People people, String actor) {
            Person p = change.apply(people, actor, name, Role.of(role));
            cx.out().printf("%s %s %s: now %s%n", name, verb, Role.of(role).name(), p.rolesText());
            return ExitCode.OK;
        }
    }

    @Command(name = "grant", description = "Give a person a role (admins only).")
    static final class Grant extends ChangeRole {
        Grant(CliContext cx) {
            super(cx, "granted", People::grant);
        }
    }

    @Command(name = "revoke", description = "Take a role from a person (admins only; the last admin stays).")
    static final class Revoke extends ChangeRole {
        Revoke(CliContext cx) {
            super(cx, "lost", People::revoke);
        }
    }

    @Command(name = "enrol", aliases = "enroll", description = {"Enrol your signing key in this store: the one in your"
            + " data folder (asks its passphrase),", "or a new one (asks a new passphrase, at least 12 characters)."})
    static final class Enrol extends OnPeople {
        @Option(names = "--new", description = "Make a new key even if you have one (the old one is retired).")
        boolean replace;

        Enrol(CliContext cx) {
            super(cx);
        }

        @Override
        int run(People people, String actor) {
                        boolean held = !replace && people.keyHere(actor);
            char[] passphrase = held
                    ? cx.secret(Secrets.PASSPHRASE_FILE, "Passphrase of your signing key: ")
                    : cx.newSecret(Secrets.NEW_PASSPHRASE_FILE, "Passphrase for your new signing key (at least 12"
                    + " characters): ");
            EnrolledKey key;
            try {
                key = people.enrol(actor, passphrase, replace);
            } catch (IllegalArgumentException e) {
                throw CliException.badInput(e.getMessage() + "; nothing was changed");
            }
            cx.out().printf("%s signs with key %s (event %d)%n", actor, key.keyId(), key.enrolledSeq());
            return ExitCode.OK;
        }
    }

    @Command(name = "passphrase", description = "Change the passphrase of your signing key (on this machine only).")
    static final class Passphrase extends OnPeople {
        Passphrase(CliContext cx) {
            super(cx);
        }

        @Override
        int run(People people, String actor) {
                        char[] current = cx.secret(Secrets.PASSPHRASE_FILE, "Current passphrase of your signing key: ");
            char[] replacement = cx.newSecret(Secrets.NEW_PASSPHRASE_FILE, "New passphrase (at least 12"
                    + " characters): ");
            try {
                people.changePassphrase(actor, current, replacement);
            } catch (IllegalArgumentException e) {
                throw CliException.badInput(e.getMessage() + "; nothing was changed");
            }
            cx.out().println("passphrase of your signing key changed");
            return ExitCode.OK;
        }
    }

    @Command(name = "revoke-key", description = "Revoke a signing key: your own, or, as an admin, anyone's (they then"
            + " enrol a new one themselves).")
    static final class RevokeKey extends OnPeople {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Default: you.") String name;
        @Option(names = "--reason", paramLabel = "TEXT") String reason;

        RevokeKey(CliContext cx) {
            super(cx);
        }

        @Override
        int run(People people, String actor) {
            String whose = name == null ? actor : name;
            people.revokeKey(actor, whose, reason);
            cx.out().printf("%s's signing key revoked%n", whose);
            return ExitCode.OK;
        }
    }

    private PeopleCommand() {
    }
}
