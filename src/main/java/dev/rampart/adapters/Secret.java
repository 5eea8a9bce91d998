package dev.rampart.adapters;

import dev.rampart.spi.AdapterException;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A token, key or credential named by reference: an environment variable ({@code {"env": "NAME"}} or
 * {@code "env:NAME"}) or a file ({@code {"file": "/path"}} or {@code "file:/path"}). Settings never hold the value
 * itself, so plan exports and logs cannot leak it; the value is read when it is used, which also follows rotation.
 */
public final class Secret {
    private final String kind;
    private final String name;
    private final Function<String, String> environment;

    private Secret(String kind, String name, Function<String, String> environment) {
        this.kind = kind;
        this.name = name;
        this.environment = environment;
    }

    /**
     * @param value       the setting as parsed JSON
     * @param where       the setting's name, for messages
     * @param environment how environment variables are looked up ({@code System::getenv} outside tests)
     * @throws AdapterException for a literal value (its text is not repeated in the message)
     */
    static Secret parse(Object value, String where, Function<String, String> environment) throws AdapterException {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Object env = m.get("env");
            Object file = m.get("file");
            if (env instanceof String s && !s.isBlank()) {
                return new Secret("env", s, environment);
            }
            if (file instanceof String s && !s.isBlank()) {
                return new Secret("file", s, environment);
            }
        }
        if (value instanceof String s && (s.startsWith("env:") || s.startsWith("file:")) && s.indexOf(':') < s.length() - 1) {
            int colon = s.indexOf(':');
            return new Secret(s.substring(0, colon), s.substring(colon + 1), environment);
        }
        throw new AdapterException(where + " is a secret: name it by reference, {\"env\": \"VARIABLE\"} or "
                + "{\"file\": \"/path\"}, instead of writing its value into the settings", null, false);
    }

    /** A value someone wrote into the settings under a secret-looking key: never shown, only scrubbed. */
    static Secret literal(String value) {
        return new Secret("literal", value, name -> null);
    }

    /** The value, read now. */
    public String reveal() throws AdapterException {
        if (kind.equals("literal")) {
            return name;
        }
        if (kind.equals("env")) {
            String v = environment.apply(name);
            if (v == null || v.isEmpty()) {
                throw new AdapterException("environment variable " + name + " is not set", null, false);
            }
            return v;
        }
        return BoundedFile.read(Path.of(name), BoundedFile.SECRET_BYTES, "secret file").strip();
    }

    /** Where the value comes from ({@code env:NAME}); safe to show. */
    public String reference() {
        return kind.equals("literal") ? "a value written into the settings" : kind + ":" + name;
    }

    @Override
    public String toString() {
        return "secret(" + reference() + ")";
    }
}
