package dev.rampart.ui.checklists;

import dev.rampart.domain.access.Role;
import dev.rampart.ui.CurrentThreadTaskRunner;
import dev.rampart.ui.DemoPlans;
import dev.rampart.ui.ServiceRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing through the real access service: the view model shows what it accepts and words what it refuses. */
class ChecklistsViewModelTest {
    private ServiceRig rig;
    private ChecklistsViewModel vm;

    @BeforeEach
    void open(@TempDir Path folder) {
        rig = new ServiceRig(folder);
        rig.start(DemoPlans.checkoutCanary());
        vm = new ChecklistsViewModel(rig.service, rig.access, new CurrentThreadTaskRunner(), ZoneOffset.UTC);
        vm.reload().execute();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void listsEveryChecklistWithTheRolesThatMustSign() {
        assertThat(vm.rows()).extracting(ChecklistRow::list).contains("Pre-release", "Smoke test",
                "internal_test · checklist", "internal_test · go/no-go", "beta · go/no-go");
        ChecklistRow backup = row("Backup snapshot taken and restore tested");
        assertThat(backup.rolesText()).isEqualTo("infrastructure");
        assertThat(backup.status()).isEqualTo(ChecklistRow.Status.OPEN);
        assertThat(vm.people()).extracting(p -> p.name()).contains("priya", "sam", "erin");
    }

    @Test
    void signingWithThePassphraseShowsWhoSignedWhenAndWhy() {
        vm.sign(row("Backup snapshot taken and restore tested"), "sam", Role.INFRASTRUCTURE,
                ServiceRig.PASSPHRASE.toCharArray(), "restored into staging at 08:40");

        ChecklistRow backup = row("Backup snapshot taken and restore tested");
        assertThat(backup.status()).isEqualTo(ChecklistRow.Status.SIGNED);
        assertThat(backup.signedBy()).isEqualTo("sam (infrastructure)");
        assertThat(backup.comment()).isEqualTo("restored into staging at 08:40");
        assertThat(backup.when()).isNotBlank();
        assertThat(vm.refusedProperty().get()).isFalse();
        assertThat(vm.messageProperty().get())
                .isEqualTo("sam signed \"Backup snapshot taken and restore tested\" as infrastructure.");
    }

    @Test
    void signingForARoleNotHeldIsRefusedAndNothingChanges() {
        vm.sign(row("Backup snapshot taken and restore tested"), "priya", Role.INFRASTRUCTURE,
                ServiceRig.PASSPHRASE.toCharArray(), "");

        assertThat(vm.refusedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Not signed: ").contains("priya");
        assertThat(row("Backup snapshot taken and restore tested").status()).isEqualTo(ChecklistRow.Status.OPEN);
    }

    @Test
    void aWrongPassphraseIsRefused() {
        vm.sign(row("Backup snapshot taken and restore tested"), "sam", Role.INFRASTRUCTURE, "guess".toCharArray(), "");

        assertThat(vm.refusedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Not signed: ");
    }

    private ChecklistRow row(String text) {
        return vm.rows().stream().filter(r -> r.text().equals(text)).findFirst().orElseThrow();
    }
}
