package dev.rampart.spi;

/**
 * Makes {@link MetricSource}s of one type. Declare implementations in
 * {@code META-INF/services/dev.rampart.spi.MetricSourceProvider}; they need a public no-argument constructor.
 */
public interface MetricSourceProvider {

    /** The {@code type} a plan names to choose this provider, for example {@code "simulator"}. */
    String type();

    /** A new instance for one rollout. */
    MetricSource create(AdapterContext context) throws AdapterException;
}
