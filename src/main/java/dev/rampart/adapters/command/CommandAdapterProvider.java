package dev.rampart.adapters.command;

import dev.rampart.adapters.Settings;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.DeploymentAdapterProvider;

/** {@code "adapter": {"type": "command", …}}: see {@link CommandSettings} for the settings. */
public final class CommandAdapterProvider implements DeploymentAdapterProvider {

    @Override
    public String type() {
        return "command";
    }

    @Override
    public DeploymentAdapter create(AdapterContext context) throws AdapterException {
        return new CommandAdapter(CommandSettings.read(Settings.of(context.settings(), "adapter command"),
                System.getenv()), context);
    }

    /** For tests: secrets and allowed variables come from {@code environment} instead of the process's. */
    static DeploymentAdapter create(AdapterContext context, java.util.Map<String, String> environment)
            throws AdapterException {
        return new CommandAdapter(CommandSettings.read(Settings.of(context.settings(), "adapter command",
                environment::get), environment), context);
    }
}
