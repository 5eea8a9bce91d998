package dev.rampart.adapters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of what people and files see. Settings should name secrets by reference; when someone wrote a
 * value anyway under a secret-looking key, {@link #masked} hides it for display and export, and {@link #scrub}
 * removes known secret values from captured output.
 */
public final class Redaction {
    public static final String MASK = "••••••";
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(token|secret|password|passwd|hmac|api[_-]?key|private[_-]?key|signing[_-]?key|credential|authorization|webhook_url).*");

    private Redaction() {
    }

    /** Whether a setting with this name holds a secret. */
    public static boolean secretKey(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    /**
     * A deep copy with every literal value under a secret-looking key replaced by {@link #MASK}; references
     * ({@code {"env": …}}, {@code "env:…"}, {@code "file:…"}) are kept, since they say where, not what.
     */
    public static Map<String, Object> masked(Map<String, ?> settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> out.put(k, secretKey(k) ? maskValue(v) : copy(v)));
        return out;
    }

    /** {@code text} with every occurrence of the given secret values replaced by {@link #MASK}. */
    public static String scrub(String text, Collection<String> secretValues) {
        String t = text;
        for (String s : secretValues) {
            if (s != null && s.length() >= 4) {
                t = t.replace(s, MASK);
            }
        }
        return t;
    }

    private static Object maskValue(Object v) {
        if (v instanceof Map<?, ?> m && m.size() == 1 && (m.containsKey("env") || m.containsKey("file"))) {
            return copy(v);
        }
        if (v instanceof String s && (s.startsWith("env:") || s.startsWith("file:"))) {
            return s;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> inner = new LinkedHashMap<>();
            m.forEach((k, x) -> inner.put(String.valueOf(k), maskValue(x)));
            return inner;
        }
        return v == null ? null : MASK;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return masked((Map<String, ?>) m);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(x -> out.add(copy(x)));
            return out;
        }
        return v;
    }
}
