package dev.rampart.cli;

/**
 * The H2 store is held by another Rampart process (a console or the agent) that offers a local channel: the command
 * is to be forwarded there instead of run here. Thrown before the command has printed or changed anything; it
 * carries the greeted connection, which whoever catches it uses or closes.
 */
final class StoreHeldElsewhere extends RuntimeException {
    private final transient ChannelClient channel;

    StoreHeldElsewhere(ChannelClient channel) {
        super("The store is held by " + channel.holder(), null, false, false);
        this.channel = channel;
    }

    ChannelClient channel() {
        return channel;
    }
}
