package dev.rampart.cli;

import dev.rampart.keys.KeyFolder;
import dev.rampart.store.DataFolder;

import java.nio.file.Path;

/**
 * What Rampart takes from the machine it runs on, built once by the composition root and handed on by constructor:
 * the user's data folder (their signing key, the witness of their stores, window placement), how the acting person
 * is authenticated, and where secrets come from. Tests build their own, never through a flag an attacker could pass.
 *
 * @param keyIterations the PBKDF2 cost of new key files ({@link KeyFolder#ITERATIONS}; tests use fewer)
 */
public record Installation(Path dataFolder, Authenticator authenticator, Secrets secrets, int keyIterations) {

    /** The person at this machine: their data folder, the operating-system user or database login, their terminal. */
    public static Installation ofThisUser() {
        return new Installation(DataFolder.ofThisUser(), Authenticator.system(), Secrets.ofProcess(),
                KeyFolder.ITERATIONS);
    }

    /** The person's own signing keys: {@code keys/} in the data folder. */
    public KeyFolder personalKeys() {
        return new KeyFolder(dataFolder.resolve("keys"), keyIterations);
    }

    /** The default store of this installation. */
    public String defaultJdbcUrl() {
        return DataFolder.jdbcUrl(dataFolder);
    }
}
