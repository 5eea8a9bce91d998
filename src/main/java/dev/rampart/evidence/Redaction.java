package dev.rampart.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rampart.domain.plan.SecretNames;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps secrets out of evidence: any value whose key names a secret ({@link SecretNames#isSecretKey}) is replaced
 * by {@value #REDACTED}, wherever it is nested.
 */
final class Redaction {
    static final String REDACTED = "[redacted]";

    private Redaction() {
    }

    /** {@link SecretNames} decides, for evidence as for settings. */
    static boolean isSecret(String key) {
        return SecretNames.isSecretKey(key);
    }

    /** Redacts in place; returns true when anything was redacted. */
    static boolean redact(JsonNode node) {
        boolean any = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (isSecret(field.getKey()) && !field.getValue().isNull()) {
                    field.setValue(TextNode.valueOf(REDACTED));
                    any = true;
                } else {
                    any |= redact(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                any |= redact(item);
            }
        }
        return any;
    }

    static Map<String, String> redact(Map<String, String> data) {
        Map<String, String> out = new LinkedHashMap<>();
        data.forEach((k, v) -> out.put(k, isSecret(k) ? REDACTED : v));
        return out;
    }
}
