package dev.rampart.cli;

/** Opens the window. Implemented in the composition root, so the command line never loads JavaFX by itself. */
public interface Console {
    /** Blocks until the window is closed; returns the process exit code. */
    int open(CliContext context);
}
