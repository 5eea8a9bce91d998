package dev.rampart.cli;

import dev.rampart.engine.Deployments;
import dev.rampart.engine.EngineSettings;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.format.PlanFormat;
import dev.rampart.format.PlanImporter;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;

import java.io.PrintWriter;
import java.time.Clock;

/**
 * What every command is handed: the shared options, the window opener, the adapters plans may name, where to
 * print, and the {@link Session} it runs in (its own process, or forwarded to the process holding the store).
 */
public record CliContext(Globals globals, Console console, Deployments deployments, PrintWriter out,
                         PrintWriter err, Session session) {

    /** A command in its own process. */
    public CliContext(Globals globals, Console console, Deployments deployments, PrintWriter out, PrintWriter err) {
        this(globals, console, deployments, out, err, OwnProcess.INSTANCE);
    }

    /**
     * Opens the store named by {@code --db}, or the H2 file in the user's data folder. On a store's first start the
     * operating-system user becomes its admin and release owner. A command calls this before it prints or changes
     * anything: when a console or the agent holds an H2 store, the command is forwarded to it from here.
     */
    public Store openStore() {
        return session.openStore(this);
    }

    /** Opens the store named by {@code --db} (or the default) and changes nothing in it: no first-start admin. */
    public Store openStoreAsIs() {
        return session.openStoreAsIs(this);
    }

    /** The JDBC URL of the store this command is for. */
    public String storeUrl() {
        return globals.db() != null ? globals.db() : DataFolder.defaultJdbcUrl();
    }

    /** Who may do what on this store. */
    public AccessServices access(Store store) {
        return AccessServices.on(store.people(), store.signatures(), store.rollouts(), store.plans(), store.audit(),
                Clock.systemUTC());
    }

    /**
     * The service layer for rollouts on the wall clock, on this store; gates open on stored signatures. A forwarded
     * command gets the holder's own, so there is one engine per rollout in that process.
     */
    public RolloutService rollouts(Store store) {
        return session.rollouts(this, store);
    }

    /** A new service layer (engine) for rollouts on this store, for a process of its own. */
    public RolloutService newRollouts(Store store) {
        AccessServices access = access(store);
        return new RolloutService(store.plans(), store.rollouts(), store.intents(), access.approvals(),
                deployments.filingEvidenceIn(store.audit()),
                Clock.systemUTC(), EngineSettings.wallClock(), new PlanFormat(), access);
    }

    /** A passphrase: from the file {@code envVariable} names, or asked on the person's own terminal. */
    public char[] secret(String envVariable, String prompt) {
        return session.secret(envVariable, prompt);
    }

    /** A new passphrase, typed twice on the person's own terminal (or read from the file). */
    public char[] newSecret(String envVariable, String prompt) {
        return session.newSecret(envVariable, prompt);
    }

    /** The plan catalog, acting for {@code --user}. */
    public StoredPlanCatalog catalog(Store store) {
        return catalog(store, globals.user());
    }

    /** The plan catalog, acting for {@code actor}. */
    public StoredPlanCatalog catalog(Store store, String actor) {
        PlanFormat format = new PlanFormat();
        return new StoredPlanCatalog(store.plans(), store.rollouts(), new PlanImporter(format), format,
                access(store).access(), actor);
    }
}
