package dev.rampart.cli;

/** A failure the user should read as one clear line, with the exit code it means. */
public final class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliException badInput(String message) {
        return new CliException(ExitCode.BAD_INPUT, message);
    }
}
