package dev.rampart.cli;

import dev.rampart.app.BuiltInDeployments;

import java.io.PrintWriter;
import java.time.Clock;
import java.io.StringWriter;

/** One in-process run of the command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console noWindow = context -> {
            throw new AssertionError("the console must not open in a command-line test");
        };
        int code = RampartCommand.execute(args, noWindow,
                new BuiltInDeployments(Clock.systemUTC(), CliRun.class.getClassLoader(), null),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
