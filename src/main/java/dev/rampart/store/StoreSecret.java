package dev.rampart.store;

import java.util.Arrays;
import java.util.Properties;

/**
 * The file password of an encrypted H2 store, held as characters and cleared on close. H2 wants the password
 * property as "filePassword userPassword"; Rampart's H2 user has an empty password, so it is the file password and
 * a space. H2 accepts it as a {@code char[]}, so it never becomes a String on the way to the driver.
 */
final class StoreSecret implements AutoCloseable {
    private final char[] filePassword;

    StoreSecret(char[] filePassword) {
        this.filePassword = filePassword == null ? null : filePassword.clone();
    }

    Properties properties() {
        Properties p = new Properties();
        if (filePassword != null) {
            p.put("user", user());
            char[] both = Arrays.copyOf(filePassword, filePassword.length + 1);
            both[filePassword.length] = ' ';
            p.put("password", both);
        }
        return p;
    }

    String user() {
        return filePassword == null ? null : "rampart";
    }

    String passwordText() {
        return filePassword == null ? null : new String(filePassword) + " ";
    }

    @Override
    public void close() {
        if (filePassword != null) {
            Arrays.fill(filePassword, '\0');
        }
    }
}
