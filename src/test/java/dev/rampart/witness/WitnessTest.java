package dev.rampart.witness;

import com.sun.net.httpserver.HttpServer;
import dev.rampart.domain.access.Checkpoint;
import dev.rampart.engine.access.Signers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in witnesses on real files and a real HTTP server on loopback, and what the comparison concludes. */
class WitnessTest {
    @TempDir
    Path dir;
    final dev.rampart.domain.access.Signer signer = Signers.ephemeral("ana");

    Checkpoint at(long seq, String hash) {
        return Checkpoint.of("store-1", "/data/rampart.mv.db", seq, hash, Instant.parse("2026-12-01T09:00:00Z")
                .plusSeconds(seq), signer);
    }

    static String h(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    void theFileWitnessKeepsTheNewestAndNeverGoesBack() throws IOException {
        FileWitness w = new FileWitness(dir.resolve("w"));
        assertThat(w.newest("/data/rampart.mv.db")).isEmpty();
        w.record(at(5, h('a')));
        w.record(at(7, h('b')));
        w.record(at(6, h('c')));
        assertThat(w.newest("/data/rampart.mv.db")).map(Checkpoint::seq).contains(7L);
        assertThat(w.newest("/data/rampart.mv.db").orElseThrow().verifies()).isTrue();
        assertThat(FileWitness.beside(Path.of("/home/ana/.local/share/rampart")))
                .isEqualTo(Path.of("/home/ana/.local/share/rampart-witness"));
    }

    @Test
    void theDirectoryWitnessKeepsEveryCheckpoint() throws IOException {
        DirectoryWitness w = new DirectoryWitness(dir.resolve("shared"));
        w.record(at(5, h('a')));
        w.record(at(12, h('b')));
        w.record(at(12, h('b')));
        assertThat(w.newest("/data/rampart.mv.db")).map(Checkpoint::seq).contains(12L);
        try (var stores = Files.list(dir.resolve("shared"))) {
            Path store = stores.findFirst().orElseThrow();
            try (var files = Files.list(store)) {
                assertThat(files.count()).isEqualTo(2);
            }
        }
        assertThat(new BuiltInWitnesses().open(URI.create("dir:" + dir.resolve("shared")), dir)).isPresent();
    }

    @Test
    void theHttpWitnessPostsAndAsksOnLoopback() throws IOException {
        Map<String, String> kept = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/witness", exchange -> {
            byte[] body;
            int status;
            if (exchange.getRequestMethod().equals("POST")) {
                String json = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Checkpoint c = Checkpoint.from(Json.read(json));
                kept.merge(c.location(), json, (old, now) -> seqOf(now) > seqOf(old) ? now : old);
                status = 201;
                body = new byte[0];
            } else {
                String location = java.net.URLDecoder.decode(exchange.getRequestURI().getQuery()
                        .replaceFirst("^location=", ""), StandardCharsets.UTF_8);
                String json = kept.get(location);
                status = json == null ? 404 : 200;
                body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/witness");
            Witness w = new BuiltInWitnesses().open(url, dir).orElseThrow();
            assertThat(w.newest("/data/rampart.mv.db")).isEmpty();
            w.record(at(3, h('a')));
            w.record(at(9, h('b')));
            assertThat(w.newest("/data/rampart.mv.db")).map(Checkpoint::seq).contains(9L);
            assertThat(w.newest("/data/rampart.mv.db").orElseThrow().verifies()).isTrue();
        } finally {
            server.stop(0);
        }
        Witness gone = new HttpWitness(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/witness"));
        Witnesses all = new Witnesses(java.util.List.of(new FileWitness(dir.resolve("local")), gone),
                java.time.Clock.systemUTC());
        all.record(at(10, h('c')));
        assertThat(new FileWitness(dir.resolve("local")).newest("/data/rampart.mv.db")).map(Checkpoint::seq)
                .contains(10L);
        assertThat(all.failures()).containsKey(gone.describe());
    }

    private static long seqOf(String json) {
        try {
            return Checkpoint.from(Json.read(json)).seq();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void theComparisonNamesWhatHappenedToTheChain() throws IOException {
        FileWitness w = new FileWitness(dir.resolve("w"));
        String where = "/data/rampart.mv.db";
        assertThat(WitnessCheck.check(w, where, "store-1", 0, s -> Optional.empty()).status())
                .isEqualTo(WitnessCheck.Status.NOTHING_YET);
        w.record(at(7, h('b')));
        assertThat(WitnessCheck.check(w, where, "store-1", 9, s -> Optional.of(h('b'))).status())
                .isEqualTo(WitnessCheck.Status.AGREES);
        assertThat(WitnessCheck.check(w, where, "store-1", 5, s -> Optional.of(h('b'))).status())
                .isEqualTo(WitnessCheck.Status.TRUNCATED);
        assertThat(WitnessCheck.check(w, where, "store-1", 0, s -> Optional.empty()).status())
                .isEqualTo(WitnessCheck.Status.WIPED);
        assertThat(WitnessCheck.check(w, where, "store-1", 9, s -> Optional.of(h('x'))).status())
                .isEqualTo(WitnessCheck.Status.REWRITTEN);
        assertThat(WitnessCheck.check(w, where, "store-2", 9, s -> Optional.of(h('b'))).status())
                .isEqualTo(WitnessCheck.Status.REPLACED);
        Path file;
        try (var files = Files.list(dir.resolve("w"))) {
            file = files.findFirst().orElseThrow();
        }
        Files.writeString(file, Files.readString(file).replace("\"seq\" : 7", "\"seq\" : 3"));
        assertThat(WitnessCheck.check(w, where, "store-1", 5, s -> Optional.of(h('b'))).status())
                .isEqualTo(WitnessCheck.Status.FORGED_CHECKPOINT);
    }
}
