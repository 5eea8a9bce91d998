package dev.rampart.domain.rule;

import java.util.List;

/**
 * A cursor over one rule line for {@link RuleParser}: skips spaces, matches words case-insensitively and knows the
 * 1-based column of what comes next. Spaces are optional in rules, so a word may end where another keyword starts
 * ({@code 1%for5m}, {@code 5xbaseline}, {@code 2pctand}); the parser says which word it expects, never the scanner.
 */
final class RuleScanner {
    /** Keywords that may follow another word with no space between them. */
    private static final List<String> GLUED = List.of("and", "for", "baseline");

    private final String text;
    private int pos;

    RuleScanner(String text) {
        this.text = text;
    }

    int column() {
        skipSpaces();
        return pos + 1;
    }

    boolean atEnd() {
        skipSpaces();
        return pos >= text.length();
    }

    boolean atSymbol(String symbol) {
        skipSpaces();
        return text.startsWith(symbol, pos);
    }

    boolean acceptSymbol(String symbol) {
        if (!atSymbol(symbol)) {
            return false;
        }
        pos += symbol.length();
        return true;
    }

    /** Whether {@code word} comes next as a whole word, or glued to a keyword that may follow it. */
    boolean atWord(String word) {
        skipSpaces();
        if (!text.regionMatches(true, pos, word, 0, word.length())) {
            return false;
        }
        int end = pos + word.length();
        return endsWord(end) || GLUED.stream()
                .anyMatch(g -> text.regionMatches(true, end, g, 0, g.length()) && endsWord(end + g.length()));
    }

    boolean acceptWord(String word) {
        if (!atWord(word)) {
            return false;
        }
        pos += word.length();
        return true;
    }

    /** The identifier ({@code [a-z][a-z0-9_]*}) that comes next, as written, or null. */
    String peekIdentifier() {
        skipSpaces();
        int end = pos;
        if (end < text.length() && isLetter(text.charAt(end))) {
            while (end < text.length() && (isLetter(text.charAt(end)) || isDigit(text.charAt(end))
                    || text.charAt(end) == '_')) {
                end++;
            }
        }
        return end == pos ? null : text.substring(pos, end);
    }

    String identifier() {
        String word = peekIdentifier();
        if (word != null) {
            pos += word.length();
        }
        return word;
    }

    boolean atNumber() {
        skipSpaces();
        return pos < text.length() && (isDigit(text.charAt(pos))
                || text.charAt(pos) == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)));
    }

    /** The number that comes next ({@code 12}, {@code 0.5}, {@code .5}) as written; call only when {@link #atNumber}. */
    String number() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        return text.substring(start, pos);
    }

    /** An error at the next token: "{@code expected} but found ...". */
    RuleSyntaxException error(String expected) {
        return new RuleSyntaxException(column(), expected + " but found " + found());
    }

    /** What comes next, quoted, for error messages. */
    String found() {
        skipSpaces();
        if (pos >= text.length()) {
            return "the end of the rule";
        }
        int end = pos + 1;
        if (isWordChar(text.charAt(pos))) {
            while (end < text.length() && isWordChar(text.charAt(end))) {
                end++;
            }
        } else if (text.startsWith("->", pos) || text.startsWith(">=", pos) || text.startsWith("<=", pos)) {
            end = pos + 2;
        }
        return '"' + text.substring(pos, end) + '"';
    }

    private boolean endsWord(int end) {
        return end >= text.length() || !(isLetter(text.charAt(end)) || text.charAt(end) == '_');
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
