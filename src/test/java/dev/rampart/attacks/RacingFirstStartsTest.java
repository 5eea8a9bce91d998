package dev.rampart.attacks;

import dev.rampart.domain.access.Role;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.keys.KeyFolder;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: "racing first starts created two admins in 3 of 8 tries". Four first starts at once, eight times over,
 * on H2 (threads sharing the one process that may hold the file) and on PostgreSQL (a connection and a login each):
 * exactly one becomes admin, with one key; the others change nothing.
 */
class RacingFirstStartsTest {
    @TempDir
    Path dir;

    @Test
    void onH2() throws Exception {
        for (int round = 0; round < 8; round++) {
            try (Store store = Store.open(DataFolder.jdbcUrl(dir.resolve("race" + round)))) {
                List<Store> stores = List.of(store, store, store, store);
                List<String> names = List.of("ann", "ben", "cat", "dan");
                assertOneAdmin(stores, names, null, round);
            }
        }
    }

    @Test
    void onPostgres() throws Exception {
        for (int round = 0; round < 8; round++) {
            try (PgTeam team = new PgTeam("ann", "ben", "cat", "dan")) {
                List<String> logins = List.of("ann", "ben", "cat", "dan").stream().map(team::login).toList();
                List<Store> stores = new ArrayList<>();
                for (String login : logins) {
                    stores.add(Store.open(team.url(login)));
                }
                try {
                    assertOneAdmin(stores, logins, logins, round);
                } finally {
                    stores.forEach(Store::close);
                }
            }
        }
    }

    private void assertOneAdmin(List<Store> stores, List<String> names, List<String> logins, int round)
            throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            Store s = stores.get(i);
            String name = names.get(i);
            String login = logins == null ? null : logins.get(i);
            KeyFolder keys = new KeyFolder(dir.resolve("keys-" + round + "-" + name), 1);
            threads.add(new Thread(() -> {
                try {
                    AccessServices access = AccessServices.on(s.people(), s.signatures(), s.rollouts(), s.plans(),
                            s.audit(), Clock.systemUTC(), keys);
                    go.await();
                    if (access.people().found(name, login, (name + "-first-passphrase").toCharArray())) {
                        won.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(won.get()).as("round " + round).isEqualTo(1);
        Store any = stores.get(0);
        assertThat(any.people().list()).singleElement().satisfies(p -> assertThat(p.roles())
                .containsExactly(Role.ADMIN, Role.RELEASE_OWNER));
        assertThat(any.people().ledger().keys()).hasSize(1);
        assertThat(any.audit().verify().isIntact()).isTrue();
        assertThat(any.audit().findings()).isEmpty();
    }
}
