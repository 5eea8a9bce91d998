package dev.rampart.ui.adapters;

import dev.rampart.adapters.Plugins;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.ConnectionCheck;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.DeploymentAdapterProvider;
import dev.rampart.spi.Health;
import dev.rampart.spi.MetricSourceProvider;
import dev.rampart.spi.NotifierProvider;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Builds an adapter from settings (which validates them: a provider refuses bad settings with a message naming
 * the setting) and, for "test connection", asks it whether it reaches its system without changing anything.
 */
final class ConnectionTester {
    private ConnectionTester() {
    }

    /** The built instance, or the provider's refusal. */
    static Object build(Plugins.Found<?> found, Map<String, Object> settings) throws AdapterException {
        AdapterContext context = new AdapterContext("connection-test", "0.0.0", "0.0.0", settings, Clock.systemUTC());
        Object provider = found.provider();
        if (provider instanceof DeploymentAdapterProvider p) {
            return p.create(context);
        }
        if (provider instanceof MetricSourceProvider p) {
            return p.create(context);
        }
        if (provider instanceof NotifierProvider p) {
            return p.create(context);
        }
        throw new AdapterException("unknown kind of plug-in: " + provider.getClass().getName(), null, false);
    }

    /** One line saying what answered. */
    static String test(Object instance) throws AdapterException {
        if (instance instanceof ConnectionCheck c) {
            return c.checkConnection();
        }
        if (instance instanceof DeploymentAdapter a) {
            Health h = a.health();
            if (h.status() == Health.Status.DOWN) {
                throw new AdapterException("reports itself down: " + h.detail());
            }
            return h.status().name().toLowerCase(Locale.ROOT) + (h.detail().isBlank() ? "" : ": " + h.detail());
        }
        return "settings are valid; this plug-in has no connection test";
    }
}
