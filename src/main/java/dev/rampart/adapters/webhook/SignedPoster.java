package dev.rampart.adapters.webhook;

import dev.rampart.adapters.Redaction;
import dev.rampart.adapters.Secret;
import dev.rampart.spi.AdapterException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POSTs JSON to one endpoint: signed when a key is configured, with the idempotency key as a header, retried with
 * backoff on 5xx and on time-outs and connection failures, never on 4xx. Messages name the endpoint by its
 * {@code display} name only, since some URLs (Slack's) are themselves credentials.
 */
public final class SignedPoster {
    private final HttpClient client;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final Secret hmacKey;
    private final Map<String, Object> headers;
    private volatile List<String> secretValues = List.of();

    /** @param headers header name to a plain value (String) or a {@link Secret} */
    public SignedPoster(HttpClient client, Duration timeout, RetryPolicy retry, Secret hmacKey,
                        Map<String, Object> headers) {
        this.client = client;
        this.timeout = timeout;
        this.retry = retry;
        this.hmacKey = hmacKey;
        this.headers = Map.copyOf(headers);
    }

    /** The answer to a successful POST, and how many attempts it took. */
    public record Reply(int status, String body, int attempts) {
    }

    public Reply post(URI uri, String display, byte[] body, String idempotencyKey) throws AdapterException {
        String key = hmacKey == null ? null : hmacKey.reveal();
        Map<String, String> resolved = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        if (key != null) {
            secrets.add(key);
        }
        for (var h : headers.entrySet()) {
            String value = h.getValue() instanceof Secret s ? s.reveal() : h.getValue().toString();
            resolved.put(h.getKey(), value);
            if (h.getValue() instanceof Secret) {
                secrets.add(value);
            }
        }
        this.secretValues = List.copyOf(secrets);
        String last = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            if (attempt > 1) {
                pause(retry.delayBefore(attempt));
            }
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            resolved.forEach(req::header);
            if (idempotencyKey != null) {
                req.header(Signature.IDEMPOTENCY_HEADER, idempotencyKey);
            }
            if (key != null) {
                long now = System.currentTimeMillis() / 1000;
                req.header(Signature.TIMESTAMP_HEADER, Long.toString(now));
                req.header(Signature.HEADER, Signature.sign(key, now, body));
            }
            try {
                HttpResponse<String> r = client.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = r.statusCode();
                if (status >= 200 && status < 300) {
                    return new Reply(status, r.body(), attempt);
                }
                // a receiver may echo the request's headers in its refusal: never repeat a secret from them
                last = "HTTP " + status + excerpt(scrub(r.body()));
                if (status < 500) {
                    throw new AdapterException(display + " refused the request (" + last + "); not retried", null,
                            false);
                }
            } catch (IOException e) {
                last = (e instanceof java.net.http.HttpTimeoutException ? "no answer within " + timeout
                        : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AdapterException(display + ": interrupted", e);
            }
        }
        throw new AdapterException(display + " failed after " + retry.attempts() + " attempt(s); last: " + last);
    }

    /** {@code text} without the secret values this poster sent last (its key and secret headers). */
    public String scrub(String text) {
        return Redaction.scrub(text, secretValues);
    }

    private static String excerpt(String body) {
        String b = body == null ? "" : body.strip();
        return b.isEmpty() ? "" : ": " + (b.length() > 200 ? b.substring(0, 200) + "…" : b);
    }

    private static void pause(Duration d) throws AdapterException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdapterException("interrupted while waiting to retry", e);
        }
    }
}
