package dev.rampart.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One input file read as a tree, strictly: bounded in size ({@link SourceText}), exactly one JSON or YAML document,
 * no YAML aliases, every number finite. Problems are placed at their line and column; when there are any, there is
 * no tree. Plans ({@link PlanImporter}) and dry-run scenarios are read through this.
 */
public final class SourceDocument {
    /** SnakeYAML scans one unbroken word in time that grows with the square of its length (3 MB: 10 s). */
    static final int MAX_YAML_WORD = 64 * 1024;
    private static final PlanFormat FORMAT = new PlanFormat();

    private final String name;
    private final Format format;
    private final SourceProblems problems;
    private final JsonNode tree;

    private SourceDocument(String name, Format format, SourceProblems problems, JsonNode tree) {
        this.name = name;
        this.format = format;
        this.problems = problems;
        this.tree = tree;
    }

    /** The file at {@code file}, JSON or YAML by its name. */
    public static SourceDocument read(Path file) {
        SourceText.Read read = SourceText.read(file);
        if (read.problem() != null) {
            String name = file.toString();
            SourceProblems p = new SourceProblems(name, LocationIndex.of("", FORMAT.mapper(Format.JSON)));
            p.at(new LocationIndex.Position(read.problem().line(), read.problem().column()), read.problem().message());
            return new SourceDocument(name, Format.of(name, ""), p, null);
        }
        return parse(file.toString(), read.text());
    }

    /** {@code text} as the content of a file called {@code name} (which picks JSON or YAML). */
    public static SourceDocument parse(String name, String text) {
        return parse(name, text, FORMAT);
    }

    static SourceDocument parse(String name, String text, PlanFormat planFormat) {
        String t = SourceText.withoutBom(text == null ? "" : text);
        Format fmt = Format.of(name, t);
        if (fmt == Format.YAML) {
            LocationIndex.Position longWord = longWord(t);
            if (longWord != null) {
                SourceProblems p = new SourceProblems(name, LocationIndex.of("", planFormat.mapper(Format.JSON)));
                p.at(longWord, "a word of more than " + MAX_YAML_WORD + " characters without a space or line break;"
                        + " Rampart does not read YAML values that long (use JSON)");
                return new SourceDocument(name, fmt, p, null);
            }
        }
        LocationIndex index = LocationIndex.of(t, planFormat.mapper(fmt));
        SourceProblems problems = new SourceProblems(name, index);
        JsonNode tree;
        try {
            tree = planFormat.readTree(t, fmt);
        } catch (MismatchedInputException e) {
            // FAIL_ON_TRAILING_TOKENS: a second document after the first
            problems.at(LocationIndex.position(e.getLocation()), "not valid " + fmt
                    + ": more follows the end of the document; a file holds exactly one");
            return new SourceDocument(name, fmt, problems, null);
        } catch (JsonProcessingException e) {
            ReadErrors.syntax(e, fmt, problems);
            return new SourceDocument(name, fmt, problems, null);
        }
        for (LocationIndex.Alias alias : index.aliases()) {
            problems.at(alias.at(), "YAML alias *" + alias.name() + ": Rampart does not follow aliases;"
                    + " write the value out");
        }
        if (tree != null) {
            checkNumbers(tree, "", problems);
        }
        return new SourceDocument(name, fmt, problems, problems.list().isEmpty() ? tree : null);
    }

    /** The document, or null when it has problems or is empty. */
    public JsonNode tree() {
        return tree;
    }

    /** What is wrong with the file as JSON or YAML, in file order; empty when {@link #tree} can be used. */
    public List<Problem> problems() {
        return problems.list();
    }

    public boolean ok() {
        return problems.list().isEmpty();
    }

    public String name() {
        return name;
    }

    /** A problem with the value at {@code pointer} (a JSON pointer such as {@code /events/2/at}), placed at it. */
    public Problem problemAt(String pointer, String message) {
        LocationIndex.Position at = problems.index().value(pointer);
        return new Problem(name, at.line(), at.column(), message);
    }

    Format format() {
        return format;
    }

    SourceProblems sourceProblems() {
        return problems;
    }

    /** A number beyond ±1.8e308 is parsed as infinity: refuse it where it is written. */
    private static void checkNumbers(JsonNode node, String pointer, SourceProblems problems) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            problems.atValue(pointer, ReadErrors.subject(pointer) + ": " + problems.index().written(pointer)
                    + " is not a finite number (beyond ±1.8e308)");
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                checkNumbers(field.getValue(), LocationIndex.child(pointer, field.getKey()), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNumbers(node.get(i), LocationIndex.child(pointer, i), problems);
            }
        }
    }

    /** Where the first run of more than {@link #MAX_YAML_WORD} characters without white space starts, or null. */
    private static LocationIndex.Position longWord(String text) {
        int line = 1;
        int lineStart = 0;
        int runStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
            if (Character.isWhitespace(c)) {
                runStart = i + 1;
            } else if (i - runStart >= MAX_YAML_WORD) {
                return new LocationIndex.Position(line, runStart - lineStart + 1);
            }
        }
        return null;
    }
}
