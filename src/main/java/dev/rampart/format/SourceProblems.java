package dev.rampart.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Problems found in one input file, placed by JSON pointer through the file's {@link LocationIndex}. */
final class SourceProblems {
    private final String file;
    private final LocationIndex index;
    private final List<Problem> problems = new ArrayList<>();

    SourceProblems(String file, LocationIndex index) {
        this.file = file;
        this.index = index;
    }

    void atValue(String pointer, String message) {
        add(index.value(pointer), message);
    }

    void atKey(String pointer, String message) {
        add(index.key(pointer), message);
    }

    /** At the {@code column}-th character (1-based) of the string at {@code pointer}; 0 is the value itself. */
    void inString(String pointer, int column, String message) {
        add(index.inString(pointer, column), message);
    }

    void at(LocationIndex.Position at, String message) {
        add(at, message);
    }

    /** In the order they appear in the file. */
    List<Problem> list() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return List.copyOf(sorted);
    }

    LocationIndex index() {
        return index;
    }

    private void add(LocationIndex.Position at, String message) {
        Problem p = new Problem(file, at.line(), at.column(), message);
        if (!problems.contains(p)) {
            problems.add(p);
        }
    }
}
