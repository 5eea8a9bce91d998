package dev.rampart.adapters.command;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one command did, kept as evidence. Secret values are already masked in {@code argv} and {@code output}.
 *
 * @param argv      the command as run
 * @param exitCode  its exit status, or -1 when it was killed
 * @param took      how long it ran
 * @param output    standard output and error, interleaved, bounded
 * @param truncated whether part of the output was left out
 * @param problem   why it failed ("timed out after PT5S"), or null when it succeeded
 * @param leftovers processes it left running after it exited, which were killed
 */
public record CommandResult(List<String> argv, int exitCode, Duration took, String output, boolean truncated,
                            String problem, int leftovers) {

    public boolean succeeded() {
        return problem == null;
    }

    /** Flat facts for the evidence pack. */
    public Map<String, String> evidence() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("argv", String.join(" ", argv));
        m.put("exit_code", Integer.toString(exitCode));
        m.put("duration_ms", Long.toString(took.toMillis()));
        m.put("output", output);
        m.put("output_truncated", Boolean.toString(truncated));
        if (leftovers > 0) {
            m.put("leftover_processes_killed", Integer.toString(leftovers));
        }
        if (problem != null) {
            m.put("problem", problem);
        }
        return m;
    }
}
