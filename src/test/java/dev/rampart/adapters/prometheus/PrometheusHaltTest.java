package dev.rampart.adapters.prometheus;

import dev.rampart.adapters.IntegrationBinary;
import dev.rampart.domain.plan.AdapterSettings;
import dev.rampart.domain.plan.MetricSettings;
import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.ApprovalBook;
import dev.rampart.engine.EngineParts;
import dev.rampart.engine.EngineSettings;
import dev.rampart.engine.PlanRules;
import dev.rampart.engine.RolloutEngine;
import dev.rampart.engine.memory.MemoryIntents;
import dev.rampart.engine.memory.MemoryRollouts;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.TrafficSplit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Prometheus on loopback scrapes a test exporter every second; the rollout engine, reading it through
 * {@link PrometheusMetricSource} on the wall clock, halts the rollout once the canary's error rate crosses the
 * rule, and says which cohort tripped it.
 */
class PrometheusHaltTest {
    @TempDir
    Path dir;
    private Process prometheus;
    private TestExporter exporter;

    @AfterEach
    void stop() throws InterruptedException {
        IntegrationBinary.stop(prometheus);
        if (exporter != null) {
            exporter.close();
        }
    }

    @Test
    void theEngineHaltsWhenTheCanaryErrorRateCrossesTheRule() throws Exception {
        Path binary = IntegrationBinary.require("prometheus", "prometheus");
        exporter = new TestExporter(Map.of("canary", 0.005, "stable", 0.005));
        int port = IntegrationBinary.freePort();
        startPrometheus(binary, port);
        MetricSource source = new PrometheusProvider().create(new AdapterContext("checkout", "2.1.0", "2.0.4",
                Map.of("url", "http://127.0.0.1:" + port, "rate_window", "5s", "step", "1s", "timeout", "PT3S",
                        "requests_metric", "requests_total", "errors_metric", "errors_total",
                        "latency_histogram", "request_duration_seconds"), Clock.systemUTC()));
        awaitData(source);

        Plan plan = plan();
        MemoryRollouts rollouts = new MemoryRollouts();
        EngineParts parts = new EngineParts(new Router(), source, n -> { }, rollouts, new MemoryIntents(),
                ApprovalBook.assumedWhenDue(), Clock.systemUTC(), EngineSettings.defaults());
        RolloutEngine engine = RolloutEngine.start(PlanRules.parse(plan), 1, parts, "olga");

        Instant calmUntil = Instant.now().plusSeconds(3);
        while (Instant.now().isBefore(calmUntil)) {
            assertThat(engine.tick().state()).as("healthy canary keeps running").isEqualTo(RolloutState.RUNNING);
            Thread.sleep(250);
        }
        assertThat(engine.rollout().stageIndex()).isZero();

        Instant fault = Instant.now();
        exporter.setErrorRate("canary", 0.20);
        Rollout r = engine.rollout();
        while (r.state() == RolloutState.RUNNING && Duration.between(fault, Instant.now()).toSeconds() < 30) {
            Thread.sleep(250);
            r = engine.tick();
        }
        AuditEvent halted = rollouts.events(r.id()).stream().filter(e -> e.type().equals("rollout.halted"))
                .findFirst().orElseThrow(() -> new AssertionError("no halt within 30 s"));
        Duration haltTime = Duration.between(fault, halted.at());
        System.out.printf("prometheus halt: canary error rate 0.5%% -> 20%%, halted after %.1f s (%s, value %s)%n",
                haltTime.toMillis() / 1000.0, halted.data().get("rule"), halted.data().get("value"));
        assertThat(halted.data()).containsEntry("cohort", "canary");
        assertThat(halted.data().get("rule")).contains("error_rate > 5%");
        assertThat(r.state()).isIn(RolloutState.ROLLING_BACK, RolloutState.ROLLED_BACK);
        assertThat(haltTime).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void anUnreachablePrometheusIsAMonitoringGapTheEngineNotesWithoutRepeatingAndHaltsNothing() throws Exception {
        int closed = IntegrationBinary.freePort();
        MetricSource source = new PrometheusProvider().create(new AdapterContext("checkout", "2.1.0", "2.0.4",
                Map.of("url", "http://127.0.0.1:" + closed, "timeout", "PT1S"), Clock.systemUTC()));
        MemoryRollouts rollouts = new MemoryRollouts();
        EngineParts parts = new EngineParts(new Router(), source, n -> { }, rollouts, new MemoryIntents(),
                ApprovalBook.assumedWhenDue(), Clock.systemUTC(), EngineSettings.defaults());
        RolloutEngine engine = RolloutEngine.start(PlanRules.parse(plan()), 1, parts, "olga");
        for (int i = 0; i < 5; i++) {
            assertThat(engine.tick().state()).isEqualTo(RolloutState.RUNNING);
        }
        List<AuditEvent> gaps = rollouts.events(engine.rollout().id()).stream()
                .filter(e -> e.type().equals("metrics.failed")).toList();
        // the engine notes a failure once, not on every one of the 5 ticks; and with monitoring dark it exposes
        // nobody: the canary is not entered without a reading
        assertThat(gaps).hasSize(1).extracting(AuditEvent::stage).containsExactly((String) null);
        assertThat(engine.rollout().stageIndex()).isEqualTo(-1);
        assertThat(rollouts.events(engine.rollout().id())).filteredOn(e -> e.type().equals("incident.monitoring_gap"))
                .hasSize(1);
        assertThat(gaps.stream().map(e -> e.data().get("error")).distinct().toList()).singleElement().asString()
                .startsWith("monitoring gap: Prometheus at 127.0.0.1:" + closed);
    }

    private static Plan plan() {
        return new Plan(Plan.SCHEMA, "REL-PROM-1", "checkout", "2.1.0", "2.0.4", "olga", null,
                List.of(Stage.of("canary", 10, Duration.ofHours(1)), Stage.of("ga", 100, null)),
                List.of("error_rate > 5%"), null, null, null, null, null, AdapterSettings.simulator(),
                new MetricSettings("prometheus", null, null), null, null);
    }

    private void startPrometheus(Path binary, int port) throws Exception {
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: checkout
                    scrape_interval: 1s
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(exporter.port()));
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=1h", "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 300; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            assertThat(prometheus.isAlive()).as("prometheus runs; log: %s", log()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("prometheus not ready: " + log());
    }

    /** Waits until the canary's error rate can be computed (two scrapes inside the rate window). */
    private static void awaitData(MetricSource source) throws Exception {
        for (int i = 0; i < 100; i++) {
            Instant now = Instant.now();
            if (!source.read(Set.of("canary"), Set.of("error_rate"), now.minusSeconds(2), now)
                    .samples("canary", "error_rate").isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no canary error rate in Prometheus after 20 s");
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }

    /** A deployment that does what it is told at once. */
    private static final class Router implements DeploymentAdapter {
        private volatile TrafficSplit now = TrafficSplit.none();

        public TrafficSplit applyTraffic(TrafficSplit d, String k) {
            return now = d;
        }

        public TrafficSplit promote(String k) {
            return now = TrafficSplit.everyone();
        }

        public TrafficSplit rollback(String k) {
            return now = TrafficSplit.none();
        }

        public Health health() {
            return Health.healthy("router");
        }

        public TrafficSplit currentWeights() {
            return now;
        }
    }
}
