package dev.rampart.ui.releases;

import dev.rampart.domain.access.Role;
import dev.rampart.engine.PlanSummary;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.engine.access.SignRequest;
import dev.rampart.evidence.EvidencePack;
import dev.rampart.format.PlanFormat;
import dev.rampart.format.PlanImporter;
import dev.rampart.store.AuditChain;
import dev.rampart.ui.CurrentThreadTaskRunner;
import dev.rampart.ui.DemoPlans;
import dev.rampart.ui.ServiceRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Starting a rollout after its checklist, and exporting evidence, through the view model on the real services. */
class ReleasesStartAndEvidenceTest {
    @TempDir
    Path folder;
    private ServiceRig rig;

    @BeforeEach
    void openStore() {
        rig = new ServiceRig(folder);
    }

    @AfterEach
    void closeStore() {
        rig.close();
    }

    private ReleasesViewModel screenFor(String user) {
        StoredPlanCatalog catalog = new StoredPlanCatalog(rig.store.plans(), rig.store.rollouts(), new PlanImporter(),
                new PlanFormat(), rig.access.access(), user);
        ReleasesViewModel vm = new ReleasesViewModel(catalog, new CurrentThreadTaskRunner(), new ReleaseActions(
                rig.service, rig.access.signatures(), rig.service.evidence(rig.store.audit(), rig.store.audit()), user));
        vm.reload().execute();
        vm.selectedPlanProperty().set(vm.plans().get(0));
        return vm;
    }

    @Test
    void startShowsThePreconditionsFirstAndStartsOnlyOnConfirmation() {
        long planId = rig.store(DemoPlans.checkoutCanary());
        ReleasesViewModel vm = screenFor("mona");

        vm.startRollout().execute();

        StartChecklist checklist = vm.startChecklistProperty().get();
        assertThat(checklist.planId()).isEqualTo(planId);
        assertThat(checklist.title()).isEqualTo("Start a rollout of " + vm.selectedPlanProperty().get().changeId() + "?");
        assertThat(checklist.warning()).isEmpty();
        assertThat(checklist.lines()).extracting(StartChecklist.Line::section, StartChecklist.Line::text,
                StartChecklist.Line::role, StartChecklist.Line::signed).startsWith(
                tuple("Preconditions", "CI green for backend, frontend and E2E jobs", "engineering", "not signed yet"),
                tuple("Preconditions", "Backup snapshot taken and restore tested", "infrastructure", "not signed yet"));
        assertThat(checklist.lines()).extracting(StartChecklist.Line::section).contains("Smoke tests");
        assertThat(vm.startRollout().isExecutable()).as("one checklist at a time").isFalse();
        assertThat(rig.service.all()).isEmpty();

        vm.confirmStart();

        assertThat(rig.service.all()).hasSize(1);
        long rolloutId = rig.service.all().get(0).id();
        assertThat(vm.startedRolloutProperty().get()).isEqualTo(rolloutId);
        assertThat(vm.startChecklistProperty().get()).isNull();
        assertThat(vm.noticeProperty().get()).startsWith("Started rollout #" + rolloutId + " of ");
        assertThat(vm.noticeRefusedProperty().get()).isFalse();
        assertThat(vm.selectedPlanProperty().get().state()).isNotEqualTo("draft");
        assertThat(vm.exportEvidence().isExecutable()).isTrue();
    }

    @Test
    void cancellingTheChecklistStartsNothing() {
        rig.store(DemoPlans.checkoutCanary());
        ReleasesViewModel vm = screenFor("mona");
        vm.startRollout().execute();

        vm.cancelStart();

        assertThat(vm.startChecklistProperty().get()).isNull();
        assertThat(rig.service.all()).isEmpty();
        assertThat(vm.startRollout().isExecutable()).isTrue();
    }

    @Test
    void theServicesRefusalIsShownAndNothingStarts() {
        rig.store(DemoPlans.checkoutCanary());
        ReleasesViewModel vm = screenFor("priya");
        vm.startRollout().execute();

        vm.confirmStart();

        assertThat(rig.service.all()).isEmpty();
        assertThat(vm.noticeRefusedProperty().get()).isTrue();
        assertThat(vm.noticeProperty().get()).startsWith("Not started: ").contains("priya");
        assertThat(vm.startedRolloutProperty().get()).isNull();
    }

    @Test
    void theChecklistSaysWhoSignedOnThePlansLastRollout() {
        long rolloutId = rig.start(DemoPlans.checkoutCanary());
        rig.access.signatures().sign(new SignRequest(rolloutId, null, "Dry run passed", Role.SRE, "ran it twice"),
                "sam", ServiceRig.PASSPHRASE.toCharArray());
        ReleasesViewModel vm = screenFor("mona");

        vm.startRollout().execute();

        StartChecklist checklist = vm.startChecklistProperty().get();
        assertThat(checklist.warning()).isEqualTo("Rollout #" + rolloutId + " of this plan is still running.");
        assertThat(checklist.lines()).filteredOn(l -> l.text().equals("Dry run passed"))
                .singleElement().extracting(StartChecklist.Line::signed).asString()
                .startsWith("signed on rollout #" + rolloutId + " by sam (sre) ");
        assertThat(checklist.lines()).filteredOn(l -> l.text().equals("Rollback plan prepared"))
                .singleElement().extracting(StartChecklist.Line::signed)
                .isEqualTo("not signed on rollout #" + rolloutId);
    }

    @Test
    void evidenceOfTheLatestRolloutGoesIntoANewFolderInsideANonEmptyOne() throws IOException {
        long rolloutId = rig.start(DemoPlans.checkoutCanary());
        rig.minutes(3);
        ReleasesViewModel vm = screenFor("mona");
        Path chosen = Files.createDirectories(folder.resolve("exports"));
        Files.writeString(chosen.resolve("notes.txt"), "something already here");

        vm.exportEvidence().execute(chosen);

        PlanSummary plan = vm.selectedPlanProperty().get();
        Path pack = chosen.resolve("evidence-" + plan.changeId() + "-rollout-" + rolloutId);
        Path report = pack.resolve("report.html").toAbsolutePath();
        assertThat(vm.noticeRefusedProperty().get()).as(vm.noticeProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get())
                .isEqualTo("Evidence pack of rollout #" + rolloutId + " written: open " + report);
        assertThat(vm.noticePathProperty().get()).isEqualTo(report.toString());
        assertThat(report).exists();
        assertThat(EvidencePack.verify(pack, AuditChain::hashOf).intact()).isTrue();
    }

    @Test
    void aDraftHasNoEvidenceToExport() {
        rig.store(DemoPlans.checkoutCanary());
        ReleasesViewModel vm = screenFor("mona");

        assertThat(vm.exportEvidence().isExecutable()).isFalse();
        assertThat(vm.startRollout().isExecutable()).isTrue();
    }
}
