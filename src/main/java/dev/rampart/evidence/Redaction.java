package dev.rampart.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of evidence: any value whose key names a secret (token, password, secret, api key,
 * authorization, credential, passphrase, signing key) is replaced by {@value #REDACTED}, wherever it is nested.
 */
final class Redaction {
    static final String REDACTED = "[redacted]";
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(secret|token|password|passwd|passphrase|api[_-]?key|authorization|credential|private[_-]?key"
                    + "|signing[_-]?key|cookie).*");

    private Redaction() {
    }

    static boolean isSecret(String key) {
        return SECRET.matcher(key).matches();
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
