package dev.rampart.domain.plan;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place that decides what a secret is, for masking settings on screen, redacting evidence and scrubbing
 * captured output. A value is a secret when it is named by reference ({@code {"env": "NAME"}}, {@code "env:NAME"},
 * {@code {"file": "/path"}}, {@code "file:/path"}), whatever its key; or when its key names one (token, password,
 * key, authorization, cookie, webhook URL, …).
 */
public final class SecretNames {
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(token|secret|password|passwd|passphrase|hmac"
            + "|api[_-]?key|private[_-]?key|signing[_-]?key|credential|authorization|cookie|webhook_url).*");

    private SecretNames() {
    }

    /** Whether a setting, header or field with this name holds a secret. */
    public static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key).matches();
    }

    /** Whether {@code value} names a secret by reference rather than holding it. */
    public static boolean isReference(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Object env = m.get("env");
            Object file = m.get("file");
            return env instanceof String e && !e.isBlank() || file instanceof String f && !f.isBlank();
        }
        return value instanceof String s && (s.startsWith("env:") || s.startsWith("file:"))
                && s.indexOf(':') < s.length() - 1;
    }
}
