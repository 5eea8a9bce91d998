package dev.rampart.attacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plans the attack tests import: a gated canary on the simulator, its time a thousand times faster. */
final class TeamPlans {
    /** The start gate needs product's go/no-go; four-eyes; halt rules that an edit could strip. */
    static final String GATED = """
            {"schema": "rampart/plan/v1", "change_id": "REL-ATTACK-1", "service": "checkout", "version": "2.1.0",
             "stages": [{"name": "canary", "traffic_percent": 10, "min_duration": "PT30M"},
                        {"name": "ga", "traffic_percent": 100}],
             "halt_rules": ["error_rate > 1% for 5m"],
             "approvals": {"required_roles": ["product"], "four_eyes": true},
             "adapter": {"type": "simulator", "settings": {"time_scale": 1000}}}
            """;

    private TeamPlans() {
    }

    static Path write(Path dir, String json) {
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "plan", ".json");
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
