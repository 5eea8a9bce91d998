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
 * What every command is handed: the shared options, the window opener, the adapters plans may name, and where to
 * print.
 */
public record CliContext(Globals globals, Console console, Deployments deployments, PrintWriter out,
                         PrintWriter err) {

    /**
     * Opens the store named by {@code --db}, or the H2 file in the user's data folder. On a store's first start the
     * operating-system user becomes its admin and release owner.
     */
    public Store openStore() {
        String url = globals.db() != null ? globals.db() : DataFolder.defaultJdbcUrl();
        Store store = StoreOpening.open(url, err);
        if (store.schema().writable()) {
            access(store).people().firstStart(Globals.osUser());
        } else { // only read: said up front, so a refusal for another reason does not hide it
            err.println("rampart: read-only: " + store.schema().writeProblem());
        }
        return store;
    }

    /** Opens the store named by {@code --db} (or the default) and changes nothing in it: no first-start admin. */
    public Store openStoreAsIs() {
        String url = globals.db() != null ? globals.db() : DataFolder.defaultJdbcUrl();
        return StoreOpening.open(url, err);
    }

    /** Who may do what on this store. */
    public AccessServices access(Store store) {
        return AccessServices.on(store.people(), store.signatures(), store.rollouts(), store.plans(), store.audit(),
                Clock.systemUTC());
    }

    /** The service layer for rollouts on the wall clock, on this store; gates open on stored signatures. */
    public RolloutService rollouts(Store store) {
        AccessServices access = access(store);
        return new RolloutService(store.plans(), store.rollouts(), store.intents(), access.approvals(),
                deployments.filingEvidenceIn(store.audit()),
                Clock.systemUTC(), EngineSettings.wallClock(), new PlanFormat(), access);
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
