package dev.rampart.domain.access;

/**
 * A JSON array of strings with no spaces, each string escaped as RFC 8785 (JCS) does: the unambiguous text that
 * signatures and checkpoints cover, whatever characters an item or a comment holds.
 */
public final class CanonicalText {
    private CanonicalText() {
    }

    public static String array(String... values) {
        StringBuilder out = new StringBuilder(128).append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values[i]);
        }
        return out.append(']').toString();
    }

    /** A JSON string, or {@code null} for a missing value (also the store's canonical JSON). */
    public static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
