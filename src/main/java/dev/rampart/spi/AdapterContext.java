package dev.rampart.spi;

import java.time.Clock;
import java.util.Map;

/**
 * What a provider gets to build an adapter for one rollout.
 *
 * @param service         the service being released
 * @param version         the new version
 * @param previousVersion the version rolled back to
 * @param settings        the plan's settings for this adapter ({@code "adapter": {"type": …, …}}), as parsed JSON
 * @param clock           the engine's clock; use it instead of the system clock so dry runs stay on virtual time
 */
public record AdapterContext(String service, String version, String previousVersion, Map<String, Object> settings,
                             Clock clock) {
    public AdapterContext {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
