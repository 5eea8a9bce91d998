package dev.rampart.adapters;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds plug-in jars at test time, as a plug-in author would, with the JDK's own compiler. */
public final class PluginJars {
    private PluginJars() {
    }

    /** Compiles a tiny provider with the JDK's compiler and jars it with its service declaration. */
    public static void build(Path tmp, Path jarFile, String className, String type) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src-" + className + "/com/example"));
        Files.writeString(src.resolve(className + ".java"), """
                package com.example;
                import dev.rampart.spi.*;
                public final class %s implements DeploymentAdapterProvider {
                    public String type() { return "%s"; }
                    public DeploymentAdapter create(AdapterContext c) {
                        return new DeploymentAdapter() {
                            private TrafficSplit now = TrafficSplit.none();
                            public TrafficSplit applyTraffic(TrafficSplit d, String k) { return now = d; }
                            public TrafficSplit promote(String k) { return now = TrafficSplit.everyone(); }
                            public TrafficSplit rollback(String k) { return now = TrafficSplit.none(); }
                            public Health health() { return Health.healthy("acme"); }
                            public TrafficSplit currentWeights() { return now; }
                        };
                    }
                }
                """.formatted(className, type));
        Path classes = Files.createDirectories(tmp.resolve("classes-" + className));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.resolve(className + ".java").toString());
        assertThat(rc).as("javac exit status").isZero();
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
            put(jar, "META-INF/services/dev.rampart.spi.DeploymentAdapterProvider", "com.example." + className + "\n");
        }
    }

    static void put(JarOutputStream jar, String name, String text) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
