package dev.rampart.adapters.webhook;

import dev.rampart.adapters.Redaction;
import dev.rampart.adapters.Settings;
import dev.rampart.spi.AdapterException;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@link SignedPoster} from settings shared by the webhook adapter and the webhook notifiers:
 * {@code hmac_key} (a secret reference), {@code headers} (values may be secret references; a header whose name
 * looks secret, such as {@code Authorization}, must be one), {@code timeout}, {@code connect_timeout},
 * {@code retries: {attempts, backoff, max_backoff}}.
 */
public final class Posters {
    private Posters() {
    }

    public static SignedPoster read(Settings s) throws AdapterException {
        Map<String, Object> headers = new LinkedHashMap<>();
        Settings h = s.section("headers");
        for (String name : h.keys()) {
            Object v = h.raw(name);
            boolean reference = v instanceof Map || v instanceof String t && (t.startsWith("env:") || t.startsWith("file:"));
            if (reference || Redaction.secretKey(name)) {
                headers.put(name, h.secretValue(v, name));
            } else {
                headers.put(name, String.valueOf(v));
            }
        }
        Duration connect = s.duration("connect_timeout", Duration.ofSeconds(5));
        HttpClient client = HttpClient.newBuilder().connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new SignedPoster(client, s.duration("timeout", Duration.ofSeconds(10)), RetryPolicy.read(s),
                s.optionalSecret("hmac_key").orElse(null), headers);
    }
}
