package dev.rampart.cli;

import dev.rampart.app.BuiltInDeployments;
import dev.rampart.engine.RolloutService;
import dev.rampart.store.Store;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;

/**
 * A child process that holds the default store as the console does (ConsoleLauncher: open the store, its rollout
 * service, the local channel as "the console", a tick a second), without a window. It prints "child> holding" and
 * lets go when its standard input closes.
 */
public final class ConsoleLikeHolder {
    private ConsoleLikeHolder() {
    }

    public static void main(String[] args) throws Exception {
        PrintWriter out = new PrintWriter(System.out, true);
        CliContext cx = new CliContext(new Globals(), c -> 0,
                new BuiltInDeployments(Clock.systemUTC(), ConsoleLikeHolder.class.getClassLoader(), null), out,
                new PrintWriter(System.err, true));
        try (Store store = cx.openStore()) {
            RolloutService rollouts = cx.rollouts(store);
            Optional<LocalChannel> channel = LocalChannel.serve(cx, store, rollouts, "the console");
            Thread ticker = new Thread(() -> {
                while (true) {
                    rollouts.tickAll();
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            ticker.setDaemon(true);
            ticker.start();
            out.println("child> holding");
            while (System.in.read() >= 0) {
                // until the parent closes our standard input
            }
            channel.ifPresent(LocalChannel::close);
        }
        out.println("child> released");
    }
}
