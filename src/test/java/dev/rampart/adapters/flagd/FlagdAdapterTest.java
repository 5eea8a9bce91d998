package dev.rampart.adapters.flagd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.TrafficSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FlagdAdapterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private DeploymentAdapter adapter(Path file) throws Exception {
        return new FlagdAdapterProvider().create(new AdapterContext("checkout", "2.1.0", "2.0.4",
                Map.of("file", file.toString(), "cohorts", List.of("internal_test", "friendly_gp", "beta")),
                Clock.systemUTC(), "REL-2026-12-01-01", null));
    }

    @Test
    void writesFractionalTargetingPerCohortAndTheKillSwitch() throws Exception {
        Path file = dir.resolve("flags/checkout.flagd.json");
        DeploymentAdapter a = adapter(file);
        Map<String, Double> split = new LinkedHashMap<>();
        split.put("internal_test", 0.5);
        split.put("friendly_gp", 5.0);
        TrafficSplit confirmed = a.applyTraffic(new TrafficSplit(split), "rollout-1-2-apply-friendly_gp");

        JsonNode doc = JSON.readTree(file.toFile());
        assertThat(doc.get("$schema").asText()).isEqualTo("https://flagd.dev/schema/v0/flags.json");
        assertThat(doc.at("/metadata/change_id").asText()).isEqualTo("REL-2026-12-01-01");
        JsonNode flags = doc.get("flags");
        JsonNode kill = flags.get("system.canary.enabled");
        assertThat(kill.get("state").asText()).isEqualTo("ENABLED");
        assertThat(kill.get("variants").get("on").asBoolean()).isTrue();
        assertThat(kill.get("defaultVariant").asText()).isEqualTo("on");
        JsonNode gp = flags.get("canary.cohort.friendly_gp.enabled").get("targeting").get("fractional");
        assertThat(gp.get(0).get("var").asText()).isEqualTo("targetingKey");
        assertThat(gp.get(1).get(0).asText()).isEqualTo("on");
        assertThat(gp.get(1).get(1).isInt()).as("flagd weights are integers").isTrue();
        assertThat(gp.get(1).get(1).asInt()).isEqualTo(500);
        assertThat(gp.get(1).get(1).asInt() + gp.get(2).get(1).asInt()).isEqualTo(10_000);
        assertThat(flags.at("/canary.cohort.internal_test.enabled/targeting/fractional/1/1").asInt()).isEqualTo(50);
        assertThat(flags.at("/canary.cohort.beta.enabled/targeting/fractional/1/1").asInt()).isZero();
        assertThat(flags.at("/checkout.version/variants/new").asText()).isEqualTo("2.1.0");
        assertThat(flags.at("/checkout.version/targeting/fractional/1/1").asInt()).isEqualTo(500);
        assertThat(confirmed).isEqualTo(new TrafficSplit(split));
        assertThat(a.currentWeights()).isEqualTo(new TrafficSplit(split));
    }

    @Test
    void rollbackTurnsTheKillSwitchOffAndEveryCohortToZero() throws Exception {
        Path file = dir.resolve("checkout.flagd.json");
        DeploymentAdapter a = adapter(file);
        a.applyTraffic(new TrafficSplit(Map.of("beta", 25.0)), "k1");
        assertThat(a.rollback("k2")).isEqualTo(TrafficSplit.none());
        JsonNode flags = JSON.readTree(file.toFile()).get("flags");
        assertThat(flags.at("/system.canary.enabled/defaultVariant").asText()).isEqualTo("off");
        assertThat(flags.at("/canary.cohort.beta.enabled/targeting/fractional/1/1").asInt()).isZero();
        assertThat(a.currentWeights().newVersionPercent()).isZero();
        assertThat(a.promote("k3").newVersionPercent()).isEqualTo(100);
        assertThat(a.currentWeights().newVersionPercent()).isEqualTo(100);
    }

    @Test
    void readersNeverSeeAHalfWrittenFileAndNoTemporaryFilesStay() throws Exception {
        Path file = dir.resolve("checkout.flagd.json");
        DeploymentAdapter a = adapter(file);
        a.applyTraffic(new TrafficSplit(Map.of("beta", 1.0)), "k0");
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    JSON.readTree(Files.readString(file)).get("flags").size();
                    reads.incrementAndGet();
                } catch (Exception e) {
                    throw new AssertionError("read a broken file", e);
                }
            }
        });
        Throwable[] seen = new Throwable[1];
        reader.setUncaughtExceptionHandler((t, e) -> seen[0] = e);
        reader.start();
        for (int i = 0; i < 200; i++) {
            a.applyTraffic(new TrafficSplit(Map.of("beta", (double) (i % 100))), "k" + i);
        }
        done.set(true);
        reader.join();
        assertThat(seen[0]).isNull();
        assertThat(reads.get()).isPositive();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("checkout.flagd.json");
        }
    }
}
