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
    /** In an argv: {@code {name}}, or {@code {name:dash}} where the value may start with a dash. */
    private static final Pattern ARGV_PLACEHOLDER = Pattern.compile("\\{([a-z_]+)(?::([a-z_]*))?}");
    private static final String DASH = "dash";
    /**
     * What a value in an argv may be: printable text (a stage may be called "friendly gp": without a shell a space
     * splits nothing), no control characters or line breaks, and not starting with a dash.
     */
    private static final Pattern ARGV_VALUE = Pattern.compile("(?:[^-\\p{Cntrl}\\p{Zl}\\p{Zp}][^\\p{Cntrl}\\p{Zl}\\p{Zp}]*)?");
    private static final Pattern ARGV_DASH_VALUE = Pattern.compile("[^\\p{Cntrl}\\p{Zl}\\p{Zp}]*");

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

    /**
     * An argv template filled in, no shell involved. A value must match a strict pattern, so that a version such as
     * {@code --output=/etc/x} cannot become an option of the program: no leading dash (unless the template says
     * {@code {name:dash}}), no control characters or line breaks.
     *
     * @throws IllegalArgumentException naming the placeholder and the value refused
     */
    public static List<String> fillArgv(List<String> argv, Map<String, String> values) {
        List<String> out = new java.util.ArrayList<>();
        for (String template : argv) {
            Matcher m = ARGV_PLACEHOLDER.matcher(template);
            StringBuilder filled = new StringBuilder();
            while (m.find()) {
                String v = values.get(m.group(1));
                if (v != null) {
                    boolean dash = DASH.equals(m.group(2));
                    if (!(dash ? ARGV_DASH_VALUE : ARGV_VALUE).matcher(v).matches()) {
                        throw new IllegalArgumentException(m.group() + " is \"" + printable(v) + "\", which "
                                + (!dash && v.startsWith("-") ? "would start an option of the program; a template"
                                + " whose value may start with a dash says so: {" + m.group(1) + ":dash}"
                                : "holds a control character or line break, which no argument needs"));
                    }
                }
                m.appendReplacement(filled, Matcher.quoteReplacement(v != null ? v : m.group()));
            }
            m.appendTail(filled);
            out.add(filled.toString());
        }
        return List.copyOf(out);
    }

    /** Placeholders of an argv template that are not among {@code known}, or carry a form other than {@code :dash}. */
    public static List<String> unknownInArgv(String template, java.util.Set<String> known) {
        Matcher m = ARGV_PLACEHOLDER.matcher(template);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            if (!known.contains(m.group(1)) || m.group(2) != null && !DASH.equals(m.group(2))) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static String printable(String v) {
        StringBuilder b = new StringBuilder();
        v.codePoints().limit(80).forEach(c -> b.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return v.length() > 80 ? b + "…" : b.toString();
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
