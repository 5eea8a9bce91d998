package dev.rampart.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's health, written to a small JSON file on every tick and every change of state, and read back by
 * {@code rampart agent --health} (for systemd, a monitor, or a person): {@code state} is {@code watching},
 * {@code standby} (a console holds the H2 store and enforces halts), {@code store_unreachable} or {@code stopped}.
 */
final class AgentHealth {
    static final String WATCHING = "watching";
    static final String STANDBY = "standby";
    static final String UNREACHABLE = "store_unreachable";
    static final String STOPPED = "stopped";

    private final Path file;
    private final Duration interval;
    private final String store;
    private final Instant started = Instant.now();
    private String state = "starting";
    private Instant since = started;
    private Instant lastTick;
    private int liveRollouts;
    private String detail = "";

    AgentHealth(Path file, Duration interval, String store) {
        this.file = file;
        this.interval = interval;
        this.store = store;
    }

    /** Records a new state; true when it differs from the last one (worth a line in the log). */
    boolean state(String newState, String newDetail) {
        boolean changed = !newState.equals(state);
        if (changed) {
            since = Instant.now();
        }
        state = newState;
        detail = newDetail == null ? "" : newDetail;
        write();
        return changed;
    }

    void ticked(int live) {
        lastTick = Instant.now();
        liveRollouts = live;
        state(WATCHING, "");
    }

    String state() {
        return state;
    }

    Duration inState() {
        return Duration.between(since, Instant.now());
    }

    /** The line the agent prints when its state changes, and {@code --health} prints. */
    String line() {
        return line(state, store, since, lastTick, liveRollouts, detail, Instant.now());
    }

    private void write() {
        if (file == null) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state);
        m.put("since", since.toString());
        m.put("updated", Instant.now().toString());
        m.put("pid", ProcessHandle.current().pid());
        m.put("store", store);
        m.put("interval_ms", interval.toMillis());
        m.put("last_tick", lastTick == null ? null : lastTick.toString());
        m.put("live_rollouts", liveRollouts);
        m.put("detail", detail);
        m.put("started", started.toString());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, Json.write(m));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // health is for watching the agent; failing to write it must not stop the agent enforcing halts
        }
    }

    /**
     * {@code rampart agent --health}: 0 when the agent in {@code file} is running and watching (or standing by for a
     * console) and wrote within three intervals (at least 15 s); 1 otherwise, with the reason.
     */
    static int check(Path file, java.io.PrintWriter out) {
        JsonNode h;
        try {
            h = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            out.println("agent: not running (no health file " + file + ")");
            return ExitCode.CHECK_FAILED;
        }
        Instant now = Instant.now();
        String state = h.path("state").asText();
        Instant updated = Instant.parse(h.path("updated").asText(now.toString()));
        Duration allowed = Duration.ofMillis(Math.max(15_000, 3 * h.path("interval_ms").asLong(5_000)));
        boolean alive = ProcessHandle.of(h.path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false);
        String line = line(state, h.path("store").asText(), Instant.parse(h.path("since").asText(now.toString())),
                h.path("last_tick").isNull() ? null : Instant.parse(h.path("last_tick").asText()),
                h.path("live_rollouts").asInt(), h.path("detail").asText(), now);
        if (!alive) {
            out.println("agent: not running (pid " + h.path("pid").asLong() + " is gone); last said: " + line);
            return ExitCode.CHECK_FAILED;
        }
        if (Duration.between(updated, now).compareTo(allowed) > 0) {
            out.println("agent: stuck (nothing written for " + Duration.between(updated, now).toSeconds()
                    + " s); last said: " + line);
            return ExitCode.CHECK_FAILED;
        }
        out.println(line);
        return WATCHING.equals(state) || STANDBY.equals(state) ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private static String line(String state, String store, Instant since, Instant lastTick, int live, String detail,
                               Instant now) {
        String s = "agent: " + state.replace('_', ' ') + " " + store + " for " + seconds(since, now);
        if (WATCHING.equals(state)) {
            s += ", " + live + " live rollout" + (live == 1 ? "" : "s")
                    + (lastTick == null ? "" : ", last tick " + seconds(lastTick, now) + " ago");
        }
        return detail == null || detail.isEmpty() ? s : s + " (" + detail + ")";
    }

    private static String seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds()) + " s";
    }
}
