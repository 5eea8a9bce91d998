package dev.rampart.adapters.notify;

import dev.rampart.adapters.Settings;
import dev.rampart.adapters.webhook.Posters;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.Notifier;
import dev.rampart.spi.NotifierProvider;

/**
 * {@code {"type": "slack", "url": {"env": "SLACK_WEBHOOK_URL"}, "channel": "#releases", "events": [...]}}; the
 * plan's notification {@code target} may be given as {@code url}.
 */
public final class SlackNotifierProvider implements NotifierProvider {

    @Override
    public String type() {
        return "slack";
    }

    @Override
    public Notifier create(AdapterContext context) throws AdapterException {
        return create(context, System::getenv);
    }

    static Notifier create(AdapterContext context, java.util.function.Function<String, String> env)
            throws AdapterException {
        Settings s = Settings.of(context.settings(), "notifier slack", env);
        return new SlackNotifier(s.has("url") ? s.secret("url") : s.secret("target"), Posters.read(s),
                NoticeFilter.read(s), s.optionalText("channel").orElse(null));
    }
}
