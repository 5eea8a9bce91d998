package dev.rampart.domain.rule;

/** A rule that does not parse: {@code column} is 1-based in the rule text. */
public final class RuleSyntaxException extends RuntimeException {
    private final int column;
    private final String detail;

    public RuleSyntaxException(int column, String detail) {
        super("column " + column + ": " + detail);
        this.column = column;
        this.detail = detail;
    }

    public int column() {
        return column;
    }

    /** The message without the column, for callers that place it themselves (FILE:LINE:COL: message). */
    public String detail() {
        return detail;
    }
}
