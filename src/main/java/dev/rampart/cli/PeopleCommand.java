package dev.rampart.cli;

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
 * People and their roles from a terminal. Listing is for everyone; adding people and changing roles is for admins,
 * checked by the service. Passphrases are asked on the terminal (or read from the file {@code
 * RAMPART_PASSPHRASE_FILE} names), never taken as arguments.
 */
@Command(name = "people", description = "List people and their roles; admins add people and grant or revoke roles.",
        subcommands = {PeopleCommand.ListPeople.class, PeopleCommand.Add.class, PeopleCommand.Grant.class,
                PeopleCommand.Revoke.class, PeopleCommand.Passphrase.class})
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

    @Command(name = "list", description = "Everyone the store knows, with their roles and whether they can sign.")
    static final class ListPeople extends OnPeople {
        @Option(names = "--json", description = "Print one JSON object.") boolean json;

        ListPeople(CliContext cx) {
            super(cx);
        }

        @Override
        int run(People people, String actor) {
            List<Map<String, Object>> rows = people.list().stream().map(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", p.name());
                m.put("display_name", p.displayName());
                m.put("roles", p.roles().stream().map(Role::name).toList());
                m.put("can_sign", people.canSign(p.name()));
                return m;
            }).toList();
            if (json) {
                cx.out().println(Json.write(Map.of("people", rows)));
            } else {
                for (Person p : people.list()) {
                    cx.out().printf("%-16s %-24s %s%s%n", p.name(), p.displayName(), p.rolesText(),
                            people.canSign(p.name()) ? "" : "  (no passphrase yet)");
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "add", description = "Add a person with roles (admins only); asks for their first passphrase.")
    static final class Add extends OnPeople {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--display-name", paramLabel = "TEXT") String displayName;
        @Option(names = "--role", paramLabel = "ROLE", split = ",", required = true,
                description = "release_owner, product, security, infrastructure, sre, schema_steward, observer,"
                        + " admin, or a role of your team's") List<String> roles;
        @Option(names = "--no-passphrase", description = "Let them set it themselves before their first signature.")
        boolean noPassphrase;

        Add(CliContext cx) {
            super(cx);
        }

        @Override
        int run(People people, String actor) {
            char[] passphrase = noPassphrase ? null
                    : cx.newSecret(Secrets.NEW_PASSPHRASE_FILE, "First passphrase for " + name + ": ");
            Person added = people.add(actor, name, displayName, roles.stream().map(Role::of).toList(), passphrase);
            cx.out().printf("%s added: %s%n", added.name(), added.rolesText());
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

    @Command(name = "passphrase", description = {"Set your own signing passphrase (asks for the current one, if any),",
            "or, as an admin, someone else's."})
    static final class Passphrase extends OnPeople {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Default: you.") String name;

        Passphrase(CliContext cx) {
            super(cx);
        }

        @Override
        int run(People people, String actor) {
            String whose = name == null ? actor : name;
            char[] current = whose.equals(actor) && people.canSign(whose)
                    ? cx.secret(Secrets.PASSPHRASE_FILE, "Current passphrase of " + whose + ": ") : null;
            char[] replacement = cx.newSecret(Secrets.NEW_PASSPHRASE_FILE, "New passphrase for " + whose + ": ");
            people.setPassphrase(actor, whose, current, replacement);
            cx.out().println("passphrase set for " + whose);
            return ExitCode.OK;
        }
    }

    private PeopleCommand() {
    }
}
