package dev.rampart.adapters.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.ConnectionCheck;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Asks a deployment service to act by POSTing one signed JSON document per action:
 * <pre>
 * {"action": "apply_traffic", "service": "checkout", "version": "2.1.0", "previous_version": "2.0.4",
 *  "change_id": "REL-…", "idempotency_key": "rollout-7-3-apply-beta", "weights": {"canary": 5, "beta": 25},
 *  "percent": 25}
 * </pre>
 * Actions: {@code apply_traffic}, {@code promote}, {@code rollback}, {@code health}, {@code current_weights}. A
 * 2xx answer confirms; its JSON {@code weights}, when present, is the split in effect. {@code health} may answer
 * {@code {"status": "healthy|degraded|down", "detail": "…"}}.
 */
public final class WebhookAdapter implements DeploymentAdapter, ConnectionCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SignedPoster poster;
    private final URI url;
    private final Map<String, URI> actionUrls;
    private final AdapterContext context;

    WebhookAdapter(SignedPoster poster, URI url, Map<String, URI> actionUrls, AdapterContext context) {
        this.poster = poster;
        this.url = url;
        this.actionUrls = Map.copyOf(actionUrls);
        this.context = context;
    }

    @Override
    public TrafficSplit applyTraffic(TrafficSplit desired, String idempotencyKey) throws AdapterException {
        return weightsOr(send("apply_traffic", desired, idempotencyKey), desired);
    }

    @Override
    public TrafficSplit promote(String idempotencyKey) throws AdapterException {
        return weightsOr(send("promote", TrafficSplit.everyone(), idempotencyKey), TrafficSplit.everyone());
    }

    @Override
    public TrafficSplit rollback(String idempotencyKey) throws AdapterException {
        return weightsOr(send("rollback", TrafficSplit.none(), idempotencyKey), TrafficSplit.none());
    }

    @Override
    public Health health() throws AdapterException {
        JsonNode r = send("health", null, null);
        if (r == null || !r.hasNonNull("status")) {
            return Health.healthy("answered");
        }
        try {
            return new Health(Health.Status.valueOf(r.get("status").asText().toUpperCase(Locale.ROOT)),
                    r.path("detail").asText(""));
        } catch (IllegalArgumentException e) {
            throw new AdapterException("health answered an unknown status: " + r.get("status").asText());
        }
    }

    @Override
    public TrafficSplit currentWeights() throws AdapterException {
        JsonNode r = send("current_weights", null, null);
        if (r == null || !r.path("weights").isObject()) {
            throw new AdapterException("current_weights answered without a \"weights\" object");
        }
        return weights(r.get("weights"));
    }

    @Override
    public String checkConnection() throws AdapterException {
        Health h = health();
        return endpoint("health") + " answered: " + h.status().name().toLowerCase(Locale.ROOT)
                + (h.detail().isBlank() ? "" : " (" + h.detail() + ")");
    }

    private JsonNode send(String action, TrafficSplit weights, String key) throws AdapterException {
        ObjectNode body = JSON.createObjectNode().put("action", action).put("service", context.service())
                .put("version", context.version()).put("previous_version", context.previousVersion())
                .put("change_id", context.changeId());
        if (key != null) {
            body.put("idempotency_key", key);
        }
        if (weights != null) {
            ObjectNode w = body.putObject("weights");
            weights.weights().forEach(w::put);
            body.put("percent", weights.newVersionPercent());
        }
        byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        URI target = actionUrls.getOrDefault(action, url);
        try {
            SignedPoster.Reply reply = poster.post(target, "webhook " + action + " at " + endpoint(action), bytes, key);
            Map<String, String> ev = new LinkedHashMap<>();
            ev.put("endpoint", endpoint(action));
            ev.put("request", body.toString());
            ev.put("status", Integer.toString(reply.status()));
            ev.put("attempts", Integer.toString(reply.attempts()));
            String answer = poster.scrub(reply.body());
            ev.put("response", answer.length() > 2000 ? answer.substring(0, 2000) + "…" : answer);
            context.evidence().record(action, ev);
            return reply.body().isBlank() ? null : JSON.readTree(reply.body());
        } catch (AdapterException e) {
            context.evidence().record(action, Map.of("endpoint", endpoint(action), "request", body.toString(),
                    "problem", String.valueOf(e.getMessage())));
            throw e;
        } catch (IOException e) {
            throw new AdapterException("webhook " + action + " answered with something that is not JSON");
        }
    }

    /** Scheme, host and path: never the query, where tokens tend to hide. */
    private String endpoint(String action) {
        URI u = actionUrls.getOrDefault(action, url);
        return u.getScheme() + "://" + u.getAuthority() + (u.getPath() == null ? "" : u.getPath());
    }

    private static TrafficSplit weightsOr(JsonNode reply, TrafficSplit fallback) {
        return reply != null && reply.path("weights").isObject() ? weights(reply.get("weights")) : fallback;
    }

    private static TrafficSplit weights(JsonNode node) {
        Map<String, Double> w = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> w.put(e.getKey(), e.getValue().asDouble()));
        return new TrafficSplit(w);
    }
}
