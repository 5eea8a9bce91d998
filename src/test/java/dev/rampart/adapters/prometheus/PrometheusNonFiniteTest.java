package dev.rampart.adapters.prometheus;

import com.sun.net.httpserver.HttpServer;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.MetricWindow;
import dev.rampart.spi.Sample;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code histogram_quantile} above the top bucket answers "+Inf": a reading (a breach of a ">" rule), not "no data";
 * "NaN" (no traffic) is no reading (issue 10, item 3).
 */
class PrometheusNonFiniteTest {
    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void plusInfinityIsKeptAndNaNIsLeftOut() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/api/v1/query_range", ex -> {
            long t = T.getEpochSecond();
            byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
                    + "\"values\":[[" + (t - 30) + ",\"NaN\"],[" + (t - 15) + ",\"+Inf\"],[" + t + ",\"-Inf\"]]}]}}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        fake.start();
        try {
            PrometheusMetricSource source = PrometheusProvider.create(new AdapterContext("checkout", "2.1.0", "2.0.4",
                    Map.of("url", "http://127.0.0.1:" + fake.getAddress().getPort(), "timeout", "PT2S"),
                    Clock.systemUTC()), k -> null);
            MetricWindow w = source.read(Set.of("canary"), Set.of("latency_p99"), T.minusSeconds(60), T);
            assertThat(w.samples("canary", "latency_p99")).extracting(Sample::value)
                    .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        } finally {
            fake.stop(0);
        }
    }
}
