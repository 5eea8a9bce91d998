package dev.rampart.spi;

import java.time.Clock;
import java.util.Map;

/**
 * What a provider gets to build an adapter for one rollout.
 *
 * @param service         the service being released
 * @param version         the new version
 * @param previousVersion the version rolled back to
 * @param settings        the plan's settings for this adapter ({@code "adapter": {"type": …, …}}), as parsed JSON.
 *                        Secrets (tokens, keys) appear here only by reference ({@code {"env": "NAME"}} or
 *                        {@code {"file": "/path"}}), never as values, so that plan exports stay free of them
 * @param clock           the engine's clock; use it instead of the system clock so dry runs stay on virtual time
 * @param changeId        the plan's change id ({@code REL-2026-12-01-01}), or null when there is none
 * @param evidence        where the adapter records what it did (commands run and their output, requests sent),
 *                        for the rollout's evidence pack; never null
 */
public record AdapterContext(String service, String version, String previousVersion, Map<String, Object> settings,
                             Clock clock, String changeId, Evidence evidence) {
    public AdapterContext {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        evidence = evidence == null ? Evidence.discard() : evidence;
    }

    /** A context without change id whose evidence is discarded. */
    public AdapterContext(String service, String version, String previousVersion, Map<String, Object> settings,
                          Clock clock) {
        this(service, version, previousVersion, settings, clock, null, Evidence.discard());
    }
}
