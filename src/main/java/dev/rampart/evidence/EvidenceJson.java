package dev.rampart.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rampart.domain.access.Signature;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.Rollout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pack's JSON files: {@code evidence.json} (everything, for machines) and {@code chain.json} (the hashed events). */
final class EvidenceJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    /** Events that are decisions: a halt, a rollback, a promotion, a signed gate, a review. */
    static final Set<String> DECISIONS = Set.of("rollout.halted", "rollout.alerted", "rollout.rolling_back",
            "rollout.rolled_back", "rollout.rollback_failed", "rollout.promoted", "rollout.paused",
            "rollout.resumed", "rollout.completed", "signoff.signed", "review.done", "rollout.circuit_opened");

    private EvidenceJson() {
    }

    static Map<String, Object> evidence(EvidenceInput in, JsonNode redactedPlan, boolean planRedacted) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", "rampart/evidence/v1");
        out.put("exported_at", in.exportedAt().toString());
        out.put("exported_by", in.exportedBy());
        out.put("rollout", rollout(in.rollout(), in));
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", in.storedPlan().id());
        plan.put("sha256", in.storedPlan().sha256());
        plan.put("current_sha256", in.currentPlanSha());
        plan.put("redacted", planRedacted);
        plan.put("plan", redactedPlan);
        out.put("plan", plan);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("final_state", in.rollout().state().wireName());
        summary.put("error_rate_during_rollout", number(in.lastValue("error_rate_during_rollout")));
        summary.put("rollback_time_seconds", number(in.lastValue("rollback_time_seconds")));
        summary.put("events", in.events().size());
        summary.put("signatures", in.signatures().size());
        out.put("summary", summary);
        out.put("signatures", in.signatures().stream().map(s -> signature(s, in.currentPlanSha())).toList());
        out.put("decisions", in.events().stream().filter(e -> DECISIONS.contains(e.type()))
                .map(EvidenceJson::event).toList());
        out.put("timeline", in.events().stream().map(EvidenceJson::event).toList());
        Map<String, Object> integrity = new LinkedHashMap<>();
        integrity.put("intact", in.integrity().intact());
        integrity.put("checked", in.integrity().checked());
        integrity.put("first_bad_seq", in.integrity().firstBadSeq());
        integrity.put("problem", in.integrity().problem());
        out.put("audit_integrity", integrity);
        return out;
    }

    /** Each event with everything its hash covers, so the chain can be recomputed from this file alone. */
    static List<Map<String, Object>> chain(List<AuditEvent> events) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AuditEvent e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", e.seq());
            m.put("rollout_id", e.rolloutId());
            m.put("at", e.at().toString());
            m.put("type", e.type());
            m.put("actor", e.actor());
            m.put("stage", e.stage());
            Map<String, String> data = Redaction.redact(e.data());
            m.put("data", data);
            m.put("redacted", !data.equals(e.data()));
            m.put("previous_hash", e.previousHash());
            m.put("hash", e.hash());
            if (e.login() != null) {
                m.put("login", e.login());
            }
            out.add(m);
        }
        return out;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write evidence JSON", e);
        }
    }

    private static Map<String, Object> rollout(Rollout r, EvidenceInput in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("plan_id", r.planId());
        m.put("change_id", in.plan().changeId());
        m.put("service", in.plan().service());
        m.put("version", in.plan().version());
        m.put("previous_version", in.plan().previousVersion());
        m.put("state", r.state().wireName());
        m.put("stage_index", r.stageIndex());
        m.put("started_by", r.startedBy());
        m.put("created_at", r.createdAt().toString());
        m.put("updated_at", r.updatedAt().toString());
        return m;
    }

    private static Map<String, Object> signature(Signature s, String currentPlanSha) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signer", s.signer());
        m.put("role", s.role().name());
        m.put("stage", s.stage());
        m.put("item", s.item());
        m.put("at", s.at().toString());
        m.put("comment", s.comment());
        m.put("plan_sha256", s.planSha256());
        m.put("signed_sha256", s.signedSha256());
        m.put("stale", s.stale(currentPlanSha));
        m.put("audit_seq", s.auditSeq());
        return m;
    }

    private static Map<String, Object> event(AuditEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at().toString());
        m.put("type", e.type());
        m.put("actor", e.actor());
        m.put("stage", e.stage());
        m.put("data", Redaction.redact(e.data()));
        return m;
    }

    static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
