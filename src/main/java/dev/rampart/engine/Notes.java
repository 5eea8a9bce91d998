package dev.rampart.engine;

import java.util.HashMap;
import java.util.Map;

/** Events that describe a lasting condition (waiting for a freeze window to end): recorded once, not every tick. */
final class Notes {
    private final Journal journal;
    private final String actor;
    private final Map<String, Object> last = new HashMap<>();

    Notes(Journal journal, String actor) {
        this.journal = journal;
        this.actor = actor;
    }

    /** Records the event unless the same one was the last noted under {@code topic}. */
    void note(String topic, String type, String stage, Map<String, String> data) {
        Object fingerprint = java.util.Arrays.asList(type, stage, data);
        if (!fingerprint.equals(last.put(topic, fingerprint))) {
            journal.record(journal.event(type, stage, actor, data));
        }
    }

    void clear(String topic) {
        last.remove(topic);
    }
}
