package dev.rampart.adapters;

import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.TrafficSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A plug-in jar built here, at test time, and dropped into a plug-in folder is found and works. */
class PluginsTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheBuiltInProvidersOnTheClassPath() {
        Plugins p = Plugins.discover(getClass().getClassLoader(), null);
        assertThat(p.deploymentAdapters()).extracting(Plugins.Found::type)
                .contains("command", "webhook", "nginx", "flagd");
        assertThat(p.metricSources()).extracting(Plugins.Found::type).contains("prometheus");
        assertThat(p.notifiers()).extracting(Plugins.Found::type).contains("slack", "webhook");
        assertThat(p.deploymentAdapters()).allSatisfy(f -> assertThat(f.origin()).isEqualTo("class path"));
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void findsAProviderInAJarInThePluginFolder() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        PluginJars.build(tmp, folder.resolve("acme-router.jar"), "AcmeRouterProvider", "acme-router");
        Files.writeString(folder.resolve("README.txt"), "not a jar");

        Plugins p = Plugins.discover(getClass().getClassLoader(), folder);

        Plugins.Found<?> found = p.deploymentAdapters().stream().filter(f -> f.type().equals("acme-router"))
                .findFirst().orElseThrow();
        assertThat(found.origin()).isEqualTo("acme-router.jar");
        DeploymentAdapter a = p.deploymentAdapter("acme-router").orElseThrow()
                .create(new AdapterContext("checkout", "2.1.0", "2.0.4", Map.of(), Clock.systemUTC()));
        assertThat(a.applyTraffic(new TrafficSplit(Map.of("canary", 5.0)), "k").newVersionPercent()).isEqualTo(5);
        assertThat(p.deploymentAdapters()).extracting(Plugins.Found::type).contains("command");
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void aBrokenJarOrADuplicateTypeIsAProblemNotACrash() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        PluginJars.build(tmp, folder.resolve("a-dup.jar"), "DupProvider", "command");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(folder.resolve("b-broken.jar")))) {
            put(jar, "META-INF/services/dev.rampart.spi.DeploymentAdapterProvider", "com.example.Missing\n");
        }
        Plugins p = Plugins.discover(getClass().getClassLoader(), folder);
        assertThat(p.problems()).anySatisfy(m -> assertThat(m).contains("a-dup.jar", "'command' is already provided"))
                .anySatisfy(m -> assertThat(m).contains("b-broken.jar", "com.example.Missing"));
        assertThat(p.deploymentAdapter("command")).isPresent();
    }

    private static void put(JarOutputStream jar, String name, String text) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
