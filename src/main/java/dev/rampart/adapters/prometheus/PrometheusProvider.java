package dev.rampart.adapters.prometheus;

import dev.rampart.adapters.Placeholders;
import dev.rampart.adapters.Settings;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.MetricSource;
import dev.rampart.spi.MetricSourceProvider;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <pre>
 * "metrics": {"source": "prometheus", "url": "http://prometheus:9090", "timeout": "PT10S", "step": "PT1M",
 *   "rate_window": "5m", "cohort_label": "cohort", "stable_cohort": "stable",
 *   "requests_metric": "http_requests_total", "errors_metric": "http_errors_total",
 *   "latency_histogram": "http_request_duration_seconds", "bearer_token": {"env": "PROM_TOKEN"},
 *   "queries": {"failed_transactions": "sum(rate(tx_failed_total{cohort=\"{cohort}\"}[{window}])) / …"}}
 * </pre>
 * {@code step} is the smallest step; longer windows get a larger one so no query exceeds 11,000 points.
 */
public final class PrometheusProvider implements MetricSourceProvider {

    @Override
    public String type() {
        return "prometheus";
    }

    @Override
    public MetricSource create(AdapterContext context) throws AdapterException {
        return create(context, System::getenv);
    }

    static PrometheusMetricSource create(AdapterContext context, java.util.function.Function<String, String> env)
            throws AdapterException {
        Settings s = Settings.of(context.settings(), "metrics prometheus", env);
        URI url;
        try {
            url = URI.create(s.text("url", "http://127.0.0.1:9090").replaceAll("/+$", "") + "/");
        } catch (IllegalArgumentException e) {
            throw s.bad("url", "is not a URL");
        }
        Map<String, String> own = new LinkedHashMap<>();
        Settings q = s.section("queries");
        for (String metric : q.keys()) {
            String template = q.text(metric);
            List<String> unknown = Placeholders.unknown(template, Queries.PLACEHOLDERS);
            if (!unknown.isEmpty()) {
                throw q.bad(metric, "uses unknown placeholder " + unknown.get(0));
            }
            own.put(metric, template);
        }
        Queries queries = Queries.defaults(s.text("cohort_label", "cohort"), s.text("requests_metric", "http_requests_total"),
                s.text("errors_metric", "http_errors_total"), s.text("latency_histogram", "http_request_duration_seconds"),
                own);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("service", String.valueOf(context.service()));
        values.put("version", String.valueOf(context.version()));
        values.put("previous_version", String.valueOf(context.previousVersion()));
        Duration window = s.duration("rate_window", Duration.ofMinutes(5));
        return new PrometheusMetricSource(url, queries, values, s.text("stable_cohort", "stable"),
                dev.rampart.adapters.Durations.shortForm(window), s.duration("step", Duration.ofMinutes(1)),
                s.duration("timeout", Duration.ofSeconds(10)), s.optionalSecret("bearer_token").orElse(null),
                context.clock());
    }
}
