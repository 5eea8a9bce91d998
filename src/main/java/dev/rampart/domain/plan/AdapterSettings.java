package dev.rampart.domain.plan;

import java.util.Map;

/** Which deployment adapter drives the rollout, with its own settings (argv templates, URLs, file paths). */
public record AdapterSettings(String type, Map<String, Object> settings) {
    public AdapterSettings {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    public static AdapterSettings simulator() {
        return new AdapterSettings("simulator", null);
    }
}
