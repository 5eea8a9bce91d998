package dev.rampart.adapters.command;

import dev.rampart.spi.AdapterException;

/** A command exited non-zero, timed out or hung; carries what it printed. */
public final class CommandFailure extends AdapterException {
    private final transient CommandResult result;

    CommandFailure(String action, CommandResult result) {
        super(action + ": `" + String.join(" ", result.argv()) + "` " + result.problem() + lastLines(result.output()));
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }

    /** The end of the output, enough to say why in an audit event. */
    private static String lastLines(String output) {
        String t = output.strip();
        if (t.isEmpty()) {
            return "";
        }
        return "; output ends: " + (t.length() > 400 ? "…" + t.substring(t.length() - 400) : t);
    }
}
