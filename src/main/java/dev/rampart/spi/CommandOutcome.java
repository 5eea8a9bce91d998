package dev.rampart.spi;

import java.time.Duration;
import java.util.List;

/**
 * What one command did, kept as evidence.
 *
 * @param argv      the command as run (secrets masked)
 * @param exitCode  its exit status, or -1 when it was killed or could not be started
 * @param output    standard output and error, interleaved and bounded
 * @param truncated whether part of the output was left out
 * @param problem   why it failed ("exited with status 3", "timed out after PT5M"), or null when it succeeded
 * @param took      how long it ran
 */
public record CommandOutcome(List<String> argv, int exitCode, String output, boolean truncated, String problem,
                             Duration took) {
    public CommandOutcome {
        argv = List.copyOf(argv);
        output = output == null ? "" : output;
    }

    public boolean succeeded() {
        return problem == null;
    }
}
