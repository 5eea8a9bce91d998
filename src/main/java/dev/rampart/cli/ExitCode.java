package dev.rampart.cli;

/** The exit codes of product.md: 0 ok, 1 check failed, 2 bad input. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
