package dev.rampart.adapters.nginx;

import dev.rampart.adapters.Settings;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.DeploymentAdapterProvider;

/** {@code "adapter": {"type": "nginx", …}}: see {@link NginxSettings}. */
public final class NginxAdapterProvider implements DeploymentAdapterProvider {

    @Override
    public String type() {
        return "nginx";
    }

    @Override
    public DeploymentAdapter create(AdapterContext context) throws AdapterException {
        return new NginxAdapter(NginxSettings.read(Settings.of(context.settings(), "adapter nginx"), System.getenv()),
                context);
    }
}
