package dev.rampart.attacks;

import dev.rampart.cli.CliRun;
import dev.rampart.cli.ExitCode;
import dev.rampart.cli.Globals;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import dev.rampart.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Store hygiene (issue 11, item 5): who may read the files, how a password is stretched, where it may come from. */
class StoreHygieneTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theDataFolderIsTheOwnersAloneAndSoIsEveryFileInIt() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        CliRun run = CliRun.as(Globals.osUser()).in(home).run("people", "list");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("rampart.mv.db"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve("keys"))).isEqualTo("rwx------");
        try (var keys = Files.list(home.resolve("keys"))) {
            for (Path key : keys.toList()) {
                assertThat(mode(key)).as(key.toString()).isEqualTo("rw-------");
            }
        }
        assertThat(mode(home.resolve("installation-key.json"))).isEqualTo("rw-------");
        Path witness = home.resolveSibling("home-witness");
        assertThat(mode(witness)).isEqualTo("rwx------");
        try (var files = Files.list(witness)) {
            for (Path f : files.toList()) {
                assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void aStoreFileIsTheOwnersAloneFromItsFirstByteButAFolderNotMadeByRampartIsLeftAlone() throws Exception {
        Path shared = dir.resolve("shared");
        Files.createDirectories(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxr-x"));
        try (Store store = Store.open(DataFolder.jdbcUrl(dir.resolve("new/deeper")))) {
            assertThat(store.people().list()).isEmpty();
        }
        assertThat(mode(dir.resolve("new"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("new/deeper/rampart.mv.db"))).isEqualTo("rw-------");
        try (Store store = Store.open("jdbc:h2:file:" + shared.resolve("store"))) {
            assertThat(store.people().list()).isEmpty();
        }
        assertThat(mode(shared)).isEqualTo("rwxrwxr-x");
        assertThat(mode(shared.resolve("store.mv.db"))).isEqualTo("rw-------");
    }

    @Test
    void anEncryptedStoresPasswordIsStretchedWithSaltedPbkdf2BeforeH2SeesIt() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("vault") + ";CIPHER=AES";
        char[] password = "open sesame, twice".toCharArray();
        try (Store store = Store.open(url, Clock.systemUTC(), password.clone())) {
            store.audit().append(new dev.rampart.domain.rollout.NewEvent(null, java.time.Instant.now(), "x", "a", null,
                    java.util.Map.of()));
        }
        Path kdf = dir.resolve("vault.kdf");
        assertThat(mode(kdf)).isEqualTo("rw-------");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(kdf)) {
            p.load(in);
        }
        assertThat(Integer.parseInt(p.getProperty("iterations"))).isGreaterThanOrEqualTo(210_000);
        assertThat(Base64.getDecoder().decode(p.getProperty("salt"))).hasSize(16);
        String stretched = HexFormat.of().formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                new PBEKeySpec(password, Base64.getDecoder().decode(p.getProperty("salt")),
                        Integer.parseInt(p.getProperty("iterations")), 256)).getEncoded());
        assertThat(countEvents(url, stretched)).isEqualTo(1);
        // what H2 was given before: one SHA-256 of the password, no salt
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> countEvents(url, sha)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> Store.open(url, Clock.systemUTC(), "wrong password".toCharArray()))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void aStoreEncryptedTheOldWayIsReEncryptedUnderTheStretchedKeyOnItsFirstOpen() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("old") + ";CIPHER=AES";
        try (Store store = Store.open(url, Clock.systemUTC(), "legacy password".toCharArray())) {
            store.audit().append(new dev.rampart.domain.rollout.NewEvent(null, java.time.Instant.now(), "kept", "a",
                    null, java.util.Map.of()));
        }
        // turn it into a store of the first version: the key H2 got was the password's SHA-256, and no .kdf file
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("old.kdf"))) {
            p.load(in);
        }
        String stretched = HexFormat.of().formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("legacy password".toCharArray(),
                        Base64.getDecoder().decode(p.getProperty("salt")), 210_000, 256)).getEncoded());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                "legacy password".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        org.h2.tools.ChangeFileEncryption.execute(dir.toString(), "old", "AES", stretched.toCharArray(),
                sha.toCharArray(), true);
        Properties half = new Properties();
        half.put("user", "rampart");
        half.put("password", sha + " " + stretched);
        try (Connection c = DriverManager.getConnection(url, half); Statement s = c.createStatement()) {
            s.execute("ALTER USER RAMPART SET PASSWORD '" + sha + "'");
        }
        Files.delete(dir.resolve("old.kdf"));
        assertThat(countEvents(url, sha)).isEqualTo(1);

        try (Store store = Store.open(url, Clock.systemUTC(), "legacy password".toCharArray())) {
            assertThat(store.audit().read(0, 10)).extracting(e -> e.type()).contains("kept");
        }
        assertThat(dir.resolve("old.kdf")).exists();
        assertThatThrownBy(() -> countEvents(url, sha)).isInstanceOf(SQLException.class);
        try (Store store = Store.open(url, Clock.systemUTC(), "legacy password".toCharArray())) {
            assertThat(store.audit().verify().isIntact()).isTrue();
        }
    }

    @Test
    void everySpellingOfAutoServerIsRefused() {
        for (String setting : List.of(";AUTO_SERVER=TRUE", ";AUTO_SERVER=1", ";auto_server=yes", ";Auto_Server=on",
                ";AUTO_SERVER=t", ";AUTO_SERVER=Y", ";AUTO_SERVER_PORT=9092", "; AUTO_SERVER=TRUE")) {
            String url = DataFolder.jdbcUrl(dir.resolve("s" + Math.abs(setting.hashCode()))) + setting;
            assertThatThrownBy(() -> Store.open(url).close()).as(setting)
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("network port");
        }
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedAndNeverPrinted() {
        for (String db : List.of("jdbc:h2:file:" + dir.resolve("s") + ";PASSWORD=hunter2hunter2",
                "jdbc:postgresql://127.0.0.1:1/x?user=a&password=hunter2hunter2")) {
            CliRun run = CliRun.as(Globals.osUser()).in(dir.resolve("home")).run("--db", db, "agent", "--ticks", "1");
            assertThat(run.exitCode()).as(db).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.out() + run.err()).doesNotContain("hunter2").contains("RAMPART_DB_PASSWORD_FILE");
        }
        CliRun agent = CliRun.as(Globals.osUser()).in(dir.resolve("home"))
                .run("--db", "jdbc:h2:file:" + dir.resolve("plain"), "agent", "--ticks", "1", "--interval", "PT0.01S");
        assertThat(agent.exitCode()).as(agent.err()).isZero();
        assertThat(agent.out()).contains("agent: watching " + dir.resolve("plain.mv.db"));
    }

    private static long countEvents(String url, String key) throws SQLException {
        Properties p = new Properties();
        p.put("user", "rampart");
        p.put("password", key + " " + key);
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", p); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT COUNT(*) FROM audit_events")) {
            row.next();
            return row.getLong(1);
        }
    }
}
