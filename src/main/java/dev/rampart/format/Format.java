package dev.rampart.format;

import java.util.Locale;

/** The text formats a plan is read from and written to. */
public enum Format {
    JSON, YAML;

    /**
     * The format a file name says: {@code .yaml} and {@code .yml} are YAML, {@code .json} is JSON. Any other name
     * is JSON when the text starts with a brace or bracket, YAML otherwise (JSON is also valid YAML, not the reverse).
     */
    public static Format of(String fileName, String text) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        String start = text == null ? "" : text.strip();
        return start.startsWith("{") || start.startsWith("[") ? JSON : YAML;
    }

    /** The format for {@code --format json|yaml}. */
    public static Format named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
