package dev.rampart.domain.rule;

/** Parses one halt-rule line (product.md, "Halt rules"). */
public final class RuleParser {
    private RuleParser() {
    }

    /** A halt rule; with no action it rolls back. */
    public static HaltRule parseRule(String text) {
        throw new UnsupportedOperationException("not yet written");
    }

    /** An entry or exit criterion: the same grammar, but an action is an error. */
    public static HaltRule parseCriterion(String text) {
        throw new UnsupportedOperationException("not yet written");
    }
}
