package dev.rampart.cli;

import java.io.PrintWriter;

/** What every command is handed: the shared options, the window opener and where to print. */
public record CliContext(Globals globals, Console console, PrintWriter out, PrintWriter err) {
}
