package dev.rampart.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Jackson's exceptions into one problem each, worded for a person editing the file. */
final class ReadErrors {
    private static final Pattern REPEATED = Pattern.compile("Duplicate field '(.*)'");

    private ReadErrors() {
    }

    /** A text that does not parse as JSON or YAML: at the parser's location. */
    static void syntax(JsonProcessingException e, Format format, SourceProblems problems) {
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            Mark m = y.getProblemMark();
            String context = y.getContext() == null ? "" : " (" + y.getContext() + ")";
            problems.at(new LocationIndex.Position(m.getLine() + 1, m.getColumn() + 1),
                    "not valid YAML: " + y.getProblem() + context);
            return;
        }
        String message = e.getOriginalMessage();
        Matcher repeated = REPEATED.matcher(message);
        LocationIndex.Position at = problems.index().firstRepeatedKey();
        if (repeated.lookingAt() && at != null) {
            problems.at(at, "key \"" + repeated.group(1) + "\" appears twice in the same object");
            return;
        }
        message = message.lines().findFirst().orElse("").replaceFirst("\\s*\\(start marker at .*", "");
        problems.at(LocationIndex.position(e.getLocation()), "not valid " + format + ": " + message.strip());
    }

    /** A value of the wrong type: at the value, naming what was expected and what was found. */
    static void binding(DatabindException e, JsonNode tree, SourceProblems problems) {
        String pointer = pointer(e);
        String key = subject(pointer);
        JsonNode found = tree == null ? null : tree.at(pointer);
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String expected = describe(m.getTargetType());
            problems.atValue(pointer, key + ": expected " + expected + ", found " + describe(found));
        } else if (found != null && nullInside(found, pointer) != null) {
            String at = nullInside(found, pointer);
            problems.atValue(at, subject(at) + ": null is not allowed here");
        } else {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            problems.atValue(pointer, key + ": cannot be read: " + message.lines().findFirst().orElse(""));
        }
    }

    /** The JSON pointer of the value Jackson could not bind. */
    static String pointer(DatabindException e) {
        if (!(e instanceof JsonMappingException m)) {
            return "";
        }
        String pointer = "";
        for (JsonMappingException.Reference ref : m.getPath()) {
            pointer = ref.getFieldName() != null
                    ? LocationIndex.child(pointer, ref.getFieldName())
                    : LocationIndex.child(pointer, ref.getIndex());
        }
        return pointer;
    }

    /** "/stages/0/traffic_percent" as "traffic_percent", "/halt_rules/1" as "halt_rules item 2". */
    static String subject(String pointer) {
        if (pointer.isEmpty()) {
            return "plan";
        }
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (last.chars().allMatch(Character::isDigit)) {
            return subject(LocationIndex.parent(pointer)) + " item " + (Integer.parseInt(last) + 1);
        }
        return last.replace("~1", "/").replace("~0", "~");
    }

    /**
     * The first null among the list elements or map values directly under {@code node}: the records' constructors
     * refuse those, and Jackson then only names the record.
     */
    private static String nullInside(JsonNode node, String pointer) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String child = LocationIndex.child(pointer, field.getKey());
            JsonNode value = field.getValue();
            for (int i = 0; value.isArray() && i < value.size(); i++) {
                if (value.get(i).isNull()) {
                    return LocationIndex.child(child, i);
                }
            }
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                if (entry.getValue().isNull()) {
                    return LocationIndex.child(child, entry.getKey());
                }
            }
        }
        return null;
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        } else if (type == double.class || type == Double.class) {
            return "a number";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        } else if (type == Duration.class) {
            return "an ISO-8601 duration such as PT30M or PT24H";
        } else if (type == LocalDateTime.class) {
            return "a date and time such as 2026-12-01T09:00";
        } else if (type == String.class) {
            return "a text";
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        } else if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return type.getSimpleName();
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        } else if (node.isTextual()) {
            return "the text \"" + node.asText() + "\"";
        } else if (node.isNumber()) {
            return "the number " + node.asText();
        } else if (node.isBoolean()) {
            return node.asText();
        } else if (node.isNull()) {
            return "null";
        } else if (node.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
