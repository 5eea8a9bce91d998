package dev.rampart.app;

import dev.rampart.cli.Console;
import dev.rampart.cli.Globals;

/** Starts the JavaFX toolkit and shows the main window; the only place the command line reaches JavaFX. */
final class ConsoleLauncher implements Console {
    @Override
    public int open(Globals globals) {
        System.err.println("rampart: the console is not built yet; use a subcommand (rampart --help)");
        return 1;
    }
}
