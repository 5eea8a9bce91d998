package dev.rampart.cli;

import dev.rampart.engine.RolloutService;
import dev.rampart.store.Store;

import java.nio.file.Path;

/**
 * A command that opens the store itself. When an H2 store is held by a console or the agent, opening it throws
 * {@link StoreHeldElsewhere} so that the command is forwarded to the holder instead; when it is held by a process
 * with no channel (another command line for a moment), opening waits for it a few seconds. Secrets come from the
 * installation's files or terminal. Who acts, and the store's first start, are settled by {@link CliContext} on the
 * opened store ({@link Sessions}), the same in both sessions.
 */
final class OwnProcess implements Session {
    private final Secrets secrets;

    OwnProcess(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public Store openStore(CliContext cx) {
        return openStoreAsIs(cx);
    }

    @Override
    public Store openStoreAsIs(CliContext cx) {
        String url = cx.storeUrl();
        return StoreOpening.open(url, cx.err(), secrets, () -> Store.h2FileOf(url)
                .flatMap(LocalChannel::connect)
                .ifPresent(held -> {
                    throw new StoreHeldElsewhere(held);
                }));
    }

    @Override
    public RolloutService rollouts(CliContext cx, Store store) {
        return cx.newRollouts(store);
    }

    @Override
    public char[] secret(String envVariable, String prompt) {
        return secrets.read(envVariable, prompt);
    }

    @Override
    public char[] newSecret(String envVariable, String prompt) {
        return secrets.readNew(envVariable, prompt);
    }

    /** Null: paths are the process's own. */
    @Override
    public Path workingDirectory() {
        return null;
    }
}
