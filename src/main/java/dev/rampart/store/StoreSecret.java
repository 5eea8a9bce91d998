package dev.rampart.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The password of a store, held as characters and cleared on close.
 * <p>
 * An H2 file encrypted at rest: H2 itself turns its file password into the AES key with one SHA-256 and ten
 * rounds, about 33,000 guesses a second per core; so Rampart stretches the person's password with PBKDF2-HMAC-SHA-256
 * ({@value #ITERATIONS} iterations, a random 16-byte salt) before H2 sees it, and hands H2 the hex of the result as
 * both file and user password (H2 splits its password at the first space, so any password works, spaces included).
 * The salt and the count live in {@code <name>.kdf} beside the {@code .mv.db} file (mode 0600): they are not secret,
 * and the file travels with the store (a store copied without it cannot be opened). A store encrypted by an older
 * Rampart (one SHA-256, no salt file) is re-encrypted under the stretched key the first time it is opened.
 * <p>
 * A PostgreSQL login's password is passed to the driver as it is (JDBC takes it as a String).
 */
final class StoreSecret implements AutoCloseable {
    static final int ITERATIONS = 210_000;
    private static final String KDF = "PBKDF2WithHmacSHA256";

    private final char[] password;
    private final boolean h2File;

    private StoreSecret(char[] password, boolean h2File) {
        this.password = password;
        this.h2File = h2File;
    }

    /** The secret of the store at {@code address}: an encrypted H2 file's stretched key, a login's password, none. */
    static StoreSecret of(StoreAddress address, char[] password) {
        if (address.isEncrypted()) {
            return h2(password, address.h2File().orElseThrow(() -> new StoreUnavailableException("An encrypted H2"
                    + " store needs a file: " + address.describe())));
        }
        return address.isH2() ? none() : server(password);
    }

    static StoreSecret none() {
        return new StoreSecret(null, false);
    }

    /** A PostgreSQL login's password (copied; cleared on close). */
    static StoreSecret server(char[] password) {
        return new StoreSecret(password == null ? null : password.clone(), false);
    }

    /**
     * The key H2 gets for the encrypted file {@code mvFile}: stretched with the salt of its {@code .kdf} file, made
     * now for a new store, and an old store re-encrypted under it first.
     *
     * @throws StoreUnavailableException when the password does not open an old store, or the files cannot be written
     */
    static StoreSecret h2(char[] password, Path mvFile) {
        Path kdf = kdfFile(mvFile);
        Path pending = kdf.resolveSibling(kdf.getFileName() + ".new");
        try {
            if (!Files.isRegularFile(kdf) && Files.isRegularFile(pending)
                    && finishReEncryption(mvFile, stretch(password, pending), legacy(password))) {
                Files.move(pending, kdf, StandardCopyOption.ATOMIC_MOVE);
            }
            if (!Files.isRegularFile(kdf)) {
                boolean existing = Files.isRegularFile(mvFile) && Files.size(mvFile) > 0;
                writeKdf(pending);
                char[] stretched = stretch(password, pending);
                if (existing) {
                    char[] old = legacy(password);
                    reEncrypt(mvFile, old.clone(), stretched);
                    if (!finishReEncryption(mvFile, stretched, old)) {
                        throw new StoreUnavailableException("The encrypted store " + mvFile + " was re-encrypted but"
                                + " does not open with the new key; its old key file is " + pending);
                    }
                }
                Files.move(pending, kdf, StandardCopyOption.ATOMIC_MOVE);
                return new StoreSecret(stretched, true);
            }
            OwnerOnly.ownFile(kdf);
            return new StoreSecret(stretch(password, kdf), true);
        } catch (IOException e) {
            throw new StoreUnavailableException("The key file " + kdf + " of the encrypted store cannot be read or"
                    + " written: " + e.getMessage(), e);
        }
    }

    /** {@code rampart.mv.db} → {@code rampart.kdf}. */
    static Path kdfFile(Path mvFile) {
        String name = mvFile.getFileName().toString();
        String base = name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
        return mvFile.resolveSibling(base + ".kdf");
    }

    Properties properties() {
        Properties p = new Properties();
        if (password != null) {
            if (h2File) {
                p.put("user", "rampart");
            }
            // JDBC takes properties as Strings; for H2 it is the stretched key, never the password itself.
            p.put("password", passwordText());
        }
        return p;
    }

    String user() {
        return password != null && h2File ? "rampart" : null;
    }

    String passwordText() {
        if (password == null) {
            return null;
        }
        return h2File ? new String(password) + " " + new String(password) : new String(password);
    }

    @Override
    public void close() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] stretch(char[] password, Path kdf) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(kdf)) {
            p.load(in);
        }
        int iterations = Integer.parseInt(p.getProperty("iterations", "0"));
        if (!KDF.equals(p.getProperty("kdf")) || iterations < ITERATIONS) {
            throw new IOException("it does not name " + KDF + " with at least " + ITERATIONS + " iterations");
        }
        byte[] salt = Base64.getDecoder().decode(p.getProperty("salt", ""));
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            char[] hex = HexFormat.of().formatHex(key).toCharArray();
            Arrays.fill(key, (byte) 0);
            return hex;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has " + KDF, e);
        } finally {
            spec.clearPassword();
        }
    }

    private static void writeKdf(Path file) throws IOException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Properties p = new Properties();
        p.setProperty("kdf", KDF);
        p.setProperty("iterations", Integer.toString(ITERATIONS));
        p.setProperty("salt", Base64.getEncoder().encodeToString(salt));
        OwnerOnly.createFolder(file.getParent());
        Path fresh = OwnerOnly.newFile(file.getParent(), file.getFileName().toString());
        try (OutputStream out = Files.newOutputStream(fresh)) {
            p.store(out, "Rampart: how the password of the encrypted store beside this file is stretched (not secret;"
                    + " keep it with the store)");
        }
    }

    /** The key an older Rampart gave H2: the hex SHA-256 of the password. */
    private static char[] legacy(char[] password) {
        java.nio.ByteBuffer utf8 = java.nio.charset.StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        char[] hex = HexFormat.of().formatHex(AuditChain.sha256(bytes)).toCharArray();
        Arrays.fill(bytes, (byte) 0);
        return hex;
    }

    private static void reEncrypt(Path mvFile, char[] from, char[] to) {
        String name = mvFile.getFileName().toString();
        String db = name.substring(0, name.length() - ".mv.db".length());
        try {
            org.h2.tools.ChangeFileEncryption.execute(mvFile.getParent().toString(), db, "AES", from, to, true);
        } catch (SQLException e) {
            throw new StoreUnavailableException("The encrypted store " + mvFile + " refused the password given (or"
                    + " could not be re-encrypted under the stretched key: " + SharedConnection.firstLine(e.getMessage())
                    + ")", e);
        } finally {
            Arrays.fill(from, '\0');
        }
    }

    /**
     * True when the file opens under {@code key}; when only its user password is still the old one (a start that
     * stopped between re-encrypting the file and its user), that is changed too.
     */
    private static boolean finishReEncryption(Path mvFile, char[] key, char[] oldUserPassword) {
        String name = mvFile.toString();
        String url = "jdbc:h2:file:" + name.substring(0, name.length() - ".mv.db".length()) + ";CIPHER=AES;IFEXISTS=TRUE";
        String k = new String(key);
        for (String user : new String[] {k, new String(oldUserPassword)}) {
            Properties p = new Properties();
            p.put("user", "rampart");
            p.put("password", k + " " + user);
            try (Connection c = DriverManager.getConnection(url, p)) {
                if (!user.equals(k)) {
                    try (java.sql.PreparedStatement alter = c.prepareStatement("ALTER USER RAMPART SET PASSWORD ?")) {
                        alter.setString(1, k);
                        alter.execute();
                    }
                }
                return true;
            } catch (SQLException e) {
                // not this one
            }
        }
        return false;
    }
}
