package dev.rampart.cli;

import dev.rampart.store.SchemaState;
import dev.rampart.store.Store;
import dev.rampart.store.StoreMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The store's schema. A team store (PostgreSQL) changes schema only here, run with a login that may create tables
 * (the migrator); consoles, agents and other commands never migrate it. A local H2 file also migrates itself.
 */
@Command(name = "db", description = "The store's schema: migrate it (the migrator login), or show its version.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Status.class})
final class DbCommand {

    @Command(name = "migrate", description = {"Bring the store's schema to this release's, as the --db login (it must",
            "be allowed to create tables), and grant app roles what Rampart needs and no more."})
    static final class Migrate implements Callable<Integer> {
        private final CliContext cx;
        @Option(names = "--grant-to", paramLabel = "ROLE", split = ",",
                description = "PostgreSQL roles the consoles, agents and CLI log in as (or belong to): read all,"
                        + " write the working tables, only append to the audit trail and signatures.")
        List<String> grantTo = List.of();
        @Option(names = "--json", description = "Print one JSON object.") boolean json;

        Migrate(CliContext cx) {
            this.cx = cx;
        }

        @Override
        public Integer call() {
            String url = cx.storeUrl();
            if (Store.h2FileOf(url).isPresent() && grantTo.isEmpty()) {
                // A local store migrates itself when opened; beside a console this reaches the holder's.
                try (Store store = cx.openStoreAsIs()) {
                    cx.out().println(store.schema().describe());
                    return store.schema().writable() ? ExitCode.OK : ExitCode.CHECK_FAILED;
                }
            }
            StoreMigration done;
            try {
                done = StoreOpening.migrate(url, grantTo, cx.installation().secrets());
            } catch (IllegalArgumentException e) {
                throw CliException.badInput(e.getMessage());
            }
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("from", done.from());
                out.put("to", done.to());
                out.put("applied", done.applied());
                out.put("granted_to", grantTo);
                out.put("state", done.state().kind().name().toLowerCase(java.util.Locale.ROOT));
                cx.out().println(Json.write(out));
            } else {
                cx.out().printf("schema %s -> %s: %d migration%s applied%s%n",
                        done.from() == null ? "(empty)" : done.from(), done.to(), done.applied(),
                        done.applied() == 1 ? "" : "s", grantTo.isEmpty() ? "" : "; granted to " + String.join(", ", grantTo));
            }
            return done.state().writable() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }

    @Command(name = "status", description = "The store's schema version against this release's, and whether this"
            + " release may write to it (exit 1 when not).")
    static final class Status implements Callable<Integer> {
        private final CliContext cx;
        @Option(names = "--json", description = "Print one JSON object.") boolean json;

        Status(CliContext cx) {
            this.cx = cx;
        }

        @Override
        public Integer call() {
            try (Store store = cx.openStoreAsIs()) {
                SchemaState s = store.schema();
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("state", s.kind().name().toLowerCase(java.util.Locale.ROOT));
                    out.put("store_schema", s.storeVersion());
                    out.put("store_release", s.storeRelease());
                    out.put("schema", s.buildVersion());
                    out.put("release", s.buildRelease());
                    out.put("writable", s.writable());
                    out.put("problem", s.writeProblem());
                    cx.out().println(Json.write(out));
                } else {
                    cx.out().println(s.describe());
                }
                return s.writable() ? ExitCode.OK : ExitCode.CHECK_FAILED;
            }
        }
    }

    private DbCommand() {
    }
}
