package dev.rampart.app;

import dev.rampart.cli.CliContext;
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
        CliContext cx = context(DataFolder.jdbcUrl(folder));
        try (Store store = cx.openStore()) {
            assertThat(DemoWorkspace.ensure(store.isLocal(), cx.catalog(store, Globals.osUser()),
                    cx.access(store).people())).isPresent();
            assertThat(cx.access(store).people().list()).extracting(p -> p.name()).contains("priya", "olga");
        }
    }

    @Test
    void anEmptyTeamStoreIsNeverSeededWithDemoPeopleOrPlans() {
        try (TestPostgres pg = TestPostgres.schema("rampart_demo")) {
            Store.migrate(pg.url(), null, List.of());
            CliContext cx = context(pg.url());
            try (Store store = cx.openStore()) {
                People people = cx.access(store).people();
                assertThat(DemoWorkspace.ensure(store.isLocal(), cx.catalog(store, Globals.osUser()), people))
                        .isEmpty();
                assertThat(people.list()).extracting(p -> p.name()).containsExactly(Globals.osUser());
                assertThat(people.canSign(Globals.osUser())).as("no demo passphrase").isFalse();
                assertThat(cx.catalog(store).plans()).isEmpty();
            }
        }
    }

    private static CliContext context(String url) {
        Globals globals = new Globals();
        globals.db(url);
        return new CliContext(globals, c -> {
            throw new AssertionError("no window");
        }, new BuiltInDeployments(Clock.systemUTC(), DemoWorkspaceTest.class.getClassLoader(), null),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
