package dev.rampart.ui.people;

import dev.rampart.domain.access.Role;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.engine.access.Passphrases;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import dev.rampart.ui.CurrentThreadTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The people screen without a window, on a real store whose first start made "root" its admin. */
class PeopleViewModelTest {
    @TempDir
    Path folder;
    Store store;
    AccessServices access;

    @BeforeEach
    void open() {
        store = Store.open(DataFolder.jdbcUrl(folder));
        access = AccessServices.on(store.people(), store.signatures(), store.rollouts(), store.plans(), store.audit(),
                Clock.systemUTC(), new Passphrases(1000));
        access.people().firstStart("root");
        access.people().add("root", "olga", "Olga", List.of(Role.OBSERVER), null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private PeopleViewModel as(String user) {
        PeopleViewModel vm = new PeopleViewModel(access.people(), access.access(), new CurrentThreadTaskRunner(), user);
        vm.reload().execute();
        return vm;
    }

    @Test
    void anAdminSeesEveryoneAndAddsSomeone() {
        PeopleViewModel vm = as("root");
        assertThat(vm.people()).extracting(PersonRow::name, PersonRow::roles)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("olga", "observer"),
                        org.assertj.core.groups.Tuple.tuple("root", "admin, release_owner"));
        assertThat(vm.canManageProperty().get()).isTrue();
        assertThat(vm.add().isExecutable()).isFalse();

        vm.newNameProperty().set("priya");
        vm.newDisplayNameProperty().set("Priya Raman");
        vm.roleProperty().set("Product");
        vm.add().execute();

        assertThat(vm.failedProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("Added priya (product)");
        assertThat(vm.people()).extracting(PersonRow::name).containsExactly("olga", "priya", "root");
        assertThat(vm.newNameProperty().get()).isEmpty();
        assertThat(vm.roleChoices()).contains("product", "schema_steward", "release_owner");
    }

    @Test
    void anAdminGrantsAndRevokesARoleOnTheSelectedPerson() {
        PeopleViewModel vm = as("root");
        vm.selectedProperty().set(vm.people().get(0));
        vm.roleProperty().set("Schema steward");
        assertThat(vm.grant().isExecutable()).isTrue();
        vm.grant().execute();
        assertThat(vm.messageProperty().get()).isEqualTo("olga now holds observer, schema_steward");
        assertThat(vm.selectedProperty().get().roles()).isEqualTo("observer, schema_steward");

        vm.roleProperty().set("observer");
        vm.revoke().execute();
        assertThat(store.people().find("olga").get().roles()).containsExactly(Role.SCHEMA_STEWARD);
    }

    @Test
    void whoIsNotAnAdminCanLookButNotChange() {
        PeopleViewModel vm = as("olga");
        assertThat(vm.people()).hasSize(2);
        assertThat(vm.canManageProperty().get()).isFalse();
        vm.newNameProperty().set("eve");
        vm.selectedProperty().set(vm.people().get(0));
        vm.roleProperty().set("admin");
        assertThat(vm.add().isExecutable()).isFalse();
        assertThat(vm.grant().isExecutable()).isFalse();
        assertThat(store.people().find("eve")).isEmpty();
    }

    @Test
    void theLastAdminCannotBeRemovedAndTheScreenSaysWhy() {
        PeopleViewModel vm = as("root");
        vm.selectedProperty().set(vm.people().get(1));
        vm.roleProperty().set("admin");
        vm.revoke().execute();
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("only admin");
        assertThat(vm.revoke().isRunning()).isFalse();
    }
}
