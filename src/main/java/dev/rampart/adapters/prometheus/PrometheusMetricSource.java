package dev.rampart.adapters.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.adapters.Secret;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.ConnectionCheck;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.MetricWindow;
import dev.rampart.spi.Sample;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads per-cohort series from Prometheus's HTTP API ({@code /api/v1/query_range}), one PromQL query per metric
 * and cohort, the stable population being the cohort named {@code stable_cohort}. When Prometheus cannot be
 * reached, {@link #read} throws an {@link AdapterException} whose message starts with "monitoring gap" and stays
 * the same for the whole gap (it names when the gap began), and {@link #state()} says so for the console.
 */
public final class PrometheusMetricSource implements MetricSource, ConnectionCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final Queries queries;
    private final Map<String, String> values;
    private final String stableCohort;
    private final String window;
    private final Duration minStep;
    private final Duration timeout;
    private final Secret bearerToken;
    private final Clock clock;
    private final HttpClient http;
    private volatile MonitoringState state = new MonitoringState(true, null, "not asked yet");

    PrometheusMetricSource(URI base, Queries queries, Map<String, String> values, String stableCohort, String window,
                           Duration minStep, Duration timeout, Secret bearerToken, Clock clock) {
        this.base = base;
        this.queries = queries;
        this.values = Map.copyOf(values);
        this.stableCohort = stableCohort;
        this.window = window;
        this.minStep = minStep;
        this.timeout = timeout;
        this.bearerToken = bearerToken;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public MetricWindow read(Set<String> cohorts, Set<String> metrics, Instant from, Instant to) throws AdapterException {
        QueryStep step = QueryStep.between(from, to, minStep);
        Map<String, Map<String, List<Sample>>> byCohort = new HashMap<>();
        for (String cohort : cohorts) {
            byCohort.put(cohort, series(cohort, metrics, step));
        }
        Map<String, List<Sample>> baseline = series(stableCohort, metrics, step);
        return new MetricWindow(from, to, byCohort, baseline);
    }

    /** Whether Prometheus answered the last query, and since when. */
    public MonitoringState state() {
        return state;
    }

    @Override
    public String checkConnection() throws AdapterException {
        JsonNode info = get("/api/v1/status/buildinfo");
        return "Prometheus " + info.at("/data/version").asText("?") + " at " + base.getAuthority();
    }

    private Map<String, List<Sample>> series(String cohort, Set<String> metrics, QueryStep step) throws AdapterException {
        Map<String, List<Sample>> out = new HashMap<>();
        Map<String, String> v = new HashMap<>(values);
        v.put("cohort", cohort);
        v.put("window", window);
        for (String metric : metrics) {
            if (!queries.knows(metric)) {
                continue;
            }
            String q = queries.query(metric, v);
            List<Sample> samples = samples(metric, get("/api/v1/query_range?query=" + enc(q) + "&start="
                    + QueryStep.seconds(step.start()) + "&end=" + QueryStep.seconds(step.end()) + "&step="
                    + step.stepSeconds() + "&timeout=" + timeout.toSeconds() + "s"));
            if (!samples.isEmpty()) {
                out.put(metric, samples);
            }
        }
        return out;
    }

    private static List<Sample> samples(String metric, JsonNode answer) throws AdapterException {
        JsonNode result = answer.at("/data/result");
        if (result.size() > 1) {
            throw new AdapterException("the query for " + metric + " returned " + result.size()
                    + " series; aggregate it to one, for example with sum(…)", null, false);
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode point : result.path(0).path("values")) {
            double value = parse(point.get(1).asText());
            // NaN: no traffic in the window, not a measurement. +Inf is one: histogram_quantile above the top bucket
            if (!Double.isNaN(value)) {
                samples.add(new Sample(Instant.ofEpochMilli(Math.round(point.get(0).asDouble() * 1000)), value));
            }
        }
        return samples;
    }

    private JsonNode get(String pathAndQuery) throws AdapterException {
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).GET();
        if (bearerToken != null) {
            req.header("Authorization", "Bearer " + bearerToken.reveal());
        }
        HttpResponse<String> r;
        try {
            r = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw gap(e instanceof java.net.http.HttpTimeoutException ? "no answer within " + timeout
                    : e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException("interrupted while asking Prometheus", e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            throw gap("HTTP " + r.statusCode() + " with a body that is not Prometheus's JSON");
        }
        if (r.statusCode() >= 500 || r.statusCode() == 429) {
            throw gap("HTTP " + r.statusCode() + " " + body.path("error").asText(""));
        }
        answered();
        if (!"success".equals(body.path("status").asText())) {
            throw new AdapterException("Prometheus refused the query (" + body.path("errorType").asText() + "): "
                    + body.path("error").asText(), null, false);
        }
        return body;
    }

    private synchronized AdapterException gap(String why) {
        MonitoringState s = state;
        if (s.reachable() || s.since() == null) {
            state = new MonitoringState(false, clock.instant(), why);
        }
        return new AdapterException("monitoring gap: Prometheus at " + base.getAuthority() + " cannot be reached since "
                + state.since() + " (" + state.detail() + ")");
    }

    private synchronized void answered() {
        if (!state.reachable() || state.since() == null) {
            state = new MonitoringState(true, clock.instant(), "answering at " + base.getAuthority());
        }
    }

    /** Prometheus writes "+Inf", "-Inf" and "NaN" for the values Java calls Infinity and NaN. */
    static double parse(String v) {
        switch (v) {
            case "+Inf", "Inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> { }
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
