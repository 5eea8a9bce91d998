package dev.rampart.ui;

import dev.rampart.domain.plan.Plan;
import dev.rampart.engine.ImportOutcome;
import dev.rampart.engine.PlanCatalog;
import dev.rampart.engine.PlanSummary;
import dev.rampart.format.Problem;
import dev.rampart.ui.releases.ReleasesView;
import dev.rampart.ui.shell.Screen;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the console on an in-memory catalog of three sample plans, to look at it (for example under Xvfb).
 * Options: {@code --empty} (no plans), {@code --slow} (every catalog call takes 10 s), {@code --dark}, {@code --screen=calendar}, {@code --import=checkout.json|x.json} (imports through the
 * Ctrl+I shortcut), {@code --snapshot=FILE.png} (the scene, once settled) and {@code --exit} (after the snapshot).
 */
public final class ConsolePreview {
    private ConsolePreview() {
    }

    private static final ServiceRig PREVIEW = previewRig();

    private static ServiceRig previewRig() {
        try {
            return new ServiceRig(java.nio.file.Files.createTempDirectory("rampart-preview"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] parts = arg.replaceFirst("^--", "").split("=", 2);
            options.put(parts[0], parts.length > 1 ? parts[1] : "true");
        }
        Platform.startup(() -> open(options));
    }

    /** Every call takes ten seconds, to look at the status bar while work runs. */
    private static PlanCatalog slow(PlanCatalog catalog) {
        return new PlanCatalog() {
            @Override
            public ImportOutcome importFile(Path file) {
                pause();
                return catalog.importFile(file);
            }

            @Override
            public List<PlanSummary> plans() {
                pause();
                return catalog.plans();
            }

            @Override
            public Optional<Plan> plan(long id) {
                pause();
                return catalog.plan(id);
            }

            @Override
            public void export(long id, Path file) {
                pause();
                catalog.export(id, file);
            }

            private void pause() {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private static void open(Map<String, String> options) {
        InMemoryPlanCatalog catalog = new InMemoryPlanCatalog();
        if (!options.containsKey("empty")) {
            catalog.add(SamplePlans.journalSchema(), "running", "25pct", "Tue 1 Dec 14:00 · go/no-go (schema steward)");
            catalog.add(SamplePlans.prescriptionUploads(), "scheduled", null, "Mon 30 Nov 09:00 · start");
            catalog.add(SamplePlans.ledgerMigration(), "rolled_back", "canary", null);
        }
        catalog.accepting("checkout.json", SamplePlans.checkoutAsImported(),
                "stage ga: min_duration PT1H (none given; a stage holds 1 h by default)");
        catalog.refusing("x.json",
                new Problem("x.json", 3, 7, "traffic_percent must be a number, not \"five\""),
                new Problem("x.json", 12, 5, "unknown key \"halt_rule\" (did you mean \"halt_rules\"?)"),
                new Problem("x.json", 14, 18, "bad halt rule: expected a comparison after \"error_rate\" at column 12"));

        FxTaskRunner tasks = new FxTaskRunner();
        String file = options.getOrDefault("import", "checkout.json");
        PlanCatalog plans = options.containsKey("slow") ? slow(catalog) : catalog;
        MainWindow window = new MainWindow(new UiContext(plans, tasks, "Mona Said", List.of(tasks::close))
                .withRollouts(PREVIEW.service, tasks)
                .withAccess(PREVIEW.access, PREVIEW.store.audit(), PREVIEW.store.audit()), owner -> Optional.of(Path.of(file)));
        Stage stage = new Stage();
        window.show(stage);
        stage.setX(0);
        stage.setY(0);
        if (options.containsKey("dark")) {
            window.shell().toggleTheme();
        }
        if (options.containsKey("screen")) {
            window.shell().show(Screen.valueOf(options.get("screen").toUpperCase(java.util.Locale.ROOT)));
        }
        if (options.containsKey("import")) {
            // After the first load: an import is refused while the plans load.
            PauseTransition loaded = new PauseTransition(Duration.seconds(0.8));
            loaded.setOnFinished(e -> window.scene().getAccelerators().get(ReleasesView.IMPORT_SHORTCUT).run());
            loaded.play();
        }
        if (options.containsKey("snapshot")) {
            PauseTransition settle = new PauseTransition(Duration.seconds(2));
            settle.setOnFinished(e -> {
                try {
                    System.out.println("snapshot: " + Screenshot.write(window.scene(), Path.of(options.get("snapshot"))));
                } catch (java.io.IOException ex) {
                    ex.printStackTrace();
                }
                if (options.containsKey("exit")) {
                    stage.close();
                }
            });
            settle.play();
        }
    }
}
