package dev.rampart.app;

import dev.rampart.cli.RampartCommand;
import dev.rampart.store.DataFolder;

import java.time.Clock;

/**
 * The program's entry point. It does not extend {@code javafx.application.Application}, so the fat jar runs on a
 * plain class path, and subcommands that need no window never load the JavaFX toolkit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The launcher is named only inside the lambda, so its JavaFX types load only when the console opens.
        int code = RampartCommand.execute(args, context -> new ConsoleLauncher().open(context),
                new BuiltInDeployments(Clock.systemUTC(), Main.class.getClassLoader(),
                        DataFolder.ofThisUser().resolve("plugins")));
        if (code != 0 || args.length > 0) {
            System.exit(code);
        }
    }
}
