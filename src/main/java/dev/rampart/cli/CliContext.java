package dev.rampart.cli;

import dev.rampart.engine.ApprovalBook;
import dev.rampart.engine.Deployments;
import dev.rampart.engine.EngineSettings;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.format.PlanFormat;
import dev.rampart.format.PlanImporter;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;

/**
 * What every command is handed: the shared options, the window opener, the adapters plans may name, and where to
 * print.
 */
public record CliContext(Globals globals, Console console, Deployments deployments, PrintWriter out,
                         PrintWriter err) {

    /** Opens the store named by {@code --db}, or the H2 file in the user's data folder. */
    public Store openStore() {
        String url = globals.db() != null ? globals.db() : DataFolder.defaultJdbcUrl();
        return Store.open(url);
    }

    /** The service layer for rollouts on the wall clock, on this store. */
    public RolloutService rollouts(Store store) {
        // Until sign-offs are stored, a wall-clock rollout waits at any stage that needs an approval.
        ApprovalBook nothingSigned = (rolloutId, stage, role, due) -> Optional.empty();
        return new RolloutService(store.plans(), store.rollouts(), store.intents(), nothingSigned, deployments,
                Clock.systemUTC(), EngineSettings.wallClock(), new PlanFormat());
    }

    public StoredPlanCatalog catalog(Store store) {
        PlanFormat format = new PlanFormat();
        return new StoredPlanCatalog(store.plans(), store.rollouts(), new PlanImporter(format), format);
    }
}
