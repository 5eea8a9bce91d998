package dev.rampart.adapters.prometheus;

import com.sun.net.httpserver.HttpServer;
import dev.rampart.adapters.IntegrationBinary;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.MetricWindow;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusMetricSourceTest {
    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void theStepKeepsEveryQueryWithin11000Points() {
        QueryStep minute = QueryStep.between(T.minusSeconds(60), T, Duration.ofSeconds(15));
        assertThat(minute.step()).isEqualTo(Duration.ofSeconds(15));
        assertThat(minute.start()).isAfter(T.minusSeconds(60));
        assertThat(minute.points()).isEqualTo(4);
        QueryStep week = QueryStep.between(T.minus(Duration.ofDays(7)), T, Duration.ofSeconds(15));
        assertThat(week.points()).isLessThanOrEqualTo(11_000);
        assertThat(week.step()).isGreaterThan(Duration.ofSeconds(15));
        QueryStep year = QueryStep.between(T.minus(Duration.ofDays(366)), T, Duration.ofSeconds(1));
        assertThat(year.points()).isLessThanOrEqualTo(11_000).isGreaterThan(10_000);
        QueryStep tick = QueryStep.between(T.minusMillis(500), T, Duration.ofSeconds(1));
        assertThat(tick.points()).isEqualTo(1);
        assertThat(tick.start()).isEqualTo(T);
    }

    @Test
    void defaultQueriesCoverTheErrorRateAndLatencyPercentiles() {
        Queries q = Queries.defaults("cohort", "http_requests_total", "http_errors_total",
                "http_request_duration_seconds", Map.of());
        Map<String, String> v = Map.of("cohort", "beta", "window", "5m");
        assertThat(q.query("error_rate", v)).isEqualTo("sum(rate(http_errors_total{cohort=\"beta\"}[5m])) / "
                + "sum(rate(http_requests_total{cohort=\"beta\"}[5m]))");
        assertThat(q.query("latency_p99", v)).isEqualTo("1000 * histogram_quantile(0.99, sum by (le) "
                + "(rate(http_request_duration_seconds_bucket{cohort=\"beta\"}[5m])))");
        assertThat(q.knows("latency_p50")).isTrue();
        assertThat(q.knows("lcp_p75")).isFalse();
    }

    @Test
    void readsOneSeriesPerCohortAndMetricAndSkipsNaN() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/api/v1/query_range", ex -> {
            String query = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            asked.add(query);
            String value = query.contains("stable") ? "NaN" : "0.02";
            byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
                    + "\"values\":[[" + T.getEpochSecond() + ",\"" + value + "\"]]}]}}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        fake.start();
        try {
            PrometheusMetricSource source = PrometheusProvider.create(context("http://127.0.0.1:"
                    + fake.getAddress().getPort(), Map.of("lcp_p75", "max(lcp{cohort=\"{cohort}\"})")), k -> null);
            MetricWindow w = source.read(Set.of("canary"), Set.of("error_rate", "lcp_p75", "unknown_metric"),
                    T.minusSeconds(60), T);
            assertThat(w.samples("canary", "error_rate")).singleElement().satisfies(s -> {
                assertThat(s.value()).isEqualTo(0.02);
                assertThat(s.at()).isEqualTo(T);
            });
            assertThat(w.samples("canary", "lcp_p75")).hasSize(1);
            assertThat(w.baseline()).isEmpty();
            assertThat(asked).hasSize(4).anySatisfy(q -> assertThat(q).contains("max(lcp{cohort=\"canary\"})"));
            assertThat(source.state().reachable()).isTrue();
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void anUnreachablePrometheusIsAMonitoringGapWithOneStableMessage() throws Exception {
        int port = IntegrationBinary.freePort();
        PrometheusMetricSource source = PrometheusProvider.create(context("http://127.0.0.1:" + port, Map.of()),
                k -> null);
        AdapterException first = catchGap(source);
        AdapterException second = catchGap(source);
        assertThat(first.getMessage()).startsWith("monitoring gap: Prometheus at 127.0.0.1:" + port
                + " cannot be reached since ").contains("ConnectException");
        assertThat(second.getMessage()).as("the engine records a gap once, not every tick").isEqualTo(first.getMessage());
        assertThat(source.state().reachable()).isFalse();
        assertThat(source.state().since()).isNotNull();
        assertThatThrownBy(source::checkConnection).hasMessageStartingWith("monitoring gap");
    }

    private static AdapterException catchGap(PrometheusMetricSource source) {
        try {
            source.read(Set.of("canary"), Set.of("error_rate"), T.minusSeconds(60), T);
        } catch (AdapterException e) {
            return e;
        }
        throw new AssertionError("no gap reported");
    }

    private static AdapterContext context(String url, Map<String, String> queries) {
        return new AdapterContext("checkout", "2.1.0", "2.0.4", Map.of("url", url, "timeout", "PT2S",
                "queries", queries), Clock.systemUTC());
    }
}
