package dev.rampart.adapters.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.adapters.webhook.SignedPoster;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.Notice;
import dev.rampart.spi.Notifier;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Posts each notice as JSON ({@code event, severity, title, body, rollout_id, at, data}), signed like the webhook
 * adapter's requests when an {@code hmac_key} is set, with an idempotency key made of the event and its time so a
 * receiver can drop a retried duplicate.
 */
final class WebhookNotifier implements Notifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI url;
    private final SignedPoster poster;
    private final NoticeFilter filter;

    WebhookNotifier(URI url, SignedPoster poster, NoticeFilter filter) {
        this.url = url;
        this.poster = poster;
        this.filter = filter;
    }

    @Override
    public void send(Notice n) throws AdapterException {
        if (!filter.passes(n)) {
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("event", n.event()).put("severity", n.severity().name())
                .put("title", n.title()).put("body", n.body()).put("at", n.at().toString());
        if (n.rolloutId() != null) {
            body.put("rollout_id", n.rolloutId());
        }
        ObjectNode data = body.putObject("data");
        n.data().forEach(data::put);
        String key = n.event() + "-" + (n.rolloutId() == null ? "system" : n.rolloutId()) + "-" + n.at().toEpochMilli();
        poster.post(url, "notification webhook " + url.getAuthority(), body.toString().getBytes(StandardCharsets.UTF_8),
                key);
    }
}
