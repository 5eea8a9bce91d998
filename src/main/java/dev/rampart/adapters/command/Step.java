package dev.rampart.adapters.command;

import java.time.Duration;
import java.util.List;

/** One argv template of an action, with its own timeout (null: the adapter's). */
record Step(List<String> argv, Duration timeout) {
    Step {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("an argv needs at least the program");
        }
    }
}
