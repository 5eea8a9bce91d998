package dev.rampart.adapters;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders in argv templates, URLs and queries. Only names in the map are replaced, so
 * other braces (PromQL label matchers, JSON) pass through; an unknown {@code {word}} is left for
 * {@link #unknown} to report.
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private Placeholders() {
    }

    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static List<String> fill(List<String> argv, Map<String, String> values) {
        return argv.stream().map(a -> fill(a, values)).toList();
    }

    /** Placeholders in {@code template} that are not among {@code known}. */
    public static List<String> unknown(String template, java.util.Set<String> known) {
        Matcher m = PLACEHOLDER.matcher(template);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                out.add(m.group());
            }
        }
        return out;
    }
}
