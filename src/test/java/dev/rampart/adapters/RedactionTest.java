package dev.rampart.adapters;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.spi.AdapterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedactionTest {
    @TempDir
    Path dir;

    @Test
    void maskedSettingsKeepReferencesAndHideLiteralSecretsAtAnyDepth() throws Exception {
        Map<String, Object> settings = Map.of(
                "url", "https://deploy.example/rampart",
                "hmac_key", Map.of("env", "RAMPART_WEBHOOK_KEY"),
                "api_token", "tok-literal-123456",
                "headers", Map.of("Authorization", "Bearer abcdef123456", "X-Team", "payments"),
                "environment", Map.of("set", Map.of("DEPLOY_TOKEN", "file:/etc/rampart/token")));
        Map<String, Object> masked = Redaction.masked(settings);
        String exported = new ObjectMapper().writeValueAsString(masked);
        assertThat(exported).doesNotContain("tok-literal-123456", "abcdef123456")
                .contains("RAMPART_WEBHOOK_KEY", "file:/etc/rampart/token", "payments", "https://deploy.example/rampart");
        assertThat(masked.get("api_token")).isEqualTo(Redaction.MASK);
    }

    @Test
    void aSecretIsReadWhenUsedAndShownOnlyByReference() throws Exception {
        Path file = Files.writeString(dir.resolve("key"), "file-secret-value\n");
        Settings s = Settings.of(Map.of("a", Map.of("file", file.toString()), "b", "env:B_KEY", "c", "literal-value"),
                "adapter test", Map.of("B_KEY", "env-secret-value")::get);
        assertThat(s.secret("a").reveal()).isEqualTo("file-secret-value");
        assertThat(s.secret("b").reveal()).isEqualTo("env-secret-value");
        assertThat(s.secret("b").toString()).isEqualTo("secret(env:B_KEY)");
        assertThatThrownBy(() -> s.secret("c")).isInstanceOfSatisfying(AdapterException.class,
                e -> assertThat(e.retryable()).isFalse()).hasMessageNotContaining("literal-value");
        Settings unset = Settings.of(Map.of("k", "env:NOPE"), "adapter test", k -> null);
        assertThatThrownBy(() -> unset.secret("k").reveal()).hasMessage("environment variable NOPE is not set");
    }

    @Test
    void scrubRemovesKnownSecretValuesFromText() {
        assertThat(Redaction.scrub("curl -H 'Authorization: s3cr3t-token' …", List.of("s3cr3t-token")))
                .isEqualTo("curl -H 'Authorization: ••••••' …");
    }
}
