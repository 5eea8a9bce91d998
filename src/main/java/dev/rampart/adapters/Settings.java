package dev.rampart.adapters;

import dev.rampart.spi.AdapterException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reading of an adapter's settings (parsed JSON). A missing or malformed setting is a non-retryable
 * {@link AdapterException} that names the setting, so the console can show it when it validates the settings.
 */
public final class Settings {
    private final Map<String, Object> values;
    private final String where;
    private final Function<String, String> environment;

    private Settings(Map<String, Object> values, String where, Function<String, String> environment) {
        this.values = values == null ? Map.of() : values;
        this.where = where;
        this.environment = environment;
    }

    /** Settings whose secrets come from the process environment. */
    public static Settings of(Map<String, Object> values, String where) {
        return new Settings(values, where, System::getenv);
    }

    /** Settings whose environment references are looked up with {@code environment} (tests). */
    public static Settings of(Map<String, Object> values, String where, Function<String, String> environment) {
        return new Settings(values, where, environment);
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public String text(String key) throws AdapterException {
        return optionalText(key).orElseThrow(() -> bad(key, "is required"));
    }

    public String text(String key, String fallback) throws AdapterException {
        return optionalText(key).orElse(fallback);
    }

    public Optional<String> optionalText(String key) throws AdapterException {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return Optional.of(v.toString());
        }
        throw bad(key, "must be text");
    }

    public int integer(String key, int fallback) throws AdapterException {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw bad(key, "must be a whole number");
        }
    }

    public boolean flag(String key, boolean fallback) throws AdapterException {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw bad(key, "must be true or false");
    }

    /** ISO-8601 ({@code PT30S}) or short ({@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}). */
    public Duration duration(String key, Duration fallback) throws AdapterException {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Durations.parse(v.toString());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw bad(key, "must be a duration such as PT30S or 30s");
        }
    }

    public List<String> strings(String key) throws AdapterException {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw bad(key, "must be a list of text");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (o == null || o instanceof Map || o instanceof List) {
                throw bad(key, "must be a list of text");
            }
            out.add(o.toString());
        }
        return List.copyOf(out);
    }

    /** A nested object; empty settings when absent. */
    public Settings section(String key) throws AdapterException {
        Object v = values.get(key);
        if (v == null) {
            return new Settings(Map.of(), where + "." + key, environment);
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw bad(key, "must be an object");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, x) -> copy.put(String.valueOf(k), x));
        return new Settings(copy, where + "." + key, environment);
    }

    public Object raw(String key) {
        return values.get(key);
    }

    public Iterable<String> keys() {
        return values.keySet();
    }

    public Secret secret(String key) throws AdapterException {
        return optionalSecret(key).orElseThrow(() -> bad(key, "is required"));
    }

    public Optional<Secret> optionalSecret(String key) throws AdapterException {
        Object v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(Secret.parse(v, where + "." + key, environment));
    }

    /** Reads an arbitrary value that may be a secret reference, for settings such as environment variables. */
    public Secret secretValue(Object value, String key) throws AdapterException {
        return Secret.parse(value, where + "." + key, environment);
    }

    public String where() {
        return where;
    }

    public AdapterException bad(String key, String problem) {
        return new AdapterException(where + "." + key + " " + problem, null, false);
    }
}
