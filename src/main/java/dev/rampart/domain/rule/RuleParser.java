package dev.rampart.domain.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses one halt-rule line (product.md, "Halt rules"):
 * <pre>
 * rule      := condition { "and" condition } [ "for" duration ] [ "-&gt;" action ]
 * condition := metric op threshold
 * </pre>
 * Case-insensitive, spaces optional. A bad rule throws {@link RuleSyntaxException} with the column of the
 * offending token. Metric names are not checked against {@link Metrics}: a plan may define its own.
 */
public final class RuleParser {
    private static final String THRESHOLD = "expected a threshold (a number, \"baseline\", p50/p75/p95/p99)";
    private static final List<Integer> PERCENTILES = List.of(50, 75, 95, 99);
    /** The longest a condition may have to hold: windows are kept in milliseconds and added to instants. */
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    private RuleParser() {
    }

    /** A halt rule; with no action it rolls back. */
    public static HaltRule parseRule(String text) {
        return parse(text, true);
    }

    /** An entry or exit criterion: the same grammar, but an action is an error; the result's action is null. */
    public static HaltRule parseCriterion(String text) {
        return parse(text, false);
    }

    private static HaltRule parse(String text, boolean halt) {
        if (text == null || text.isBlank()) {
            throw new RuleSyntaxException(1, "empty rule: expected a condition such as \"error_rate > 1%\"");
        }
        RuleScanner in = new RuleScanner(text);
        List<Condition> conditions = new ArrayList<>();
        conditions.add(condition(in));
        while (in.acceptWord("and")) {
            conditions.add(condition(in));
        }
        Duration window = null;
        if (in.acceptWord("for")) {
            window = duration(in);
        } else if (!in.atEnd() && !in.atSymbol("->")) {
            throw in.error(halt ? "expected \"and\", \"for\" or \"->\"" : "expected \"and\" or \"for\"");
        }
        Action action = halt ? Action.ROLLBACK : null;
        if (in.atSymbol("->")) {
            if (!halt) {
                throw new RuleSyntaxException(in.column(), "a criterion takes no action: remove \"->\" and what follows");
            }
            in.acceptSymbol("->");
            action = action(in);
        } else if (!in.atEnd()) {
            throw in.error(halt ? "expected \"->\" or the end of the rule" : "expected the end of the criterion");
        }
        if (!in.atEnd()) {
            throw in.error("expected the end of the rule");
        }
        return new HaltRule(text, conditions, window, action);
    }

    private static Condition condition(RuleScanner in) {
        int column = in.column();
        String written = in.identifier();
        if (written == null) {
            throw in.error("expected a metric name such as error_rate");
        }
        Comparison op = comparison(in, written);
        Threshold threshold = threshold(in);
        return new Condition(canonical(written, threshold), written, op, threshold, column);
    }

    /** A bare {@code latency} is the p95, or the percentile its threshold names ({@code p99+30pct}). */
    private static String canonical(String written, Threshold threshold) {
        String name = written.toLowerCase(Locale.ROOT);
        if (!name.equals("latency")) {
            return name;
        }
        return threshold instanceof Threshold.BaselinePercentile p
                ? Thresholds.percentileSibling(name, p.percentile())
                : Metrics.LATENCY_P95;
    }

    private static Comparison comparison(RuleScanner in, String metric) {
        // two-character operators first, so that ">=" is not read as ">" followed by "="
        for (Comparison c : List.of(Comparison.GE, Comparison.LE, Comparison.GT, Comparison.LT)) {
            if (in.acceptSymbol(c.symbol())) {
                return c;
            }
        }
        throw in.error("expected \">\", \">=\", \"<\" or \"<=\" after \"" + metric + "\"");
    }

    private static Threshold threshold(RuleScanner in) {
        if (in.atNumber()) {
            return numeric(in);
        }
        if (in.acceptWord("baseline")) {
            double offset = signed(in, "baseline");
            if (in.acceptWord("pp")) {
                return new Threshold.BaselinePoints(offset);
            }
            percentUnit(in, "expected %, pct or pp");
            return new Threshold.BaselineRelative(offset);
        }
        String word = in.peekIdentifier();
        if (word != null && word.matches("[pP]\\d+")) {
            // p99999999999 does not fit an int: it is simply not one of the percentiles
            int percentile = word.length() > 4 ? -1 : Integer.parseInt(word.substring(1));
            if (!PERCENTILES.contains(percentile)) {
                throw in.error("expected p50, p75, p95 or p99");
            }
            in.identifier();
            double percent = signed(in, word);
            percentUnit(in, "expected % or pct");
            return new Threshold.BaselinePercentile(percentile, percent);
        }
        throw in.error(THRESHOLD);
    }

    /** {@code 2pct}, {@code 1%}, {@code 2500ms}, {@code 2s}, {@code 0.1}, {@code 5x baseline}, {@code 3sigma}. */
    private static Threshold numeric(RuleScanner in) {
        int column = in.column();
        String written = in.number();
        double n = finite(written, column);
        if (in.acceptWord("x")) {
            if (!in.acceptWord("baseline")) {
                throw in.error("expected \"baseline\" after \"" + written + "x\"");
            }
            return new Threshold.BaselineMultiple(n);
        }
        if (in.acceptWord("sigma")) {
            return new Threshold.Sigma(n);
        }
        if (in.acceptSymbol("%")) {
            return new Threshold.Absolute(n / 100, Threshold.Unit.PERCENT);
        }
        if (in.acceptWord("pct")) {
            return new Threshold.Absolute(n / 100, Threshold.Unit.PCT);
        }
        if (in.acceptWord("ms")) {
            return new Threshold.Absolute(n, Threshold.Unit.MILLIS);
        }
        if (in.acceptWord("s")) {
            return new Threshold.Absolute(n * 1000, Threshold.Unit.SECONDS);
        }
        String word = in.peekIdentifier();
        if (word != null && !in.atWord("and") && !in.atWord("for")) {
            throw new RuleSyntaxException(in.column(), "unknown unit \"" + word + "\" after " + written
                    + ": expected %, pct, ms, s, \"x baseline\" or \"sigma\"");
        }
        return new Threshold.Absolute(n, Threshold.Unit.NONE);
    }

    /** {@code +30} or {@code -10} after {@code baseline} or a percentile. */
    private static double signed(RuleScanner in, String after) {
        // "->" is the start of an action, not a minus sign
        double sign = in.atSymbol("->") ? 0 : in.acceptSymbol("+") ? 1 : in.acceptSymbol("-") ? -1 : 0;
        if (sign == 0) {
            throw in.error("expected \"+\" or \"-\" after \"" + after + "\"");
        }
        if (!in.atNumber()) {
            throw in.error("expected a number after \"" + after + (sign > 0 ? "+" : "-") + "\"");
        }
        int column = in.column();
        return sign * finite(in.number(), column);
    }

    /** A number as written (digits, maybe a fraction); more than 308 digits is beyond a double, not infinity. */
    private static double finite(String written, int column) {
        double n = Double.parseDouble(written);
        if (!Double.isFinite(n)) {
            throw new RuleSyntaxException(column, "the number " + abbreviated(written)
                    + " is too large: a threshold must be a finite number");
        }
        return n;
    }

    private static String abbreviated(String written) {
        return written.length() <= 20 ? written : written.substring(0, 12) + "…(" + written.length() + " digits)";
    }

    private static void percentUnit(RuleScanner in, String expected) {
        if (!in.acceptSymbol("%") && !in.acceptWord("pct")) {
            throw in.error(expected);
        }
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}: how long the conditions must hold. */
    private static Duration duration(RuleScanner in) {
        int column = in.column();
        if (!in.atNumber()) {
            throw in.error("expected a duration such as 5m after \"for\"");
        }
        String written = in.number();
        double n = finite(written, column);
        long unitMillis;
        if (in.acceptWord("s")) {
            unitMillis = 1_000;
        } else if (in.acceptWord("m")) {
            unitMillis = 60_000;
        } else if (in.acceptWord("h")) {
            unitMillis = 3_600_000;
        } else {
            throw in.error("expected s, m or h after the duration");
        }
        if (n * unitMillis > MAX_WINDOW.toMillis()) {
            throw new RuleSyntaxException(column, "the duration " + abbreviated(written) + " is too long: at most "
                    + MAX_WINDOW.toDays() + " days");
        }
        long millis = Math.round(n * unitMillis);
        if (millis <= 0) {
            throw new RuleSyntaxException(column, "the duration must be more than zero");
        }
        return Duration.ofMillis(millis);
    }

    private static Action action(RuleScanner in) {
        int column = in.column();
        String word = in.identifier();
        if (word == null) {
            throw in.error("expected an action (pause, rollback or alert) after \"->\"");
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "pause" -> Action.PAUSE;
            case "rollback" -> Action.ROLLBACK;
            case "alert" -> Action.ALERT;
            default -> throw new RuleSyntaxException(column,
                    "unknown action \"" + word + "\": expected pause, rollback or alert");
        };
    }
}
