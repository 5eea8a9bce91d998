package dev.rampart.adapters.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.adapters.webhook.LoopbackServer;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.Notice;
import dev.rampart.spi.Notifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifiersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Notice HALT = new Notice("rollout.halted", Notice.Severity.CRITICAL,
            "rollout.halted (canary): error_rate > 1% for 5m", "", 7L, Instant.parse("2026-12-01T09:45:00Z"),
            Map.of("rule", "error_rate > 1% for 5m", "cohort", "canary", "value", "0.03", "threshold", "0.01"));
    private static final Notice DECISION = new Notice("decision.due", Notice.Severity.WARNING,
            "go/no-go for beta is due", "product, security decide", 7L, Instant.parse("2026-12-02T09:00:00Z"), Map.of());
    private static final Notice COMPLETED = new Notice("rollout.completed", Notice.Severity.INFO, "done", "", 7L,
            Instant.parse("2026-12-03T09:00:00Z"), Map.of());
    private final LoopbackServer server;
    private final LoopbackServer slackServer;

    NotifiersTest() throws Exception {
        server = new LoopbackServer("notify-key-0123456789");
        slackServer = new LoopbackServer(null);
    }

    @AfterEach
    void stop() {
        server.close();
        slackServer.close();
    }

    private static AdapterContext context(Map<String, Object> settings) {
        return new AdapterContext("checkout", "2.1.0", "2.0.4", settings, Clock.systemUTC());
    }

    @Test
    void slackGetsAnIncomingWebhookMessageForHaltsAndDecisionsDue() throws Exception {
        String hook = slackServer.uri("/services/T000/B000/XXXXSECRET").toString();
        Notifier slack = SlackNotifierProvider.create(context(Map.of("url", Map.of("env", "SLACK_URL"),
                "channel", "#releases")), Map.of("SLACK_URL", hook)::get);
        slack.send(HALT);
        slack.send(DECISION);
        slack.send(COMPLETED);
        assertThat(slackServer.received).hasSize(2);
        JsonNode halt = JSON.readTree(slackServer.received.get(0).body());
        assertThat(halt.get("text").asText()).contains("error_rate &gt; 1%").doesNotContain("&amp;gt;")
                .startsWith(":rotating_light:");
        assertThat(halt.get("channel").asText()).isEqualTo("#releases");
        assertThat(halt.at("/blocks/0/type").asText()).isEqualTo("section");
        assertThat(halt.at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(halt.at("/blocks/1/fields").toString()).contains("*cohort*\\ncanary");
        assertThat(JSON.readTree(slackServer.received.get(1).body()).get("text").asText()).contains("go/no-go for beta");
    }

    @Test
    void theSlackUrlIsASecretAndNeverShown() throws Exception {
        String hook = slackServer.uri("/services/T000/B000/XXXXSECRET").toString();
        assertThatThrownBy(() -> SlackNotifierProvider.create(context(Map.of("url", hook)), k -> null))
                .hasMessageContaining("is a secret").hasMessageNotContaining("XXXXSECRET");
        slackServer.answer("", 404);
        Notifier slack = SlackNotifierProvider.create(context(Map.of("url", "env:SLACK_URL")), Map.of("SLACK_URL", hook)::get);
        assertThatThrownBy(() -> slack.send(HALT)).isInstanceOf(AdapterException.class)
                .hasMessageContaining("Slack webhook (env:SLACK_URL)").hasMessageNotContaining("XXXXSECRET");
    }

    @Test
    void theGenericWebhookGetsSignedJsonForRollbacksAndChosenEvents() throws Exception {
        Notifier hook = WebhookNotifierProvider.create(context(Map.of("url", server.uri("/rampart").toString(),
                "hmac_key", Map.of("env", "K"), "events", List.of("rollout.rolled_back", "rollout.completed"))),
                Map.of("K", "notify-key-0123456789")::get);
        hook.send(HALT);
        Notice rolledBack = new Notice("rollout.rolled_back", Notice.Severity.WARNING, "rolled back", "", 7L,
                Instant.parse("2026-12-01T09:46:00Z"), Map.of("rollback_time_seconds", "8.0"));
        hook.send(rolledBack);
        hook.send(COMPLETED);
        assertThat(server.received).hasSize(2).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        JsonNode body = JSON.readTree(server.received.get(0).body());
        assertThat(body.get("event").asText()).isEqualTo("rollout.rolled_back");
        assertThat(body.get("rollout_id").asLong()).isEqualTo(7);
        assertThat(body.at("/data/rollback_time_seconds").asText()).isEqualTo("8.0");
        assertThat(server.received.get(0).header("Idempotency-Key")).isEqualTo("rollout.rolled_back-7-1796118360000");
    }

    @Test
    void aBroadcastTriesEveryNotifierAndReportsFailuresTogether() {
        int[] delivered = {0};
        Notifier broken = n -> {
            throw new AdapterException("chat is down");
        };
        Broadcast all = new Broadcast(List.of(broken, n -> delivered[0]++));
        assertThatThrownBy(() -> all.send(HALT)).hasMessageContaining("1 of 2 notifiers failed: chat is down");
        assertThat(delivered[0]).isEqualTo(1);
    }
}
