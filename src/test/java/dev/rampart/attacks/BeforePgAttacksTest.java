package dev.rampart.attacks;

import dev.rampart.domain.access.Role;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.engine.access.Passphrases;
import dev.rampart.engine.access.Permission;
import dev.rampart.store.Store;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class BeforePgAttacksTest {
    static String server() {
        String url = System.getenv("RAMPART_TEST_PG_URL");
        Assumptions.assumeTrue(url != null);
        return url;
    }

    static void sql(String url, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String each : statements) {
                s.execute(each);
            }
        }
    }

    static AccessServices access(Store s) {
        return AccessServices.on(s.people(), s.signatures(), s.rollouts(), s.plans(), s.audit(), Clock.systemUTC(),
                new Passphrases(1000));
    }

    @Test
    void racingFirstStartsOnPostgresMakeOneAdmin() throws Exception {
        String server = server();
        int worst = 0;
        for (int round = 0; round < 8; round++) {
            String schema = "idb_" + UUID.randomUUID().toString().replace("-", "");
            sql(server, "CREATE SCHEMA " + schema);
            String url = server + "&currentSchema=" + schema;
            try {
                Store.open(url).close();
                List<Store> stores = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    stores.add(Store.open(url));
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Store s = stores.get(i);
                    String name = "user" + i;
                    threads.add(new Thread(() -> {
                        try {
                            go.await();
                            access(s).people().firstStart(name);
                        } catch (Exception ignored) {
                        }
                    }));
                }
                threads.forEach(Thread::start);
                go.countDown();
                for (Thread t : threads) {
                    t.join();
                }
                long admins = access(stores.get(0)).people().list().stream().filter(p -> p.holds(Role.ADMIN)).count();
                worst = Math.max(worst, (int) admins);
                stores.forEach(Store::close);
            } finally {
                sql(server, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
        assertThat(worst).isEqualTo(1);
    }

    @Test
    void insertIntoPersonRolesOnPostgresMakesNobodyAdmin() throws Exception {
        String server = server();
        String schema = "idb_" + UUID.randomUUID().toString().replace("-", "");
        sql(server, "CREATE SCHEMA " + schema);
        String url = server + "&currentSchema=" + schema;
        try {
            try (Store s = Store.open(url)) {
                access(s).people().firstStart("root");
                access(s).people().add("root", "olga", "Olga", List.of(Role.OBSERVER), null);
            }
            sql(url, "INSERT INTO person_roles (person, role) VALUES ('olga', 'admin')");
            try (Store s = Store.open(url)) {
                assertThat(access(s).access().allows("olga", Permission.MANAGE_PEOPLE)).isFalse();
            }
        } finally {
            sql(server, "DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
