/**
 * The service-provider interfaces Rampart drives real systems through: {@link dev.rampart.spi.DeploymentAdapter}
 * moves traffic, {@link dev.rampart.spi.MetricSource} measures cohorts, {@link dev.rampart.spi.Notifier} tells people.
 * Plug-ins implement a {@code *Provider} and declare it in {@code META-INF/services}; Rampart finds it with
 * {@link java.util.ServiceLoader} on the class path and in the user's plug-in folder.
 * Plain Java: nothing here may import JavaFX, JDBC or the engine.
 */
package dev.rampart.spi;
