package dev.rampart.cli;

import dev.rampart.domain.rollout.Rollout;
import dev.rampart.engine.RolloutService;
import dev.rampart.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The headless engine: ticks every live rollout until stopped, so halt rules keep being enforced when every console
 * is closed. SIGTERM (or Ctrl+C) lets the tick in progress finish, then closes the store; nothing is cut off midway.
 */
@Command(name = "agent", description = "Run the rollout engine headless until stopped (SIGTERM ends it cleanly).")
final class AgentCommand implements Callable<Integer> {
    private final CliContext cx;
    @Option(names = "--interval", defaultValue = "PT5S", paramLabel = "DURATION",
            description = "Time between ticks, ISO-8601 (default PT5S).")
    Duration interval;
    @Option(names = "--ticks", paramLabel = "N", description = "Stop after N ticks (for scripts and tests).")
    Long maxTicks;

    AgentCommand(CliContext cx) {
        this.cx = cx;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (interval.isNegative() || interval.isZero()) {
            throw CliException.badInput("--interval must be positive, not " + interval);
        }
        CountDownLatch stop = new CountDownLatch(1);
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
        try (Store store = cx.openStoreAsAgent()) {
            RolloutService service = cx.rollouts(store);
            cx.out().printf("agent: watching %s every %s%n", store.describe(), interval);
            cx.out().flush();
            Map<Long, String> seen = new HashMap<>();
            for (long n = 0; maxTicks == null || n < maxTicks; n++) {
                tickOnce(service, seen);
                if (stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            cx.out().println("agent: stopped cleanly");
            cx.out().flush();
        } finally {
            stopped.countDown();
            if (stop.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return ExitCode.OK;
    }

    private void tickOnce(RolloutService service, Map<Long, String> seen) {
        Map<Long, String> failures = service.tickAll();
        failures.forEach((id, message) -> cx.err().printf("agent: rollout %d: %s%n", id, message));
        for (Rollout r : service.all()) {
            String now = r.state().wireName() + "@" + r.stageIndex();
            if (!now.equals(seen.put(r.id(), now))) {
                cx.out().printf("%s rollout %d: %s, stage %d%n", Instant.now(), r.id(), r.state().wireName(),
                        r.stageIndex());
            }
        }
        cx.out().flush();
    }
}
