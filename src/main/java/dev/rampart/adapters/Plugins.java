package dev.rampart.adapters;

import dev.rampart.spi.DeploymentAdapterProvider;
import dev.rampart.spi.MetricSourceProvider;
import dev.rampart.spi.NotifierProvider;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every adapter, metric source and notifier Rampart can use: those on the class path (declared in
 * {@code META-INF/services}) and those in the jars of the user's plug-in folder ({@code <data folder>/plugins}),
 * each jar in a class loader of its own. A jar that cannot be loaded, or a type already taken, is reported as a
 * problem and skipped: one broken plug-in never keeps the console from starting.
 */
public final class Plugins {
    private final Map<String, Found<DeploymentAdapterProvider>> deployments = new LinkedHashMap<>();
    private final Map<String, Found<MetricSourceProvider>> metrics = new LinkedHashMap<>();
    private final Map<String, Found<NotifierProvider>> notifiers = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** Where a provider was found. */
    public record Found<P>(Kind kind, String type, P provider, String origin) {
    }

    public enum Kind {
        DEPLOYMENT("Deployment adapter"), METRICS("Metric source"), NOTIFIER("Notifier");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private Plugins() {
    }

    /**
     * @param classPath    the loader whose class path is searched (the application's)
     * @param pluginFolder the folder of plug-in jars; may be null or missing
     */
    public static Plugins discover(ClassLoader classPath, Path pluginFolder) {
        Plugins p = new Plugins();
        p.loadAll(classPath, "class path", l -> true);
        for (Path jar : jars(pluginFolder, p.problems)) {
            try {
                URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(),
                        new URL[]{jar.toUri().toURL()}, classPath);
                // parent-first delegation would find class-path providers again: keep only the jar's own
                p.loadAll(loader, jar.getFileName().toString(), c -> c.getClassLoader() == loader);
            } catch (MalformedURLException e) {
                p.problems.add(jar.getFileName() + ": " + e.getMessage());
            }
        }
        return p;
    }

    public List<Found<DeploymentAdapterProvider>> deploymentAdapters() {
        return List.copyOf(deployments.values());
    }

    public List<Found<MetricSourceProvider>> metricSources() {
        return List.copyOf(metrics.values());
    }

    public List<Found<NotifierProvider>> notifiers() {
        return List.copyOf(notifiers.values());
    }

    public Optional<DeploymentAdapterProvider> deploymentAdapter(String type) {
        return Optional.ofNullable(deployments.get(type)).map(Found::provider);
    }

    public Optional<MetricSourceProvider> metricSource(String type) {
        return Optional.ofNullable(metrics.get(type)).map(Found::provider);
    }

    public Optional<NotifierProvider> notifier(String type) {
        return Optional.ofNullable(notifiers.get(type)).map(Found::provider);
    }

    /** Everything found, deployment adapters first. */
    public List<Found<?>> all() {
        return Stream.of(deployments.values(), metrics.values(), notifiers.values())
                .<Found<?>>flatMap(c -> c.stream()).toList();
    }

    /** Plug-ins that could not be loaded, one line each. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void loadAll(ClassLoader loader, String origin, java.util.function.Predicate<Class<?>> own) {
        load(loader, origin, own, DeploymentAdapterProvider.class, DeploymentAdapterProvider::type,
                Kind.DEPLOYMENT, deployments);
        load(loader, origin, own, MetricSourceProvider.class, MetricSourceProvider::type, Kind.METRICS, metrics);
        load(loader, origin, own, NotifierProvider.class, NotifierProvider::type, Kind.NOTIFIER, notifiers);
    }

    private <P> void load(ClassLoader loader, String origin, java.util.function.Predicate<Class<?>> own,
                          Class<P> service, Function<P, String> type, Kind kind, Map<String, Found<P>> into) {
        var it = ServiceLoader.load(service, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<P> provider;
            try {
                if (!it.hasNext()) {
                    return;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(origin + ": " + e.getMessage());
                return; // the loader's listing itself is broken; nothing more can be read from it
            }
            if (own.test(provider.type())) {
                try {
                    P p = provider.get();
                    add(kind, type.apply(p), p, origin, into);
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    problems.add(origin + ": " + provider.type().getName() + ": " + e.getMessage());
                }
            }
        }
    }

    private <P> void add(Kind kind, String type, P provider, String origin, Map<String, Found<P>> into) {
        Found<P> earlier = into.get(type);
        if (earlier != null) {
            problems.add(origin + ": " + kind.label().toLowerCase(java.util.Locale.ROOT) + " '" + type
                    + "' is already provided by " + earlier.origin() + "; ignored");
        } else {
            into.put(type, new Found<>(kind, type, provider, origin));
        }
    }

    private static List<Path> jars(Path folder, List<String> problems) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(folder + ": " + e.getMessage());
            return List.of();
        }
    }
}
