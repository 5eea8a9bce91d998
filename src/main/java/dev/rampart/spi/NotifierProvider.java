package dev.rampart.spi;

/**
 * Makes {@link Notifier}s of one type. Declare implementations in
 * {@code META-INF/services/dev.rampart.spi.NotifierProvider}; they need a public no-argument constructor.
 */
public interface NotifierProvider {

    /** The {@code type} a plan names to choose this provider, for example {@code "simulator"}. */
    String type();

    /** A new instance for one rollout. */
    Notifier create(AdapterContext context) throws AdapterException;
}
