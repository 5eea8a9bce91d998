package dev.rampart.cli;

import dev.rampart.domain.rollout.Rollout;
import dev.rampart.engine.RolloutService;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import dev.rampart.store.StoreUnreachableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The headless engine: ticks every live rollout until stopped, so halt rules keep being enforced when every console
 * is closed. SIGTERM (or Ctrl+C) lets the tick in progress finish, then closes the store; nothing is cut off midway.
 * A store that cannot be reached (a database restart) is waited out with backoff, and the agent starts afresh from
 * the store when it returns. On an H2 store held by a console, the agent stands by and takes over when it closes.
 */
@Command(name = "agent", description = {"Run the rollout engine headless until stopped (SIGTERM ends it cleanly).",
        "It survives store outages, writes its health to a file, and --health reads it (exit 0 healthy, 1 not)."})
final class AgentCommand implements Callable<Integer> {
    /** Longest wait between attempts to reach a store that is down. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final CliContext cx;
    @Option(names = "--interval", defaultValue = "PT5S", paramLabel = "DURATION",
            description = "Time between ticks, ISO-8601 (default PT5S).")
    Duration interval;
    @Option(names = "--ticks", paramLabel = "N", description = "Stop after N ticks (for scripts and tests).")
    Long maxTicks;
    @Option(names = "--status-file", paramLabel = "FILE",
            description = "Where the agent writes its health (default: agent-status.json in the data folder).")
    Path statusFile;
    @Option(names = "--health", description = "Print the running agent's health line and exit: 0 watching (or"
            + " standing by for a console), 1 otherwise.")
    boolean health;

    private final CountDownLatch stop = new CountDownLatch(1);
    private long ticks;

    AgentCommand(CliContext cx) {
        this.cx = cx;
    }

    @Override
    public Integer call() throws InterruptedException {
        Path status = statusFile != null ? statusFile : DataFolder.ofThisUser().resolve("agent-status.json");
        if (health) {
            return AgentHealth.check(status, cx.out());
        }
        if (cx.session() instanceof ForwardedCommand.Forwarded f) {
            throw new CliException(ExitCode.CHECK_FAILED, "the store is held by " + f.holder()
                    + ", which enforces halt rules itself; run the agent as its own process");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw CliException.badInput("--interval must be positive, not " + interval);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rampart-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        AgentHealth state = new AgentHealth(status, interval, describe(cx.storeUrl()));
        try {
            while (!stopping()) {
                Store store = open(state);
                if (store == null) {
                    break;
                }
                try (store) {
                    watch(store, state);
                }
            }
            state.state(AgentHealth.STOPPED, "");
            say("agent: stopped cleanly");
        } finally {
            stopped.countDown();
            if (stop.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return ExitCode.OK;
    }

    /** Opens the store, standing by while a console holds it and waiting out outages; null when told to stop. */
    private Store open(AgentHealth state) throws InterruptedException {
        Duration backoff = Duration.ofMillis(500);
        while (!stopping()) {
            try {
                return cx.openStoreAsAgent();
            } catch (StoreHeldElsewhere held) {
                String holder = held.channel().holder();
                held.channel().close();
                if (state.state(AgentHealth.STANDBY, holder + " holds the store and enforces halt rules")) {
                    say(state.line() + "; taking over when it closes");
                }
                await(interval);
            } catch (StoreUnreachableException e) {
                if (state.state(AgentHealth.UNREACHABLE, e.getMessage())) {
                    say("agent: the store cannot be reached (" + e.getMessage() + "); trying again");
                }
                await(backoff);
                backoff = next(backoff);
            }
        }
        return null;
    }

    /** Ticks until told to stop, or the store goes away (then returns, to be opened afresh). */
    private void watch(Store store, AgentHealth state) throws InterruptedException {
        RolloutService service = cx.rollouts(store);
        Optional<LocalChannel> channel = LocalChannel.serve(cx, store, service, "the agent");
        try {
            say("agent: watching " + store.describe() + " every " + interval);
            Map<Long, String> seen = new HashMap<>();
            Instant lost = null;
            Duration backoff = Duration.ofMillis(500);
            while (!stopping()) {
                try {
                    store.ping();
                    if (lost != null) {
                        say("agent: the store is back after " + Duration.between(lost, Instant.now()).toMillis()
                                + " ms; attaching to its rollouts afresh");
                        lost = null;
                        if (channel.isEmpty()) {
                            // Nothing kept from before the outage: every engine is attached again from the store.
                            service = cx.newRollouts(store);
                        }
                    }
                    tickOnce(service, seen, state);
                    backoff = Duration.ofMillis(500);
                    if (maxTicks != null && ++ticks >= maxTicks) {
                        stop.countDown();
                    }
                    await(interval);
                } catch (StoreUnreachableException e) {
                    if (lost == null) {
                        lost = Instant.now();
                        say("agent: the store cannot be reached (" + e.getMessage() + "); trying again");
                    }
                    state.state(AgentHealth.UNREACHABLE, e.getMessage());
                    await(backoff);
                    backoff = next(backoff);
                } catch (RuntimeException e) {
                    // One bad tick (a lock time-out, a refused write) is said and the agent carries on.
                    cx.err().println("agent: tick failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    cx.err().flush();
                    await(interval);
                }
            }
        } finally {
            channel.ifPresent(LocalChannel::close);
        }
    }

    /**
     * Ticks every live rollout; one that fails does not stop the others, but a store that cannot be reached ends the
     * tick (thrown), so that the outage is waited out as one.
     */
    private void tickOnce(RolloutService service, Map<Long, String> seen, AgentHealth state) {
        for (Rollout r : service.live()) {
            try {
                service.tick(r.id());
            } catch (StoreUnreachableException e) {
                throw e;
            } catch (RuntimeException e) {
                cx.err().printf("agent: rollout %d: %s%n", r.id(), e.getMessage() == null ? e : e.getMessage());
            }
        }
        List<Rollout> all = service.all();
        for (Rollout r : all) {
            String now = r.state().wireName() + "@" + r.stageIndex();
            if (!now.equals(seen.put(r.id(), now))) {
                cx.out().printf("%s rollout %d: %s, stage %d%n", Instant.now(), r.id(), r.state().wireName(),
                        r.stageIndex());
            }
        }
        boolean changed = !AgentHealth.WATCHING.equals(state.state());
        state.ticked((int) all.stream().filter(r -> r.state().isLive()).count());
        if (changed) {
            say(state.line());
        }
        cx.out().flush();
        cx.err().flush();
    }

    private void say(String line) {
        cx.out().println(line);
        cx.out().flush();
    }

    private boolean stopping() {
        return stop.getCount() == 0;
    }

    private void await(Duration d) throws InterruptedException {
        stop.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    private static String describe(String url) {
        return Store.h2FileOf(url).map(Path::toString).orElse(url.replaceAll("(?i)(password=)[^&;]*", "$1***"));
    }
}
