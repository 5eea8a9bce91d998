package dev.rampart.store;

import dev.rampart.domain.rollout.NewEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No listening socket, a recent H2, and an H2 file encrypted at rest with a password that never is a URL part. */
class StoreHygieneTest {
    @TempDir
    Path folder;

    @Test
    void h2IsAtLeast2_2_220() {
        String[] v = org.h2.engine.Constants.VERSION.split("\\.");
        int version = Integer.parseInt(v[0]) * 1_000_000 + Integer.parseInt(v[1]) * 1000 + Integer.parseInt(v[2]);
        assertThat(version).isGreaterThanOrEqualTo(2_002_220);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void openingAndUsingTheStoreOpensNoListeningSocket() throws IOException {
        Set<String> before = listeningSocketsOfThisProcess();
        try (Store store = Store.open(DataFolder.jdbcUrl(folder))) {
            store.audit().append(new NewEvent(null, Instant.now(), "tick", "ana", null, Map.of()));
            store.audit().verify();
            assertThat(listeningSocketsOfThisProcess()).isEqualTo(before);
        }
    }

    @Test
    void anEncryptedStoreOpensOnlyWithItsPasswordAndKeepsNoPlainText() throws IOException {
        String url = DataFolder.jdbcUrl(folder) + ";CIPHER=AES";
        try (Store store = Store.open(url, Clock.systemUTC(), "correct horse".toCharArray())) {
            store.audit().append(new NewEvent(null, Instant.now(), "tick", "ana", null,
                    Map.of("note", "plain-text-marker-4711")));
        }
        byte[] file = Files.readAllBytes(folder.resolve("rampart.mv.db"));
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain("plain-text-marker-4711",
                "audit_events", "AUDIT_EVENTS");

        assertThatThrownBy(() -> Store.open(url, Clock.systemUTC(), "wrong horse".toCharArray()))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> Store.open(url)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> Store.open(url + ";PASSWORD=x", Clock.systemUTC(), "x".toCharArray()))
                .hasMessageContaining("no PASSWORD=");
        try (Store store = Store.open(url, Clock.systemUTC(), "correct horse".toCharArray())) {
            assertThat(store.audit().verify().isIntact()).isTrue();
            assertThat(store.audit().count()).isEqualTo(1);
        }
    }

    @Test
    void aPasswordForAPlainStoreIsRefused() {
        assertThatThrownBy(() -> Store.open(DataFolder.jdbcUrl(folder), Clock.systemUTC(), "x".toCharArray()))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("CIPHER=AES");
    }

    /** Inodes of this process's sockets that are in LISTEN state (0A) in /proc/net/tcp and tcp6. */
    private static Set<String> listeningSocketsOfThisProcess() throws IOException {
        Set<String> mine = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        mine.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while listing
                }
            }
        }
        Set<String> listening = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && mine.contains(f[9])) {
                    listening.add(f[9]);
                }
            }
        }
        return listening;
    }
}
