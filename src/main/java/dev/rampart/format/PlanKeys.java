package dev.rampart.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.rampart.domain.plan.Plan;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds every key of a Rampart plan text that no record component takes ("trafic_percent"), by walking the tree
 * alongside the plan records. Maps (adapter settings, metric queries) hold free keys and are not checked.
 */
final class PlanKeys {
    private static final PropertyNamingStrategies.NamingBase SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private PlanKeys() {
    }

    static void reportUnknown(JsonNode plan, SourceProblems problems) {
        walk(plan, Plan.class, "", problems);
    }

    /**
     * Reports every unknown key, and every number that a whole-number field cannot take (1.5, or one past its
     * range, which Jackson would otherwise report without saying where). False when such a number stops binding.
     */
    static boolean check(JsonNode plan, SourceProblems problems) {
        return walk(plan, Plan.class, "", problems);
    }

    /** The JSON keys of a record, in record order. */
    static List<String> keysOf(Class<?> record) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            keys.add(SNAKE.translate(c.getName()));
        }
        return keys;
    }

    private static boolean walk(JsonNode node, Type type, String pointer, SourceProblems problems) {
        boolean bindable = true;
        if (type instanceof Class<?> c && isWhole(c) && node.isNumber()) {
            return wholeNumber(node, c, pointer, problems);
        }
        if (type instanceof Class<?> c && c.isRecord() && node.isObject()) {
            RecordComponent[] components = c.getRecordComponents();
            List<String> keys = keysOf(c);
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = LocationIndex.child(pointer, field.getKey());
                int at = keys.indexOf(field.getKey());
                if (at < 0) {
                    problems.atKey(child, unknownKey(field.getKey(), what(c), keys));
                } else {
                    bindable &= walk(field.getValue(), components[at].getGenericType(), child, problems);
                }
            }
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                bindable &= walk(node.get(i), list.getActualTypeArguments()[0], LocationIndex.child(pointer, i),
                        problems);
            }
        }
        return bindable;
    }

    private static boolean isWhole(Class<?> c) {
        return c == int.class || c == Integer.class || c == long.class || c == Long.class;
    }

    private static boolean wholeNumber(JsonNode node, Class<?> type, String pointer, SourceProblems problems) {
        String subject = ReadErrors.subject(pointer);
        if (!node.isIntegralNumber()) {
            problems.atValue(pointer, subject + ": expected a whole number, found " + ReadErrors.describe(node));
            return false;
        }
        boolean isInt = type == int.class || type == Integer.class;
        if (isInt ? !node.canConvertToInt() : !node.canConvertToLong()) {
            problems.atValue(pointer, subject + ": expected a whole number from "
                    + (isInt ? Integer.MIN_VALUE : Long.MIN_VALUE) + " to " + (isInt ? Integer.MAX_VALUE : Long.MAX_VALUE)
                    + ", found " + ReadErrors.describe(node));
            return false;
        }
        return true;
    }

    static String unknownKey(String key, String where, List<String> expected) {
        String near = expected.stream()
                .filter(k -> distance(k, key) <= Math.min(2, (key.length() - 1) / 2)).findFirst()
                .map(k -> " (did you mean \"" + k + "\"?)").orElse("");
        return "unknown key \"" + key + "\" in " + where + near + "; expected one of " + String.join(", ", expected);
    }

    /** "FreezeWindow" as "freeze window". */
    private static String what(Class<?> record) {
        return record.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Levenshtein distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
