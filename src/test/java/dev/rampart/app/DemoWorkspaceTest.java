package dev.rampart.app;

import dev.rampart.cli.CliContext;
import dev.rampart.cli.CliRun;
import dev.rampart.cli.Installation;
import dev.rampart.cli.Globals;
import dev.rampart.engine.access.People;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import dev.rampart.store.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo workspace belongs to a fresh local store; a team's store never gets demo people or passphrases. */
class DemoWorkspaceTest {
    @TempDir
    Path folder;

    @Test
    void aFreshLocalStoreGetsTheDemo() {
        CliContext cx = context(DataFolder.jdbcUrl(folder), folder.resolve("home"));
        try (Store store = cx.openStore()) {
            String me = cx.globals().user();
            assertThat(DemoWorkspace.ensure(cx.catalog(store, me), cx.access(store).people(), me,
                    cx.demoKeyFolder(store))).isPresent();
            assertThat(cx.access(store).people().list()).extracting(p -> p.name()).contains("priya", "olga");
            assertThat(store.people().ledger().keys()).filteredOn(k -> k.demo()).extracting(k -> k.person())
                    .containsExactlyInAnyOrder("priya", "sam", "erin", "olga");
            assertThat(folder.resolve("demo-keys").resolve("priya.key")).exists();
        }
    }

    @Test
    void anEmptyTeamStoreIsNeverSeededWithDemoPeopleOrPlans() {
        try (TestPostgres pg = TestPostgres.schema("rampart_demo")) {
            Store.migrate(pg.url(), null, List.of());
            CliContext cx = context(pg.url(), folder.resolve("home"));
            try (Store store = cx.openStore()) {
                People people = cx.access(store).people();
                String me = cx.globals().user();
                assertThat(me).as("a team store's person is the database login").isEqualTo(store.audit().login());
                assertThat(DemoWorkspace.ensure(cx.catalog(store, me), people, me, cx.demoKeyFolder(store)))
                        .isEmpty();
                assertThat(people.list()).extracting(p -> p.name()).containsExactly(me);
                assertThat(store.people().ledger().keys()).as("no demo keys").noneMatch(k -> k.demo());
                assertThat(cx.catalog(store).plans()).isEmpty();
            }
        }
    }

    /** The composition root's context, on a test's installation: its own data folder, a first passphrase. */
    private static CliContext context(String url, Path home) {
        Globals globals = new Globals();
        globals.db(url);
        Installation installation = CliRun.as(Globals.osUser()).in(home).installation();
        return new CliContext(globals, c -> {
            throw new AssertionError("no window");
        }, new BuiltInDeployments(Clock.systemUTC(), DemoWorkspaceTest.class.getClassLoader(), null),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), installation);
    }
}
