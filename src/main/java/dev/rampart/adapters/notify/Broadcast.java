package dev.rampart.adapters.notify;

import dev.rampart.spi.AdapterException;
import dev.rampart.spi.Notice;
import dev.rampart.spi.Notifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Several notifiers as one (the engine takes one): every notifier is tried even when an earlier one fails, and
 * the failures are reported together.
 */
public final class Broadcast implements Notifier {
    private final List<Notifier> notifiers;

    public Broadcast(List<Notifier> notifiers) {
        this.notifiers = List.copyOf(notifiers);
    }

    @Override
    public void send(Notice notice) throws AdapterException {
        List<String> failures = new ArrayList<>();
        for (Notifier n : notifiers) {
            try {
                n.send(notice);
            } catch (AdapterException | RuntimeException e) {
                failures.add(String.valueOf(e.getMessage()));
            }
        }
        if (!failures.isEmpty()) {
            throw new AdapterException(failures.size() + " of " + notifiers.size() + " notifiers failed: "
                    + String.join("; ", failures));
        }
    }
}
