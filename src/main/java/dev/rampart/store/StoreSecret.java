package dev.rampart.store;

import java.util.Arrays;
import java.util.Properties;

/**
 * The file password of an encrypted H2 store, held as characters and cleared on close. H2 wants the password
 * property as "filePassword userPassword", split at the first space, so the file password handed to H2 is the hex
 * SHA-256 of what the person typed (any characters, spaces included); Rampart's H2 user has the same one.
 */
final class StoreSecret implements AutoCloseable {
    private final char[] filePassword;

    StoreSecret(char[] filePassword) {
        this.filePassword = filePassword == null ? null : filePassword.clone();
    }

    Properties properties() {
        Properties p = new Properties();
        if (filePassword != null) {
            // H2 reads properties as Strings; the text is a hash of the password, not the password itself.
            p.put("user", user());
            p.put("password", passwordText());
        }
        return p;
    }

    String user() {
        return filePassword == null ? null : "rampart";
    }

    String passwordText() {
        if (filePassword == null) {
            return null;
        }
        java.nio.ByteBuffer utf8 = java.nio.charset.StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(filePassword));
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        String hex = java.util.HexFormat.of().formatHex(AuditChain.sha256(bytes));
        Arrays.fill(bytes, (byte) 0);
        return hex + " " + hex; // the user password too: Flyway trims a trailing space
    }

    @Override
    public void close() {
        if (filePassword != null) {
            Arrays.fill(filePassword, '\0');
        }
    }
}
