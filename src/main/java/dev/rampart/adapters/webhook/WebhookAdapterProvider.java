package dev.rampart.adapters.webhook;

import dev.rampart.adapters.Settings;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.DeploymentAdapterProvider;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code "adapter": {"type": "webhook", "url": "https://deploy.example/rampart", "urls": {"rollback": "…"},
 * "hmac_key": {"env": "RAMPART_WEBHOOK_KEY"}, "timeout": "PT10S", "retries": {"attempts": 4, "backoff": "PT0.25S"}}}
 */
public final class WebhookAdapterProvider implements DeploymentAdapterProvider {

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public DeploymentAdapter create(AdapterContext context) throws AdapterException {
        return create(context, System::getenv);
    }

    static DeploymentAdapter create(AdapterContext context, Function<String, String> env) throws AdapterException {
        Settings s = Settings.of(context.settings(), "adapter webhook", env);
        URI url = uri(s, "url", s.text("url"));
        Map<String, URI> perAction = new LinkedHashMap<>();
        Settings urls = s.section("urls");
        for (String action : urls.keys()) {
            perAction.put(action, uri(urls, action, urls.text(action)));
        }
        return new WebhookAdapter(Posters.read(s), url, perAction, context);
    }

    static URI uri(Settings s, String key, String text) throws AdapterException {
        try {
            URI u = URI.create(text);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw s.bad(key, "must be an http or https URL");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw s.bad(key, "is not a URL");
        }
    }
}
