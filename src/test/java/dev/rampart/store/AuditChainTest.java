package dev.rampart.store;

import dev.rampart.domain.rollout.AuditEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00.12Z");

    @Test
    void canonicalFormIsFixedAndEscaped() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("b", "2");
        data.put("a", "x\"y\n\u0001");
        assertThat(AuditChain.canonical(new StringBuilder(), 1, 7L, AT, "rollout.started", "adé", null,
                CanonicalJson.object(data), AuditChain.GENESIS, null).toString())
                .isEqualTo("[1,7,\"2026-12-01T09:00:00.120Z\",\"rollout.started\",\"adé\",null,"
                        + "{\"a\":\"x\\\"y\\n\\u0001\",\"b\":\"2\"},\"" + "0".repeat(64) + "\"]");
    }

    @Test
    void hashMatchesAnIndependentlyComputedSha256() {
        // printf '%s' '<the canonical text above>' | sha256sum, on a UTF-8 terminal
        Map<String, String> data = Map.of("b", "2", "a", "x\"y\n\u0001");
        assertThat(AuditChain.hash(1, 7L, AT, "rollout.started", "adé", null, data, AuditChain.GENESIS))
                .isEqualTo("cef23726aafcc8fd00818d6ef6d759789e45684f6aec56480e10e1c502bfc028");
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        String a = AuditChain.hash(1, null, AT, "t", "ab", "c", Map.of(), AuditChain.GENESIS);
        String b = AuditChain.hash(1, null, AT, "t", "a", "bc", Map.of(), AuditChain.GENESIS);
        String c = AuditChain.hash(1, null, AT, "t", "ab", null, Map.of("", "c"), AuditChain.GENESIS);
        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void hashOfAnEventUsesAllItsFields() {
        AuditEvent event = new AuditEvent(3, 9L, AT, "rollout.paused", "bo", "beta", Map.of("reason", "noise"),
                AuditChain.GENESIS, null);
        String hash = AuditChain.hashOf(event);
        assertThat(hash).hasSize(64).isEqualTo(AuditChain.hash(3, 9L, AT, "rollout.paused", "bo", "beta",
                Map.of("reason", "noise"), AuditChain.GENESIS));
        assertThat(AuditChain.hashOf(new AuditEvent(3, 9L, AT.plusMillis(1), "rollout.paused", "bo", "beta",
                Map.of("reason", "noise"), AuditChain.GENESIS, null))).isNotEqualTo(hash);
    }
}
