package dev.rampart.adapters.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.adapters.Secret;
import dev.rampart.adapters.webhook.SignedPoster;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.Notice;
import dev.rampart.spi.Notifier;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Posts notices to a Slack-compatible incoming webhook ({@code {"text": …, "blocks": […]}}; Mattermost and
 * Rocket.Chat accept the same). The webhook URL is the credential, so it is a secret reference and never shown.
 */
final class SlackNotifier implements Notifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Secret url;
    private final SignedPoster poster;
    private final NoticeFilter filter;
    private final String channel;

    SlackNotifier(Secret url, SignedPoster poster, NoticeFilter filter, String channel) {
        this.url = url;
        this.poster = poster;
        this.filter = filter;
        this.channel = channel;
    }

    @Override
    public void send(Notice n) throws AdapterException {
        if (!filter.passes(n)) {
            return;
        }
        URI target;
        try {
            target = URI.create(url.reveal());
        } catch (IllegalArgumentException e) {
            throw new AdapterException("the Slack webhook URL in " + url.reference() + " is not a URL", null, false);
        }
        poster.post(target, "Slack webhook (" + url.reference() + ")", body(n).getBytes(StandardCharsets.UTF_8), null);
    }

    String body(Notice n) {
        String icon = switch (n.severity()) {
            case CRITICAL -> ":rotating_light:";
            case WARNING -> ":warning:";
            case INFO -> ":information_source:";
        };
        String headline = icon + " *" + escape(n.title()) + "*";
        ObjectNode root = JSON.createObjectNode().put("text", icon + " " + escape(n.title()));
        if (channel != null) {
            root.put("channel", channel);
        }
        ArrayNode blocks = root.putArray("blocks");
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", headline
                + (n.body().isBlank() ? "" : "\n" + escape(n.body())));
        ArrayNode fields = JSON.createArrayNode();
        n.data().forEach((k, v) -> {
            if (fields.size() < 10) { // Slack's limit per section
                fields.addObject().put("type", "mrkdwn").put("text", "*" + escape(k) + "*\n" + escape(v));
            }
        });
        if (!fields.isEmpty()) {
            blocks.addObject().put("type", "section").set("fields", fields);
        }
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", n.event() + (n.rolloutId() == null ? "" : " · rollout " + n.rolloutId()) + " · " + n.at());
        return root.toString();
    }

    /** Slack's three control characters. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
