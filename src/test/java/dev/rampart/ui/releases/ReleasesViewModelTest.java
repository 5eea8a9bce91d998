package dev.rampart.ui.releases;

import dev.rampart.engine.PlanSummary;
import dev.rampart.format.Problem;
import dev.rampart.ui.CurrentThreadTaskRunner;
import dev.rampart.ui.DeferredTaskRunner;
import dev.rampart.ui.InMemoryPlanCatalog;
import dev.rampart.ui.SamplePlans;
import dev.rampart.ui.widgets.StageStep;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReleasesViewModelTest {
    private final InMemoryPlanCatalog catalog = new InMemoryPlanCatalog();
    private final ReleasesViewModel viewModel = new ReleasesViewModel(catalog, new CurrentThreadTaskRunner());

    @Test
    void loadsThePlansOfTheCatalog() {
        catalog.add(SamplePlans.journalSchema(), "running", "25pct", "2026-12-02 09:00 go/no-go");
        catalog.add(SamplePlans.prescriptionUploads());

        viewModel.reload().execute();

        assertThat(viewModel.plans()).extracting(PlanSummary::changeId)
                .containsExactly("CHG-2026-118", "REL-2026-11-30-02");
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("2 plans");
        assertThat(viewModel.reload().isRunning()).isFalse();
        assertThat(viewModel.selectedPlanProperty().get()).isNull();
    }

    @Test
    void importSelectsTheNewPlanAndReportsTheDefaultsApplied() {
        catalog.add(SamplePlans.journalSchema());
        catalog.accepting("checkout.json", SamplePlans.checkout(), "stage ga: min_duration 1 h (none given)");
        viewModel.reload().execute();

        viewModel.importPlan().execute(Path.of("plans", "checkout.json"));

        assertThat(viewModel.plans()).extracting(PlanSummary::changeId)
                .containsExactly("CHG-2026-118", "REL-2026-12-01-01");
        PlanSummary selected = viewModel.selectedPlanProperty().get();
        assertThat(selected.changeId()).isEqualTo("REL-2026-12-01-01");
        assertThat(viewModel.defaultsApplied()).containsExactly("stage ga: min_duration 1 h (none given)");
        assertThat(viewModel.problems()).isEmpty();
        assertThat(viewModel.statusMessageProperty().get())
                .isEqualTo("Imported checkout.json as REL-2026-12-01-01 · 2 plans");
        assertThat(viewModel.importPlan().isExecutable()).isTrue();
    }

    @Test
    void aFreshlyImportedPlanShowsItsFullLadder() {
        catalog.accepting("checkout.json", SamplePlans.checkout());

        viewModel.importPlan().execute(Path.of("checkout.json"));

        assertThat(viewModel.detailTitleProperty().get()).isEqualTo("REL-2026-12-01-01");
        assertThat(viewModel.detailSubtitleProperty().get()).isEqualTo("checkout 2.1.0 · owner mona");
        assertThat(viewModel.selectedStages()).extracting(StageStep::name, StageStep::trafficText,
                        StageStep::minDurationText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("internal_test", "0.5 %", "1 h"),
                        org.assertj.core.groups.Tuple.tuple("friendly_gp", "5 %", "24 h"),
                        org.assertj.core.groups.Tuple.tuple("beta", "25 %", "48 h"),
                        org.assertj.core.groups.Tuple.tuple("ga", "100 %", "—"));
        assertThat(viewModel.stageDetailsKnownProperty().get()).isTrue();
        assertThat(viewModel.stagesNoteProperty().get()).isEmpty();
    }

    @Test
    void aListedPlanShowsItsFullLadderOnceTheStoredPlanIsRead() {
        catalog.add(SamplePlans.journalSchema());
        viewModel.reload().execute();

        viewModel.selectedPlanProperty().set(viewModel.plans().get(0));

        assertThat(viewModel.selectedStages()).extracting(StageStep::name, StageStep::trafficText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("canary", "10 %"),
                        org.assertj.core.groups.Tuple.tuple("25pct", "25 %"),
                        org.assertj.core.groups.Tuple.tuple("100pct", "100 %"));
        assertThat(viewModel.stageDetailsKnownProperty().get()).isTrue();
        assertThat(viewModel.stagesNoteProperty().get()).isEmpty();
    }

    @Test
    void aListedPlanThatCannotBeReadShowsItsStageNamesAndSaysWhy() {
        catalog.add(SamplePlans.journalSchema());
        viewModel.reload().execute();
        catalog.failNextCall(new IllegalStateException("database is locked"));

        viewModel.selectedPlanProperty().set(viewModel.plans().get(0));

        assertThat(viewModel.selectedStages()).extracting(StageStep::name).containsExactly("canary", "25pct", "100pct");
        assertThat(viewModel.stageDetailsKnownProperty().get()).isFalse();
        assertThat(viewModel.stagesNoteProperty().get())
                .isEqualTo("Only stage names are listed: the plan could not be read (database is locked).");
    }

    @Test
    void exportWritesTheSelectedPlanAsTheFileNameSays(@org.junit.jupiter.api.io.TempDir Path folder)
            throws java.io.IOException {
        catalog.add(SamplePlans.checkout());
        viewModel.reload().execute();
        assertThat(viewModel.exportPlan().isExecutable()).isFalse();
        viewModel.selectedPlanProperty().set(viewModel.plans().get(0));
        assertThat(viewModel.suggestedExportName()).isEqualTo("REL-2026-12-01-01.json");

        Path yaml = folder.resolve("checkout.yaml");
        viewModel.exportPlan().execute(yaml);

        String text = java.nio.file.Files.readString(yaml);
        assertThat(text).contains("schema: rampart/plan/v1").doesNotStartWith("{");
        assertThat(viewModel.noticeProperty().get()).isEqualTo("Exported REL-2026-12-01-01 to " + yaml.toAbsolutePath());
        assertThat(viewModel.noticeRefusedProperty().get()).isFalse();
        assertThat(viewModel.noticePathProperty().get()).isEqualTo(yaml.toAbsolutePath().toString());
    }

    @Test
    void aFailedExportSaysWhy(@org.junit.jupiter.api.io.TempDir Path folder) {
        catalog.add(SamplePlans.checkout());
        viewModel.reload().execute();
        viewModel.selectedPlanProperty().set(viewModel.plans().get(0));

        viewModel.exportPlan().execute(folder.resolve("no-such-folder").resolve("x.json"));

        assertThat(viewModel.noticeRefusedProperty().get()).isTrue();
        assertThat(viewModel.noticeProperty().get()).startsWith("Could not export REL-2026-12-01-01: ");
        assertThat(viewModel.exportPlan().isExecutable()).isTrue();
    }

    @Test
    void withoutTheRolloutServiceNothingCanBeStarted() {
        catalog.add(SamplePlans.checkout(), "running", "beta", null);
        viewModel.reload().execute();
        viewModel.selectedPlanProperty().set(viewModel.plans().get(0));

        assertThat(viewModel.startRollout().isExecutable()).isFalse();
        assertThat(viewModel.exportEvidence().isExecutable()).isFalse();
    }

    @Test
    void importWithProblemsKeepsTheListAndExposesTheProblems() {
        catalog.add(SamplePlans.journalSchema());
        catalog.add(SamplePlans.prescriptionUploads());
        catalog.refusing("x.json",
                new Problem("x.json", 3, 7, "traffic_percent must be a number"),
                new Problem("x.json", 9, 5, "unknown key \"trafic_percent\""));
        viewModel.reload().execute();
        List<PlanSummary> before = List.copyOf(viewModel.plans());
        PlanSummary selected = viewModel.plans().get(1);
        viewModel.selectedPlanProperty().set(selected);
        int loadsBefore = catalog.loadCount();

        viewModel.importPlan().execute(Path.of("x.json"));

        assertThat(viewModel.plans()).isEqualTo(before);
        assertThat(viewModel.selectedPlanProperty().get()).isEqualTo(selected);
        assertThat(catalog.loadCount()).isEqualTo(loadsBefore);
        assertThat(viewModel.problems()).containsExactly(
                "x.json:3:7: traffic_percent must be a number",
                "x.json:9:5: unknown key \"trafic_percent\"");
        assertThat(viewModel.defaultsApplied()).isEmpty();
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("x.json was not imported: 2 problems");
    }

    @Test
    void aSuccessfulImportClearsTheProblemsOfTheLastOne() {
        catalog.refusing("x.json", new Problem("x.json", 3, 7, "traffic_percent must be a number"));
        catalog.accepting("checkout.json", SamplePlans.checkout(), "stage ga: min_duration 1 h (none given)");
        viewModel.importPlan().execute(Path.of("x.json"));

        viewModel.importPlan().execute(Path.of("checkout.json"));

        assertThat(viewModel.problems()).isEmpty();
        assertThat(viewModel.defaultsApplied()).hasSize(1);
    }

    @Test
    void aStoreFailureDuringImportIsShownAsAProblem() {
        catalog.add(SamplePlans.journalSchema());
        viewModel.reload().execute();
        catalog.failNextCall(new IllegalStateException("database is locked"));

        viewModel.importPlan().execute(Path.of("checkout.json"));

        assertThat(viewModel.problems()).containsExactly("checkout.json: could not be imported: database is locked");
        assertThat(viewModel.plans()).hasSize(1);
        assertThat(viewModel.importPlan().isRunning()).isFalse();
    }

    @Test
    void aFailedLoadSaysSoAndKeepsWhatWasShown() {
        catalog.add(SamplePlans.journalSchema());
        viewModel.reload().execute();
        catalog.failNextCall(new IllegalStateException("connection refused"));

        viewModel.reload().execute();

        assertThat(viewModel.plans()).hasSize(1);
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("Could not load the plans: connection refused");
    }

    @Test
    void reloadKeepsTheSelectedPlanSelected() {
        catalog.add(SamplePlans.journalSchema());
        catalog.add(SamplePlans.prescriptionUploads());
        viewModel.reload().execute();
        viewModel.selectedPlanProperty().set(viewModel.plans().get(1));

        viewModel.reload().execute();

        assertThat(viewModel.selectedPlanProperty().get().changeId()).isEqualTo("REL-2026-11-30-02");
    }

    @Test
    void importIsNotExecutableWhileAnImportRuns() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        ReleasesViewModel deferred = new ReleasesViewModel(catalog, tasks);
        catalog.accepting("checkout.json", SamplePlans.checkout());

        deferred.importPlan().execute(Path.of("checkout.json"));
        deferred.importPlan().execute(Path.of("checkout.json"));

        assertThat(deferred.importPlan().isRunning()).isTrue();
        assertThat(deferred.importPlan().isExecutable()).isFalse();
        assertThat(deferred.reload().isExecutable()).isFalse();
        assertThat(tasks.pendingCount()).isEqualTo(1);

        tasks.finishAll();

        assertThat(deferred.importPlan().isExecutable()).isTrue();
        assertThat(deferred.reload().isExecutable()).isTrue();
        assertThat(deferred.plans()).hasSize(1);
    }

    @Test
    void importIsNotExecutableWhileThePlansLoadAndTheEmptyTableSaysSo() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        ReleasesViewModel deferred = new ReleasesViewModel(catalog, tasks);

        deferred.reload().execute();

        assertThat(deferred.importPlan().isExecutable()).isFalse();
        assertThat(deferred.emptyTitleProperty().get()).isEqualTo("Loading plans…");
        tasks.finishAll();
        assertThat(deferred.importPlan().isExecutable()).isTrue();
        assertThat(deferred.emptyTitleProperty().get()).isEqualTo("No plans yet");
    }

    @Test
    void dismissingHidesTheMessagesOfTheLastImport() {
        catalog.refusing("x.json", new Problem("x.json", 3, 7, "traffic_percent must be a number"));
        viewModel.importPlan().execute(Path.of("x.json"));

        viewModel.dismissMessages();

        assertThat(viewModel.problems()).isEmpty();
    }

    @Test
    void stagesColumnShowsCountAndNames() {
        PlanSummary plan = catalog.add(SamplePlans.checkout());

        assertThat(PlanCells.stagesText(plan)).isEqualTo("4 · internal_test, friendly_gp, beta, ga");
        assertThat(PlanCells.cellText("stages", plan)).isEqualTo("4 · internal_test, friendly_gp, beta, ga");
        assertThat(PlanCells.cellText("nextDecision", plan)).isEqualTo("—");
        assertThat(PlanCells.cellText("state", plan)).isEqualTo("draft");
    }
}
