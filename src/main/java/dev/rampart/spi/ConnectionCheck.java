package dev.rampart.spi;

/**
 * Optional: an adapter, metric source or notifier that can tell whether it reaches the system it drives, without
 * changing anything there. The console's "test connection" calls it.
 */
public interface ConnectionCheck {

    /**
     * Reaches the system and returns a one-line description of what answered ("Prometheus 2.42.0 at
     * 127.0.0.1:9090").
     *
     * @throws AdapterException saying what could not be reached and why
     */
    String checkConnection() throws AdapterException;
}
