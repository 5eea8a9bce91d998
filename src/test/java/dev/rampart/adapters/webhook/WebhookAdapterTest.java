package dev.rampart.adapters.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.Health;
import dev.rampart.spi.TrafficSplit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookAdapterTest {
    private static final String KEY = "whsec-0123456789abcdef";
    private final LoopbackServer server;
    private final List<String> evidence = new ArrayList<>();

    WebhookAdapterTest() throws Exception {
        server = new LoopbackServer(KEY);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DeploymentAdapter adapter(Map<String, Object> extra) throws AdapterException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("url", server.uri("/rampart?token=query-secret").toString());
        s.put("hmac_key", Map.of("env", "HOOK_KEY"));
        s.put("timeout", "PT0.5S");
        s.put("retries", Map.of("attempts", 4, "backoff", "PT0.01S"));
        s.putAll(extra);
        AdapterContext ctx = new AdapterContext("checkout", "2.1.0", "2.0.4", s, Clock.systemUTC(), "REL-1",
                (action, details) -> evidence.add(action + " " + details));
        return WebhookAdapterProvider.create(ctx, Map.of("HOOK_KEY", KEY)::get);
    }

    @Test
    void aReceiverThatEchoesASecretHeaderInItsErrorBodyLeavesNoSecretInEvidenceOrMessages() throws Exception {
        String secret = "dk-9f8e7d6c5b4a";
        // the header's name does not look secret; its value is a secret because the settings say where it lives
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("url", server.uri("/rampart").toString());
        s.put("hmac_key", Map.of("env", "HOOK_KEY"));
        s.put("timeout", "PT0.5S");
        s.put("headers", Map.of("X-Deploy", Map.of("env", "DEPLOY_KEY")));
        AdapterContext ctx = new AdapterContext("checkout", "2.1.0", "2.0.4", s, Clock.systemUTC(), "REL-1",
                (action, details) -> evidence.add(action + " " + details));
        DeploymentAdapter a = WebhookAdapterProvider.create(ctx, Map.of("HOOK_KEY", KEY, "DEPLOY_KEY", secret)::get);
        server.echoingHeaders().answer("", 400);
        assertThatThrownBy(() -> a.applyTraffic(new TrafficSplit(Map.of("canary", 5.0)), "k1"))
                .isInstanceOf(AdapterException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("HTTP 400", "you sent", "X-deploy")
                        .doesNotContain(secret));
        assertThat(server.received.get(0).header("X-Deploy")).isEqualTo(secret);
        assertThat(String.join("\n", evidence)).contains("you sent").doesNotContain(secret);
        server.answer("{\"echo\": \"" + secret + "\"}", 200);
        a.applyTraffic(new TrafficSplit(Map.of("canary", 5.0)), "k2");
        assertThat(String.join("\n", evidence)).contains("\"echo\"").doesNotContain(secret);
    }

    @Test
    void postsOneSignedJsonDocumentWithTheIdempotencyKey() throws Exception {
        server.answer("{\"weights\": {\"canary\": 5}}", 200);
        TrafficSplit confirmed = adapter(Map.of()).applyTraffic(new TrafficSplit(Map.of("canary", 5.0)), "rollout-1-1-apply-canary");
        assertThat(confirmed.weights()).containsEntry("canary", 5.0);
        LoopbackServer.Received r = server.received.get(0);
        assertThat(r.signatureValid()).isTrue();
        assertThat(r.header("Idempotency-Key")).isEqualTo("rollout-1-1-apply-canary");
        assertThat(r.header("X-Rampart-Signature")).startsWith("sha256=");
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.get("action").asText()).isEqualTo("apply_traffic");
        assertThat(body.get("change_id").asText()).isEqualTo("REL-1");
        assertThat(body.get("previous_version").asText()).isEqualTo("2.0.4");
        assertThat(body.get("weights").get("canary").asDouble()).isEqualTo(5.0);
        assertThat(body.get("idempotency_key").asText()).isEqualTo("rollout-1-1-apply-canary");
    }

    @Test
    void retriesServerErrorsWithBackoffAndTheSameKey() throws Exception {
        server.answer("", 503, 502, 200);
        assertThat(adapter(Map.of()).rollback("rollout-1-9-rollback-previous")).isEqualTo(TrafficSplit.none());
        assertThat(server.received).hasSize(3).allSatisfy(r -> {
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.header("Idempotency-Key")).isEqualTo("rollout-1-9-rollback-previous");
        });
        assertThat(evidence).singleElement().asString().contains("attempts=3", "status=200");
    }

    @Test
    void retriesATimeOut() throws Exception {
        server.answer("", 0, 200);
        assertThat(adapter(Map.of()).promote("k").newVersionPercent()).isEqualTo(100);
        assertThat(server.received).hasSize(2);
    }

    @Test
    void neverRetriesAClientError() throws Exception {
        server.answer("", 422);
        assertThatThrownBy(() -> adapter(Map.of()).applyTraffic(new TrafficSplit(Map.of("canary", 5.0)), "k"))
                .isInstanceOfSatisfying(AdapterException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("HTTP 422").hasMessageContaining("not retried");
        assertThat(server.received).hasSize(1);
    }

    @Test
    void aWrongKeyIsRefusedByTheReceiverAndNotRetried() throws Exception {
        server.answer("", 200);
        AdapterContext ctx = new AdapterContext("checkout", "2.1.0", "2.0.4", Map.of("url", server.uri("/").toString(),
                "hmac_key", "env:HOOK_KEY"), Clock.systemUTC());
        DeploymentAdapter wrong = WebhookAdapterProvider.create(ctx, Map.of("HOOK_KEY", "not-the-key")::get);
        assertThatThrownBy(() -> wrong.rollback("k")).hasMessageContaining("HTTP 401");
        assertThat(server.received).hasSize(1).allSatisfy(r -> assertThat(r.signatureValid()).isFalse());
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        server.answer("", 500);
        assertThatThrownBy(() -> adapter(Map.of()).rollback("k"))
                .isInstanceOfSatisfying(AdapterException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("failed after 4 attempt(s); last: HTTP 500");
        assertThat(server.received).hasSize(4);
    }

    @Test
    void healthAndCurrentWeightsReadTheAnswer() throws Exception {
        server.answer("{\"status\": \"degraded\", \"detail\": \"2 of 6 pods ready\", \"weights\": {\"canary\": 10}}", 200);
        DeploymentAdapter a = adapter(Map.of());
        assertThat(a.health()).isEqualTo(new Health(Health.Status.DEGRADED, "2 of 6 pods ready"));
        assertThat(a.currentWeights().weights()).containsEntry("canary", 10.0);
    }

    @Test
    void secretsStayOutOfSettingsMessagesAndEvidence() throws Exception {
        assertThatThrownBy(() -> adapter(Map.of("hmac_key", KEY)))
                .hasMessageContaining("adapter webhook.hmac_key is a secret").hasMessageNotContaining(KEY);
        server.answer("", 500);
        DeploymentAdapter a = adapter(Map.of("headers", Map.of("Authorization", Map.of("env", "HOOK_KEY"))));
        assertThatThrownBy(() -> a.rollback("k")).hasMessageNotContaining(KEY).hasMessageNotContaining("query-secret");
        assertThat(server.received.get(0).header("Authorization")).isEqualTo(KEY);
        assertThat(String.join("\n", evidence)).doesNotContain(KEY).doesNotContain("query-secret");
    }
}
