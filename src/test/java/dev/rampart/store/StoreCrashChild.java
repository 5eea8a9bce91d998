package dev.rampart.store;

import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Run in a child JVM by the store tests. {@code append URL}: appends audit events until killed, printing
 * its seq after each commit returns. {@code hold URL}: opens the store, prints that it is open, and closes it
 * when standard input ends.
 */
public final class StoreCrashChild {

    private StoreCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (Store store = Store.open(args[1])) {
            if (args[0].equals("hold")) {
                out.println(ChildJvm.REPLY + "open");
                out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close our standard input
                }
                return;
            }
            for (long i = 0; ; i++) {
                AuditEvent event = store.audit().append(new NewEvent(null, Instant.now(), "crash.test", "child",
                        null, Map.of("i", Long.toString(i), "padding", "x".repeat((int) (i % 200)))));
                out.println(ChildJvm.REPLY + event.seq());
                out.flush();
            }
        }
    }
}
