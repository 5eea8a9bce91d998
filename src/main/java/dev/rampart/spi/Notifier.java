package dev.rampart.spi;

/**
 * Tells people what happened: a Slack-style webhook, a generic webhook, a desktop notification.
 * A failed notification never stops a rollout; Rampart records the failure and carries on.
 */
public interface Notifier {

    /** Delivers one notice; blocks until it is handed over or throws. */
    void send(Notice notification) throws AdapterException;

    /** A notifier that tells nobody. */
    static Notifier silent() {
        return n -> { };
    }
}
