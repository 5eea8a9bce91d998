package dev.rampart.format;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reading the values of a foreign format's tree, with a problem at any value of the wrong kind. */
final class Nodes {
    private Nodes() {
    }

    /** The text at {@code pointer}, or null when absent or not a text (then a problem says so). */
    static String text(JsonNode tree, String pointer, SourceProblems problems) {
        JsonNode node = tree.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.isBoolean()) {
            problems.atValue(pointer, name(pointer) + ": expected a text, found " + ReadErrors.describe(node));
            return null;
        }
        return node.asText();
    }

    /** The texts of the list at {@code pointer}; elements that are not texts are problems. */
    static List<String> texts(JsonNode tree, String pointer, SourceProblems problems) {
        JsonNode node = tree.at(pointer);
        List<String> texts = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return texts;
        }
        if (!node.isArray()) {
            problems.atValue(pointer, name(pointer) + ": expected a list of texts, found " + ReadErrors.describe(node));
            return texts;
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual()) {
                texts.add(node.get(i).asText());
            } else {
                problems.atValue(LocationIndex.child(pointer, i), name(pointer) + " item " + (i + 1)
                        + ": expected a text, found " + ReadErrors.describe(node.get(i)));
            }
        }
        return texts;
    }

    /** True, false, or null when absent or not a boolean (then a problem says so). */
    static Boolean bool(JsonNode tree, String pointer, SourceProblems problems) {
        JsonNode node = tree.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            problems.atValue(pointer, name(pointer) + ": expected true or false, found " + ReadErrors.describe(node));
            return null;
        }
        return node.booleanValue();
    }

    /** 120.0 as "120", 0.5 as "0.5". */
    static String number(double d) {
        return number(BigDecimal.valueOf(d));
    }

    static String number(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static String name(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
