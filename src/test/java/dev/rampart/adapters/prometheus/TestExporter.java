package dev.rampart.adapters.prometheus;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A service's /metrics on 127.0.0.1 in Prometheus's text format, with counters the test drives: each cohort gets
 * 50 requests every 50 ms, of which the cohort's current error rate fail, all answered in about 120 ms
 * ({@code requests_total}, {@code errors_total}, {@code request_duration_seconds} histogram).
 */
final class TestExporter implements AutoCloseable {
    private static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1};
    private final HttpServer server;
    private final ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, double[]> counters = new ConcurrentHashMap<>(); // requests, errors (fractional carry)
    private final Map<String, Double> errorRates = new ConcurrentHashMap<>();

    TestExporter(Map<String, Double> initialErrorRates) throws IOException {
        errorRates.putAll(initialErrorRates);
        initialErrorRates.keySet().forEach(c -> counters.put(c, new double[2]));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", ex -> {
            byte[] body = exposition().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        traffic.scheduleAtFixedRate(this::serve, 0, 50, TimeUnit.MILLISECONDS);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void setErrorRate(String cohort, double rate) {
        errorRates.put(cohort, rate);
    }

    private void serve() {
        counters.forEach((cohort, c) -> {
            synchronized (c) {
                c[0] += 50;
                c[1] += 50 * errorRates.get(cohort);
            }
        });
    }

    private String exposition() {
        StringBuilder out = new StringBuilder();
        out.append("# TYPE requests_total counter\n# TYPE errors_total counter\n");
        out.append("# TYPE request_duration_seconds histogram\n");
        counters.forEach((cohort, c) -> {
            long requests;
            long errors;
            synchronized (c) {
                requests = (long) c[0];
                errors = (long) Math.floor(c[1]);
            }
            String l = "cohort=\"" + cohort + "\"";
            out.append("requests_total{").append(l).append("} ").append(requests).append('\n');
            out.append("errors_total{").append(l).append("} ").append(errors).append('\n');
            for (double le : BUCKETS) {
                out.append("request_duration_seconds_bucket{").append(l).append(",le=\"")
                        .append(String.format(Locale.ROOT, "%s", le)).append("\"} ").append(le >= 0.25 ? requests : 0)
                        .append('\n');
            }
            out.append("request_duration_seconds_bucket{").append(l).append(",le=\"+Inf\"} ").append(requests).append('\n');
            out.append("request_duration_seconds_sum{").append(l).append("} ").append(requests * 0.12).append('\n');
            out.append("request_duration_seconds_count{").append(l).append("} ").append(requests).append('\n');
        });
        return out.toString();
    }

    @Override
    public void close() {
        traffic.shutdownNow();
        server.stop(0);
    }
}
