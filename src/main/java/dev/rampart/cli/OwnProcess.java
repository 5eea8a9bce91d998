package dev.rampart.cli;

import dev.rampart.engine.RolloutService;
import dev.rampart.store.Store;

import java.nio.file.Path;

/**
 * A command that opens the store itself. When an H2 store is held by a console or the agent, opening it throws
 * {@link StoreHeldElsewhere} so that the command is forwarded to the holder instead; when it is held by a process
 * with no channel (another command line for a moment), opening waits for it a few seconds.
 */
final class OwnProcess implements Session {
    static final OwnProcess INSTANCE = new OwnProcess();

    private OwnProcess() {
    }

    @Override
    public Store openStore(CliContext cx) {
        Store store = openStoreAsIs(cx);
        if (store.schema().writable()) {
            cx.access(store).people().firstStart(Globals.osUser());
        } else { // only read: said up front, so that a refusal for another reason does not hide it
            cx.err().println("rampart: read-only: " + store.schema().writeProblem());
        }
        return store;
    }

    @Override
    public Store openStoreAsIs(CliContext cx) {
        String url = cx.storeUrl();
        return StoreOpening.open(url, cx.err(), () -> Store.h2FileOf(url)
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
        return Secrets.read(envVariable, prompt);
    }

    @Override
    public char[] newSecret(String envVariable, String prompt) {
        return Secrets.readNew(envVariable, prompt);
    }

    /** Null: paths are the process's own. */
    @Override
    public Path workingDirectory() {
        return null;
    }
}
