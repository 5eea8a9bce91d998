package dev.rampart.adapters.nginx;

import com.sun.net.httpserver.HttpServer;
import dev.rampart.adapters.IntegrationBinary;
import dev.rampart.spi.AdapterContext;
import dev.rampart.spi.AdapterException;
import dev.rampart.spi.DeploymentAdapter;
import dev.rampart.spi.TrafficSplit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real nginx on loopback in front of two tiny backends, each answering its own name: the adapter moves the
 * weights stage by stage, and the share of requests that reach the canary matches each stage within 3 points.
 */
class NginxSplitTest {
    private static final int REQUESTS = 2000;
    @TempDir
    Path dir;
    private final List<HttpServer> backends = new ArrayList<>();
    private Process nginx;

    @AfterEach
    void stop() throws InterruptedException {
        IntegrationBinary.stop(nginx);
        backends.forEach(b -> b.stop(0));
    }

    @Test
    void theMeasuredSplitFollowsEachStageAndRollbackSendsNothingToTheCanary() throws Exception {
        Path binary = IntegrationBinary.require("nginx", "nginx");
        int stablePort = backend("stable");
        int canaryPort = backend("canary");
        int port = IntegrationBinary.freePort();
        Path conf = writeMainConfig(port);
        List<String> base = List.of(binary.toString(), "-p", dir + "/", "-c", conf.toString(), "-e",
                dir.resolve("logs/error.log").toString());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("upstream", "checkout");
        settings.put("stable", List.of("127.0.0.1:" + stablePort));
        settings.put("canary", List.of("127.0.0.1:" + canaryPort));
        settings.put("config_file", dir.resolve("conf/rampart-checkout.conf").toString());
        settings.put("test_command", concat(base, "-t"));
        settings.put("reload_command", concat(base, "-s", "reload"));
        settings.put("confirm_url", "http://127.0.0.1:" + port + "/__rampart");
        settings.put("pid_file", dir.resolve("nginx.pid").toString());
        List<String> evidence = new ArrayList<>();
        DeploymentAdapter adapter = new NginxAdapterProvider().create(new AdapterContext("checkout", "2.1.0", "2.0.4",
                settings, Clock.systemUTC(), "REL-NGINX-1", (a, d) -> evidence.add(a + " " + d)));
        Files.writeString(dir.resolve("conf/rampart-checkout.conf"),
                NginxSettings.read(dev.rampart.adapters.Settings.of(settings, "t"), System.getenv()).upstream()
                        .render(TrafficSplit.none(), "initial", "test"));
        nginx = new ProcessBuilder(concat(base)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/nginx.out").toFile()).start();
        awaitUp(port);

        Map<String, Double> stages = new LinkedHashMap<>();
        stages.put("canary", 5.0);
        stages.put("25pct", 25.0);
        stages.put("50pct", 50.0);
        stages.put("100pct", 100.0);
        Map<String, Double> split = new LinkedHashMap<>();
        int n = 0;
        for (var stage : stages.entrySet()) {
            split.put(stage.getKey(), stage.getValue());
            TrafficSplit confirmed = adapter.applyTraffic(new TrafficSplit(split), "rollout-1-" + (++n));
            for (int i = 0; i < 20; i++) {
                assertThat(get(port, "/__rampart")).as("served right after confirmation").isEqualTo(
                        UpstreamConfig.marker(confirmed, "rollout-1-" + n));
            }
            assertThat(adapter.currentWeights()).isEqualTo(confirmed);
            double share = canaryShare(port);
            System.out.printf("nginx split: stage %-6s weight %5.1f%% -> measured canary %6.2f%% of %d requests%n",
                    stage.getKey(), stage.getValue(), share, REQUESTS);
            assertThat(share).as(stage.getKey()).isCloseTo(stage.getValue(), org.assertj.core.data.Offset.offset(3.0));
        }
        adapter.rollback("rollout-1-rollback");
        double afterRollback = canaryShare(port);
        System.out.printf("nginx split: rollback -> measured canary %.2f%% of %d requests%n", afterRollback, REQUESTS);
        assertThat(afterRollback).isZero();
        assertThat(adapter.currentWeights().newVersionPercent()).isZero();
        assertThat(adapter.health().isHealthy()).isTrue();
        assertThat(String.join("\n", evidence)).contains("rollback.reload", "exit_code=0");
    }

    @Test
    void aConfigurationNginxRefusesIsPutBackAndReported() throws Exception {
        Path binary = IntegrationBinary.require("nginx", "nginx");
        int port = IntegrationBinary.freePort();
        Path conf = writeMainConfig(port);
        Path file = dir.resolve("conf/rampart-checkout.conf");
        Files.writeString(file, "# the previous, valid file\nupstream checkout { server 127.0.0.1:9; }\n"
                + "map $host $rampart_checkout { default 'x'; }\n");
        List<String> base = List.of(binary.toString(), "-p", dir + "/", "-c", conf.toString(), "-e",
                dir.resolve("logs/error.log").toString());
        Map<String, Object> settings = Map.of("upstream", "checkout", "stable", "127.0.0.1:9",
                "canary", "127.0.0.1:10", "config_file", file.toString(), "zone_size", "1",
                "test_command", concat(base, "-t"), "reload_command", concat(base, "-s", "reload"));
        DeploymentAdapter adapter = new NginxAdapterProvider().create(new AdapterContext("checkout", "2.1.0", "2.0.4",
                settings, Clock.systemUTC()));
        assertThatThrownBy(() -> adapter.applyTraffic(new TrafficSplit(Map.of("canary", 5.0)), "k"))
                .isInstanceOf(AdapterException.class).hasMessageContaining("nginx refused the new upstream")
                .hasMessageContaining("previous file was put back");
        assertThat(Files.readString(file)).startsWith("# the previous, valid file");
    }

    private Path writeMainConfig(int port) throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        boolean root = "root".equals(System.getProperty("user.name"));
        String t = dir.resolve("tmp").toString();
        String conf = (root ? "user root root;\n" : "") + """
                worker_processes 1;
                daemon off;
                master_process on;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log notice;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %2$s/body; proxy_temp_path %2$s/proxy; fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi; scgi_temp_path %2$s/scgi;
                    include %1$s/conf/rampart-checkout.conf;
                    server {
                        listen 127.0.0.1:%3$d;
                        location = /__rampart { return 200 $rampart_checkout; }
                        location / { proxy_pass http://checkout; }
                    }
                }
                """.formatted(dir, t, port);
        return Files.writeString(dir.resolve("conf/nginx.conf"), conf);
    }

    private int backend(String name) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        byte[] body = name.getBytes(StandardCharsets.UTF_8);
        s.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
        backends.add(s);
        return s.getAddress().getPort();
    }

    /** Percent of {@link #REQUESTS} requests answered by the canary backend. */
    private static double canaryShare(int port) throws IOException {
        int canary = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String body = get(port, "/");
            if (body.equals("canary")) {
                canary++;
            } else if (!body.equals("stable")) {
                throw new AssertionError("unexpected answer: " + body);
            }
        }
        return 100.0 * canary / REQUESTS;
    }

    /** One HTTP/1.0 request on its own connection: no pooling to blur which worker answered. */
    private static String get(int port, String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: rampart.test\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            return split < 0 ? "" : response.substring(split + 4);
        }
    }

    private static void awaitUp(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try {
                get(port, "/__rampart");
                return;
            } catch (IOException e) {
                Thread.sleep(25);
            }
        }
        throw new AssertionError("nginx did not start on port " + port);
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
