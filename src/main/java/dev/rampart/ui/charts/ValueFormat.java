package dev.rampart.ui.charts;

import java.math.BigDecimal;
import java.math.MathContext;

/** How a chart writes its values: fractions as percent, milliseconds, or plain numbers. */
public enum ValueFormat {
    PERCENT, MILLIS, PLAIN;

    public String format(double value) {
        return switch (this) {
            case PERCENT -> short3(value * 100) + " %";
            case MILLIS -> short3(value) + " ms";
            case PLAIN -> short3(value);
        };
    }

    private static String short3(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
