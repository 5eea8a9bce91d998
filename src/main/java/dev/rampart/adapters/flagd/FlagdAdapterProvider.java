package dev.rampart.adapters.flagd;

import dev.rampart.adapters.Settings;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.DeploymentAdapterProvider;

import java.nio.file.Path;

/**
 * {@code "adapter": {"type": "flagd", "file": "/etc/flagd/checkout.flagd.json", "cohorts": ["canary", "beta"]}}:
 * {@code cohorts} lists cohort flags to keep in the file even while they are at 0 %.
 */
public final class FlagdAdapterProvider implements DeploymentAdapterProvider {

    @Override
    public String type() {
        return "flagd";
    }

    @Override
    public DeploymentAdapter create(AdapterContext context) throws AdapterException {
        Settings s = Settings.of(context.settings(), "adapter flagd");
        return new FlagdAdapter(Path.of(s.text("file")), s.strings("cohorts"), context);
    }
}
