package dev.rampart.store;

import dev.rampart.domain.access.CanonicalText;

import java.util.Map;
import java.util.TreeMap;

/**
 * The one way Rampart writes JSON that gets hashed: no spaces, object keys sorted by UTF-16 code units, strings
 * escaped as RFC 8785 (JCS) does ({@code "} {@code \} and control characters only). Written by hand so that a
 * library upgrade can never change a hash.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String object(Map<String, String> map) {
        StringBuilder out = new StringBuilder();
        object(out, map);
        return out.toString();
    }

    static void object(StringBuilder out, Map<String, String> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> entry : new TreeMap<>(map).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, entry.getKey());
            out.append(':');
            string(out, entry.getValue());
        }
        out.append('}');
    }

    /** A JSON string, or {@code null} for a missing value: the one encoding the chain and the signed texts share. */
    static void string(StringBuilder out, String value) {
        CanonicalText.string(out, value);
    }
}
