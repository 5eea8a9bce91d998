package dev.rampart.spi;

/**
 * Makes {@link DeploymentAdapter}s of one type. Declare implementations in
 * {@code META-INF/services/dev.rampart.spi.DeploymentAdapterProvider}; they need a public no-argument constructor.
 */
public interface DeploymentAdapterProvider {

    /** The {@code type} a plan names to choose this provider, for example {@code "simulator"}. */
    String type();

    /** A new instance for one rollout. */
    DeploymentAdapter create(AdapterContext context) throws AdapterException;
}
