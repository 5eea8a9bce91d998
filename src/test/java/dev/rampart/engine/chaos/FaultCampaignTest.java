package dev.rampart.engine.chaos;

import dev.rampart.adapters.simulator.ScenarioEvent;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.EngineSettings;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.MetricSource;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault campaign (issue 10, item 11): each fault a real rollout meets, run again and again against a real
 * rollout (the real engine, a real H2 file or PostgreSQL store, a deployment system that logs every effect, child
 * JVMs killed with -9), with a bad release starting at a random minute in most runs. It prints, per fault: runs,
 * outcomes, lost events (acknowledged events missing from the store, or a broken audit chain), duplicate adapter
 * steps (a stage entered twice, a rollback step performed twice) and releases that reached 100 % while faulty (after
 * the bad release began, or while the fault kept Rampart from seeing). The last three must be 0.
 *
 * <p>{@code mvn verify} runs a few runs of each; {@code mvn -Pchaos verify} ({@code -Drampart.chaos=long}) runs the
 * long version: tens of runs of each fault and hundreds of kills. The table is also written to
 * {@code target/chaos-table.md}.
 */
class FaultCampaignTest {
    private static final boolean LONG = "long".equals(System.getProperty("rampart.chaos"));
    /** The adapter timeout of the adapter rows; {@code -Drampart.chaos.timeoutMillis=20} makes calls outlive it often (as load does). */
    private static final Duration TIMEOUT = Duration.ofMillis(Long.getLong("rampart.chaos.timeoutMillis", 60));

    @TempDir
    Path dir;
    private final long seed = Long.getLong("rampart.chaos.seed", System.nanoTime());
    private Random random = new Random(seed);
    private int trialNo;

    /** One line of the table. */
    static final class Row {
        final String fault;
        int runs;
        final Map<String, Integer> outcomes = new TreeMap<>();
        int lostEvents;
        int duplicateSteps;
        int reached100WhileFaulty;
        String note = "";

        Row(String fault) {
            this.fault = fault;
        }

        void outcome(String o) {
            outcomes.merge(o, 1, Integer::sum);
        }

        String outcomes() {
            List<String> parts = new ArrayList<>();
            outcomes.forEach((k, v) -> parts.add(v + " " + k));
            return String.join(", ", parts);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.HOURS)
    void noFaultCarriesARolloutForward() throws Exception {
        int runs = Integer.getInteger("rampart.chaos.runs", LONG ? 25 : 1);
        List<Row> table = new ArrayList<>();
        if (wanted("metrics outage")) {
            table.add(inProcess("metrics outage", runs, this::metricsOutage));
        }
        if (wanted("+Inf / -Inf readings")) {
            table.add(inProcess("+Inf / -Inf readings", runs, this::infinite));
        }
        if (wanted("NaN readings (no data)")) {
            table.add(inProcess("NaN readings (no data)", runs, this::notANumber));
        }
        if (wanted("adapter throws")) {
            table.add(inProcess("adapter throws", runs, this::adapterThrows));
        }
        if (wanted("adapter hangs")) {
            table.add(inProcess("adapter hangs", runs, this::adapterHangs));
        }
        if (wanted("adapter times out (late effect)")) {
            table.add(inProcess("adapter times out (late effect)", runs, this::adapterLate));
        }
        if (wanted("kill -9 of the engine's JVM")) {
            table.add(killNine(Integer.getInteger("rampart.chaos.runs", LONG ? 300 : 6)));
        }
        if (wanted("store refuses writes (PostgreSQL read-only)") || wanted("store connection dropped (PostgreSQL)")) {
            table.addAll(postgres(Integer.getInteger("rampart.chaos.runs", LONG ? 12 : 1)));
        }

        StringBuilder md = new StringBuilder("| fault | runs | outcome | lost events | duplicate adapter steps | "
                + "reached 100 % while faulty |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Row r : table) {
            md.append("| ").append(r.fault).append(" | ").append(r.runs).append(r.note).append(" | ")
                    .append(r.outcomes()).append(" | ").append(r.lostEvents).append(" | ").append(r.duplicateSteps)
                    .append(" | ").append(r.reached100WhileFaulty).append(" |\n");
        }
        System.out.println("fault campaign (" + (LONG ? "long" : "fast") + ", seed " + seed + ", runs " + runs
                + (wanted("") ? "" : ", only " + System.getProperty("rampart.chaos.only")) + "):\n" + md);
        Files.writeString(Path.of("target", "chaos-table.md"), md.toString());
        for (Row r : table) {
            assertThat(r.lostEvents).as("seed %d: %s: lost events", seed, r.fault).isZero();
            assertThat(r.duplicateSteps).as("seed %d: %s: duplicate adapter steps", seed, r.fault).isZero();
            assertThat(r.reached100WhileFaulty).as("seed %d: %s: reached 100 %% while faulty", seed, r.fault)
                    .isZero();
        }
    }

    /**
     * Whether to run the row {@code fault}: every row, or with {@code -Drampart.chaos.only=NAME} (a comma-separated
     * list of the table's fault names, or the start of one) only those; with {@code -Drampart.chaos.seed} and
     * {@code -Drampart.chaos.runs} one row is run again as it ran in the table (the seed draws the rows in order, so
     * a row alone draws what it drew after the rows before it only when those are run too).
     */
    private static boolean wanted(String fault) {
        String only = System.getProperty("rampart.chaos.only", "").trim();
        if (only.isEmpty()) {
            return true;
        }
        for (String w : only.split(",")) {
            if (!w.isBlank() && fault.startsWith(w.trim())) {
                return true;
            }
        }
        return false;
    }

    // --- in-process faults ---------------------------------------------------------------------------------

    private interface Setup {
        Trial make(Store store, Path trialDir) throws Exception;
    }

    /** Each row draws from its own stream of the seed, so that a row run alone runs the trials it ran in the table. */
    private Row row(String fault) {
        random = new Random(seed ^ fault.hashCode());
        return new Row(fault);
    }

    private Row inProcess(String fault, int runs, Setup setup) throws Exception {
        Row row = row(fault);
        for (int i = 0; i < runs; i++) {
            Path trialDir = Files.createDirectories(dir.resolve("trial-" + (trialNo++)));
            try (Store store = Store.open(DataFolder.jdbcUrl(trialDir.resolve("db")))) {
                Trial t = setup.make(store, trialDir);
                judge(row, t, t.run(Duration.ofHours(6), () -> { }), store);
            }
        }
        return row;
    }

    private void judge(Row row, Trial t, Rollout r, Store store) {
        row.runs++;
        row.outcome(r.state().wireName() + (t.badAt == null ? "" : " (bad release)"));
        List<AuditEvent> before = store.rollouts().events(r.id());
        row.lostEvents += store.audit().verify().isIntact() ? 0 : 1;
        row.lostEvents += Math.max(0, before.size() - store.rollouts().events(r.id()).size());
        row.duplicateSteps += t.effects.duplicates();
        if (t.effects.duplicates() > 0 || !r.state().isFinal() && r.state() != RolloutState.COMPLETED) {
            explain(row, t, r, store);
        }
        java.util.function.Function<String, Instant> decided = decisions(store, r.id());
        if (r.state() == RolloutState.ROLLED_BACK && t.effects.lastPercent() > 0) {
            row.reached100WhileFaulty++; // "rolled back", yet the new version still takes traffic
        }
        if (t.badAt != null) {
            row.reached100WhileFaulty += t.effects.reached100Since(t.badAt, decided);
        }
        if (t.faultFrom != null && hidesTheRelease(row.fault)) {
            Instant to = t.faultTo == null ? Instant.MAX : t.faultTo;
            row.reached100WhileFaulty += t.effects.reached100Within(t.faultFrom, to, decided);
        }
    }

    /** What a trial that went wrong did: its effects, intents and events, to find the cause from the log. */
    private static void explain(Row row, Trial t, Rollout r, Store store) {
        StringBuilder b = new StringBuilder("trial of \"" + row.fault + "\" ended " + r.state().wireName() + " with "
                + t.effects.duplicates() + " duplicate step(s); bad release at " + t.badAt + "\n  effects:\n");
        t.effects.read().forEach(e -> b.append("    ").append(e).append('\n'));
        b.append("  intents:\n");
        store.intents().all(r.id()).forEach(i -> b.append("    ").append(i.key()).append(' ').append(i.status())
                .append(' ').append(i.createdAt()).append('\n'));
        b.append("  events:\n");
        store.rollouts().events(r.id()).forEach(e -> b.append("    ").append(e.seq()).append(' ').append(e.at())
                .append(' ').append(e.type()).append(' ').append(e.data()).append('\n'));
        b.append("  tick failures: ").append(t.tickFailures).append('\n');
        System.out.println(b);
    }

    /** When each change was asked for: its intent's creation, by key. */
    private static java.util.function.Function<String, Instant> decisions(Store store, long rolloutId) {
        Map<String, Instant> at = new java.util.HashMap<>();
        store.intents().all(rolloutId).forEach(i -> at.put(i.key(), i.createdAt()));
        return at::get;
    }

    private static boolean hidesTheRelease(String fault) {
        return fault.startsWith("metrics") || fault.startsWith("NaN") || fault.startsWith("+Inf");
    }

    private Instant badAt() {
        return random.nextInt(4) == 0 ? null : Trial.minute(random, 5, 150);
    }

    private Trial metricsOutage(Store store, Path trialDir) {
        Instant from = Trial.minute(random, 1, 140);
        Instant to = from.plus(Duration.ofMinutes(1 + random.nextInt(60)));
        AtomicBoolean dark = new AtomicBoolean();
        Trial[] t = new Trial[1];
        UnaryOperator<MetricSource> outage = real -> (cohorts, metrics, f, now) -> {
            if (t[0] != null && t[0].faultActive(now)) {
                dark.set(true);
                throw new AdapterException("metric source down (chaos)");
            }
            return real.read(cohorts, metrics, f, now);
        };
        t[0] = new Trial(store, trialDir, badAt(), from, to, List.of(), a -> a, outage, EngineSettings.defaults(),
                random.nextLong());
        return t[0];
    }

    private Trial infinite(Store store, Path trialDir) {
        Instant from = Trial.minute(random, 1, 140);
        double v = random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        List<ScenarioEvent> events = new ArrayList<>();
        for (String c : Trial.STAGES) {
            events.add(new ScenarioEvent(Duration.between(Trial.START, from), c, "latency_p99", v));
        }
        // -Inf latency is no breach of a ">" rule: it hides nothing and harms nothing, so only +Inf is "faulty"
        return new Trial(store, trialDir, badAt(), v > 0 ? from : null, null, events, a -> a, m -> m,
                EngineSettings.defaults(), random.nextLong());
    }

    private Trial notANumber(Store store, Path trialDir) {
        Instant from = Trial.minute(random, 1, 140);
        Instant to = from.plus(Duration.ofMinutes(1 + random.nextInt(40)));
        List<ScenarioEvent> events = new ArrayList<>();
        for (String c : Trial.STAGES) {
            events.add(new ScenarioEvent(Duration.between(Trial.START, from), c, "error_rate", Double.NaN));
            events.add(new ScenarioEvent(Duration.between(Trial.START, to), c, "error_rate", 0.002));
        }
        return new Trial(store, trialDir, null, from, to, events, a -> a, m -> m, EngineSettings.defaults(),
                random.nextLong());
    }

    private Trial adapterThrows(Store store, Path trialDir) {
        Instant from = Trial.minute(random, 1, 130);
        int failures = 1 + random.nextInt(6);
        AtomicBoolean armed = new AtomicBoolean(true);
        Trial[] t = new Trial[1];
        UnaryOperator<DeploymentAdapter> throwing = real -> new Faulty(real, () -> {
            if (armed.get() && t[0] != null && !t[0].clock.instant().isBefore(from)) {
                armed.set(false);
                t[0].fleet.failNextAdapterCalls(failures, "deploy API answers 503 (chaos)");
            }
            return 0;
        });
        t[0] = new Trial(store, trialDir, badAt(), null, null, List.of(), throwing, m -> m,
                EngineSettings.defaults().withAdapterTimeout(TIMEOUT), random.nextLong());
        return t[0];
    }

    private Trial adapterHangs(Store store, Path trialDir) {
        return slowOnce(store, trialDir, true);
    }

    private Trial adapterLate(Store store, Path trialDir) {
        return slowOnce(store, trialDir, false);
    }

    /** From a random minute on, one changing call takes 4 timeouts, then fails (hang) or takes effect (late). */
    private Trial slowOnce(Store store, Path trialDir, boolean fails) {
        Instant from = Trial.minute(random, 1, 150);
        AtomicBoolean armed = new AtomicBoolean(true);
        Trial[] t = new Trial[1];
        UnaryOperator<DeploymentAdapter> slow = real -> new Faulty(real, () -> {
            if (t[0] != null && !t[0].clock.instant().isBefore(from) && armed.compareAndSet(true, false)) {
                Thread.sleep(TIMEOUT.toMillis() * 4);
                return fails ? -1 : 1;
            }
            return 0;
        });
        t[0] = new Trial(store, trialDir, badAt(), null, null, List.of(), slow, m -> m,
                EngineSettings.defaults().withAdapterTimeout(TIMEOUT), random.nextLong());
        return t[0];
    }

    /** A deployment system with a hook before each changing call: -1 makes it fail. */
    private static final class Faulty extends Delegate {
        private final Hook hook;

        Faulty(DeploymentAdapter inner, Hook hook) {
            super(inner);
            this.hook = hook;
        }

        @Override
        protected void before() throws AdapterException {
            int r;
            try {
                r = hook.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r = 0;
            }
            if (r < 0) {
                throw new AdapterException("deploy API hung and gave up (chaos)");
            }
        }
    }

    private interface Hook {
        int run() throws InterruptedException;
    }

    // --- kill -9 of a real child JVM -----------------------------------------------------------------------

    private Row killNine(int kills) throws Exception {
        Row row = row("kill -9 of the engine's JVM");
        int killed = 0;
        int midRollback = 0;
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        while (killed < kills) {
            Path runDir = Files.createDirectories(dir.resolve("kill-" + (trialNo++)));
            String url = DataFolder.jdbcUrl(runDir.resolve("db"));
            int badMinute = LONG && random.nextInt(5) == 0 ? -1 : 5 + random.nextInt(110);
            long ackedSeq = 0;
            String last = null;
            for (int attempt = 0; attempt < 400 && last == null; attempt++) {
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", classPath, ChaosChild.class.getName(), url,
                        runDir.toString(), Integer.toString(badMinute))
                        .redirectError(runDir.resolve("child.err").toFile()).start();
                int ticks = random.nextInt(LONG ? 6 : 20);
                int seen = 0;
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("tick ")) {
                            ackedSeq = Math.max(ackedSeq, Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)));
                            if (++seen >= ticks) {
                                break;
                            }
                        } else if (line.startsWith("done ")) {
                            last = line.substring(5);
                            break;
                        } else if (line.equals("ready") && ticks == 0) {
                            break;
                        }
                    }
                    if (last == null) {
                        Thread.sleep(random.nextInt(400));
                        child.destroyForcibly(); // SIGKILL
                        killed++;
                    }
                    child.waitFor(30, TimeUnit.SECONDS);
                } finally {
                    child.destroyForcibly();
                }
                try (Store store = Store.open(url)) {
                    if (!store.audit().verify().isIntact()) {
                        row.lostEvents++;
                    }
                    List<Rollout> rs = store.rollouts().list();
                    if (!rs.isEmpty()) {
                        long stored = store.rollouts().events(rs.get(0).id()).stream().mapToLong(AuditEvent::seq)
                                .max().orElse(0);
                        row.lostEvents += ackedSeq > stored ? 1 : 0;
                        if (last == null && rs.get(0).state() == RolloutState.ROLLING_BACK) {
                            midRollback++;
                        }
                    }
                }
            }
            EffectLog effects = new EffectLog(runDir.resolve("effects.log"));
            row.runs++;
            row.outcome((last == null ? "unfinished" : last) + (badMinute < 0 ? "" : " (bad release)"));
            row.duplicateSteps += effects.duplicates();
            if (badMinute >= 0) {
                try (Store store = Store.open(url)) {
                    row.reached100WhileFaulty += effects.reached100Since(Trial.START.plus(Duration.ofMinutes(
                            badMinute)), decisions(store, store.rollouts().list().get(0).id()));
                }
            }
        }
        row.note = " rollouts, " + killed + " kills (" + midRollback + " mid-rollback)";
        return row;
    }

    // --- the store refusing writes, its connection dropping (PostgreSQL) ----------------------------------

    private List<Row> postgres(int runs) throws Exception {
        Row refuses = row("store refuses writes (PostgreSQL read-only)");
        Row drops = new Row("store connection dropped (PostgreSQL)");
        String server = System.getenv("RAMPART_TEST_PG_URL");
        if (server == null || server.isBlank()) {
            if ("1".equals(System.getenv("RAMPART_REQUIRE_INTEGRATION"))) {
                throw new AssertionError("RAMPART_REQUIRE_INTEGRATION=1, but RAMPART_TEST_PG_URL is not set");
            }
            refuses.note = " (skipped: no RAMPART_TEST_PG_URL)";
            drops.note = refuses.note;
            return List.of(refuses, drops);
        }
        String db = "rampart_chaos_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin(server, "CREATE DATABASE " + db);
        String dbUrl = server.replaceFirst("/[^/?]*(\\?|$)", "/" + db + "$1");
        try {
            for (int i = 0; i < runs; i++) {
                storeFault(refuses, dbUrl, db, server, true);
                storeFault(drops, dbUrl, db, server, false);
            }
        } finally {
            admin(server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'");
            admin(server, "DROP DATABASE IF EXISTS " + db);
        }
        return List.of(refuses, drops);
    }

    private void storeFault(Row row, String dbUrl, String db, String server, boolean readOnly) throws Exception {
        String schema = "run_" + (trialNo++);
        admin(dbUrl, "CREATE SCHEMA " + schema);
        Path trialDir = Files.createDirectories(dir.resolve("pg-" + schema));
        Instant from = Trial.minute(random, 1, 150);
        Instant to = from.plus(Duration.ofMinutes(1 + random.nextInt(readOnly ? 30 : 2)));
        String schemaUrl = dbUrl + (dbUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Store.migrate(schemaUrl, null, List.of());
        try (Store store = Store.open(schemaUrl)) {
            Trial t = new Trial(store, trialDir, badAt(), null, null, List.of(), a -> a, m -> m,
                    EngineSettings.defaults(), random.nextLong());
            boolean[] state = new boolean[2];
            Rollout r = t.run(Duration.ofHours(6), () -> {
                Instant now = t.clock.instant();
                if (!state[0] && !now.isBefore(from)) {
                    state[0] = true;
                    if (readOnly) {
                        admin(server, "ALTER DATABASE " + db + " SET default_transaction_read_only = on");
                    }
                    terminate(server, db);
                }
                if (state[0] && !state[1] && !now.isBefore(to)) {
                    state[1] = true;
                    if (readOnly) {
                        admin(server, "ALTER DATABASE " + db + " RESET default_transaction_read_only");
                        terminate(server, db);
                    }
                }
            });
            if (state[0] && !state[1] && readOnly) {
                admin(server, "ALTER DATABASE " + db + " RESET default_transaction_read_only");
                terminate(server, db);
            }
            judge(row, t, r, store);
        }
    }

    private static void terminate(String server, String db) {
        admin(server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db
                + "' AND pid <> pg_backend_pid()");
    }

    private static void admin(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
