package dev.rampart.cli;

import dev.rampart.engine.RolloutService;
import dev.rampart.store.Store;

import java.nio.file.Path;

/**
 * Where a command runs: in its own process, opening the store itself ({@link OwnProcess}), or inside the process
 * that holds an H2 store, forwarded through the local channel ({@link LocalChannel}). Commands reach the store, the
 * rollout service and secrets only through this, so both run the same code with the same permission checks.
 */
public interface Session {

    /** The store, with the first-start admin made when it knows nobody. The caller closes it. */
    Store openStore(CliContext cx);

    /** The store, changing nothing in it. The caller closes it. */
    Store openStoreAsIs(CliContext cx);

    /** The rollout service on {@code store}: the holder's own engine when forwarded. */
    RolloutService rollouts(CliContext cx, Store store);

    /** A passphrase or password: from the file {@code envVariable} names, or asked on the person's terminal. */
    char[] secret(String envVariable, String prompt);

    /** A new passphrase: from the file {@code envVariable} names, or typed twice on the person's terminal. */
    char[] newSecret(String envVariable, String prompt);

    /** The folder relative paths on the command line are relative to; null for the process's own. */
    Path workingDirectory();
}
