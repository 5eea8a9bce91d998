package dev.rampart.adapters;

import dev.rampart.domain.plan.SecretNames;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.Evidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keeps secrets out of what people and files see. Settings should name secrets by reference; when someone wrote a
 * value anyway under a secret-looking key, {@link #masked} hides it for display and export, and {@link #scrub}
 * removes known secret values from captured output. What is a secret is {@link SecretNames}' to say.
 */
public final class Redaction {
    public static final String MASK = "••••••";
    /** Shorter values are not scrubbed from output: "on" or "1" would be masked everywhere they appear. */
    static final int SHORTEST = 4;

    private Redaction() {
    }

    /** Whether a setting with this name holds a secret. */
    public static boolean secretKey(String key) {
        return SecretNames.isSecretKey(key);
    }

    /**
     * Every secret {@code settings} name, at any depth and under any key: each reference ({@code {"env": …}},
     * {@code "file:…"}), and each literal value under a secret-looking key. For scrubbing output, whatever the
     * adapter that produced it.
     */
    public static List<Secret> referencedSecrets(Map<String, ?> settings, Function<String, String> environment) {
        List<Secret> out = new ArrayList<>();
        collect(settings, null, environment, out);
        return out;
    }

    /** The values of {@code secrets} that can be read now; one that cannot is left out, as it cannot leak. */
    public static List<String> values(Collection<Secret> secrets) {
        List<String> out = new ArrayList<>();
        for (Secret s : secrets) {
            try {
                out.add(s.reveal());
            } catch (AdapterException e) {
                // not set or unreadable: nothing to scrub
            }
        }
        return out;
    }

    /**
     * Evidence that is scrubbed of {@code secrets} (read at each record, as they may rotate) before it reaches
     * {@code evidence}: the last line of defence for what a plug-in or a receiver echoes back.
     */
    public static Evidence scrubbing(Evidence evidence, Collection<Secret> secrets) {
        List<Secret> all = List.copyOf(secrets);
        return (action, details) -> {
            List<String> values = values(all);
            Map<String, String> clean = new LinkedHashMap<>();
            details.forEach((k, v) -> clean.put(k, v == null ? null : scrub(v, values)));
            evidence.record(action, clean);
        };
    }

    private static void collect(Object value, String key, Function<String, String> environment, List<Secret> out) {
        if (SecretNames.isReference(value)) {
            try {
                out.add(Secret.parse(value, String.valueOf(key), environment));
            } catch (AdapterException e) {
                // isReference said it parses
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> collect(v, String.valueOf(k), environment, out));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, key, environment, out));
        } else if (value instanceof String literal && secretKey(String.valueOf(key))) {
            out.add(Secret.literal(literal));
        }
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

    /**
     * {@code text} with every occurrence of the given secret values replaced by {@link #MASK}, as written and as
     * JSON would escape them (a receiver that echoes a header inside a JSON error body).
     */
    public static String scrub(String text, Collection<String> secretValues) {
        String t = text;
        // longest first, so that a secret containing another is masked whole
        List<String> sorted = secretValues.stream().filter(s -> s != null && s.length() >= SHORTEST)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (String s : sorted) {
            t = t.replace(s, MASK);
            String escaped = jsonEscaped(s);
            if (!escaped.equals(s)) {
                t = t.replace(escaped, MASK);
            }
        }
        return t;
    }

    private static String jsonEscaped(String s) {
        return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s));
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
