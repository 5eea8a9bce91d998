package dev.rampart.adapters.notify;

import dev.rampart.adapters.Settings;
import dev.rampart.adapters.webhook.Posters;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.Notifier;
import dev.rampart.spi.NotifierProvider;

import java.net.URI;

/** {@code {"type": "webhook", "url": "https://hooks.example/rampart", "hmac_key": {"env": "…"}, "events": [...]}} */
public final class WebhookNotifierProvider implements NotifierProvider {

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public Notifier create(AdapterContext context) throws AdapterException {
        return create(context, System::getenv);
    }

    static Notifier create(AdapterContext context, java.util.function.Function<String, String> env)
            throws AdapterException {
        Settings s = Settings.of(context.settings(), "notifier webhook", env);
        String text = s.has("url") ? s.text("url") : s.text("target");
        URI url;
        try {
            url = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw s.bad("url", "is not a URL");
        }
        return new WebhookNotifier(url, Posters.read(s), NoticeFilter.read(s));
    }
}
