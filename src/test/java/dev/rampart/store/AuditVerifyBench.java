package dev.rampart.store;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifying a million audit events in an H2 file: prints the median of five runs. Run with
 * {@code mvn -o -Pbench test -Dtest=AuditVerifyBench}. The target is under two seconds.
 */
@Tag("bench")
class AuditVerifyBench {
    private static final int EVENTS = 1_000_000;

    @TempDir
    Path folder;

    @Test
    void aMillionEvents() throws Exception {
        String url = DataFolder.jdbcUrl(folder);
        try (Store store = Store.open(url)) {
            store.audit().count();
        }
        long filled = System.nanoTime();
        fill(url);
        System.out.printf("audit verify bench: wrote %,d events in %.1f s%n", EVENTS,
                (System.nanoTime() - filled) / 1e9);
        try (Store store = Store.open(url)) {
            List<Double> seconds = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            for (int run = 0; run < 6; run++) {
                long c = os.getProcessCpuTime();
                long t = System.nanoTime();
                AuditVerification v = store.audit().verify();
                double s = (System.nanoTime() - t) / 1e9;
                if (run > 0) {
                    cpu.add((os.getProcessCpuTime() - c) / 1e9);
                }
                assertThat(v).isEqualTo(AuditVerification.intact(EVENTS));
                if (run > 0) { // the first run warms the JIT and H2's cache
                    seconds.add(s);
                }
            }
            Collections.sort(seconds);
            Collections.sort(cpu);
            List<Double> trust = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                long t = System.nanoTime();
                assertThat(store.audit().findings()).isEmpty();
                trust.add((System.nanoTime() - t) / 1e9);
            }
            Collections.sort(trust);
            System.out.printf("audit verify bench: tables checked against the chain of %,d events in %.3f s"
                    + " (median of 5; runs %s)%n", EVENTS, trust.get(2), trust);
            System.out.printf("audit verify bench: %,d events verified in %.3f s (median of %d; runs %s);"
                            + " CPU time %.3f s (median; wall time is higher when other processes share the cores)%n",
                    EVENTS, seconds.get(seconds.size() / 2), seconds.size(), seconds, cpu.get(cpu.size() / 2));
        }
    }

    /** A realistic chain written directly, as appends would have written it, in big batches. */
    private static void fill(String url) throws Exception {
        Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
        String previous = AuditChain.GENESIS;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_events (" + StoredEvent.COLUMNS
                    + ") VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
                for (long seq = 1; seq <= EVENTS; seq++) {
                    Instant at = t0.plusMillis(seq * 1000);
                    Map<String, String> data = Map.of("rule", "error_rate > 1% for 5m", "cohort", "canary",
                            "value", Double.toString(seq % 97 / 1000.0), "threshold", "0.01");
                    String hash = AuditChain.hash(seq, null, at, "rollout.checked", "rampart-agent", "canary", data,
                            previous);
                    insert.setLong(1, seq);
                    insert.setObject(2, at.atOffset(ZoneOffset.UTC));
                    insert.setString(3, "rollout.checked");
                    insert.setString(4, "rampart-agent");
                    insert.setString(5, "canary");
                    insert.setString(6, EventData.write(data));
                    insert.setString(7, previous);
                    insert.setString(8, hash);
                    insert.addBatch();
                    previous = hash;
                    if (seq % 10_000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            try (PreparedStatement head = c.prepareStatement(
                    "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                head.setLong(1, EVENTS);
                head.setString(2, previous);
                head.executeUpdate();
            }
            c.commit();
        }
    }
}
