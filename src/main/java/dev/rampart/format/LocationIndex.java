package dev.rampart.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each JSON pointer of an input text starts: the line and column of its value and, for object members,
 * of its key. Built by walking the text once with Jackson's streaming parser (JSON or YAML alike).
 */
final class LocationIndex {
    /** A 1-based place in the text. */
    record Position(int line, int column) {
        static final Position START = new Position(1, 1);
    }

    private final List<String> lines;
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();
    private final List<Alias> aliases = new ArrayList<>();
    private Position firstRepeatedKey;

    /** A YAML alias ({@code *name}) and where it is. */
    record Alias(String name, Position at) {
    }

    private LocationIndex(String text) {
        this.lines = text.lines().toList();
    }

    /** The index of a text that already parsed; a text that does not parse is indexed up to its first error. */
    static LocationIndex of(String text, ObjectMapper mapper) {
        LocationIndex index = new LocationIndex(text);
        try (JsonParser p = mapper.createParser(text)) {
            // walk past a repeated key, to find where it is; reading the tree reports it
            p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonStreamContext context = p.getParsingContext();
                Position at = position(p.currentTokenLocation());
                if (t == JsonToken.FIELD_NAME) {
                    String pointer = context.pathAsPointer().toString();
                    if (index.keys.putIfAbsent(pointer, at) != null && index.firstRepeatedKey == null) {
                        index.firstRepeatedKey = at;
                    }
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    // the new container's own context has no name or index yet: its place is its parent's
                    index.values.putIfAbsent(context.getParent().pathAsPointer().toString(), at);
                } else if (!t.isStructEnd()) {
                    index.values.putIfAbsent(context.pathAsPointer().toString(), at);
                    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                        index.aliases.add(new Alias(p.getText(), at));
                    }
                }
            }
        } catch (IOException e) {
            // the parse error itself is reported by whoever read the tree
        }
        return index;
    }

    /** The value at {@code pointer}, or the nearest enclosing value that the text has. */
    Position value(String pointer) {
        for (String p = pointer; ; p = parent(p)) {
            Position at = values.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return Position.START;
            }
        }
    }

    /** The key of the member at {@code pointer}, or its value's place when it has no key (an array element). */
    Position key(String pointer) {
        Position at = keys.get(pointer);
        return at != null ? at : value(pointer);
    }

    /**
     * The place of the {@code column}-th character (1-based) inside the string at {@code pointer}: past the opening
     * quote, when the string has one. Column 0 is the value itself.
     */
    Position inString(String pointer, int column) {
        Position at = value(pointer);
        if (column <= 0 || !values.containsKey(pointer)) {
            return at;
        }
        int start = at.column();
        if (at.line() <= lines.size()) {
            String line = lines.get(at.line() - 1);
            if (start - 1 < line.length() && (line.charAt(start - 1) == '"' || line.charAt(start - 1) == '\'')) {
                start++;
            }
        }
        return new Position(at.line(), start + column - 1);
    }

    /** Every YAML alias of the text, in order: Jackson reads one as its anchor's name, so they are refused. */
    List<Alias> aliases() {
        return List.copyOf(aliases);
    }

    /** The text of the value at {@code pointer} as written on its line (a number such as {@code 1e309}). */
    String written(String pointer) {
        Position at = value(pointer);
        if (at.line() > lines.size()) {
            return "";
        }
        String line = lines.get(at.line() - 1);
        int start = Math.min(line.length(), at.column() - 1);
        int end = start;
        while (end < line.length() && ",]} \t#".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        return line.substring(start, end);
    }

    /** The second occurrence of the first key that an object has twice, or null. */
    Position firstRepeatedKey() {
        return firstRepeatedKey;
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    static Position position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Position.START;
        }
        return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }
}
