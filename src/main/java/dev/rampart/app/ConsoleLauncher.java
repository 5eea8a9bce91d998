package dev.rampart.app;

import dev.rampart.cli.CliContext;
import dev.rampart.cli.Console;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.store.Store;
import dev.rampart.ui.FxTaskRunner;
import dev.rampart.ui.MainWindow;
import dev.rampart.ui.UiContext;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The composition root of the console: opens the store, makes sure a new user has the demo workspace, starts the
 * JavaFX toolkit and shows the main window. The only place the command line reaches JavaFX.
 */
final class ConsoleLauncher implements Console {
    @Override
    public int open(CliContext cx) {
        Store store = cx.openStore();
        StoredPlanCatalog catalog = cx.catalog(store);
        DemoWorkspace.ensure(catalog);

        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            FxTaskRunner tasks = new FxTaskRunner();
            UiContext context = new UiContext(catalog, tasks, cx.globals().user(),
                    List.of(tasks::close, closed::countDown));
            new MainWindow(context).show(new Stage());
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
            store.close();
        }
        return 0;
    }
}
