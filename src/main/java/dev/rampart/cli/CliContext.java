package dev.rampart.cli;

import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.format.PlanFormat;
import dev.rampart.format.PlanImporter;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;

import java.io.PrintWriter;

/** What every command is handed: the shared options, the window opener and where to print. */
public record CliContext(Globals globals, Console console, PrintWriter out, PrintWriter err) {

    /** Opens the store named by {@code --db}, or the H2 file in the user's data folder. */
    public Store openStore() {
        String url = globals.db() != null ? globals.db() : DataFolder.defaultJdbcUrl();
        return Store.open(url);
    }

    public StoredPlanCatalog catalog(Store store) {
        PlanFormat format = new PlanFormat();
        return new StoredPlanCatalog(store.plans(), store.rollouts(), new PlanImporter(format), format);
    }
}
