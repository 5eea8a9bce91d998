package dev.rampart.engine.access;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.rollout.AuditEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeopleTest {
    @TempDir
    Path folder;
    AccessRig rig;

    @BeforeEach
    void open() {
        rig = new AccessRig(folder);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void theFirstStartMadeTheOsUserAdminAndReleaseOwnerAndAddsNobodyTwice() {
        assertThat(rig.people.find("root")).map(Person::roles).hasValueSatisfying(r ->
                assertThat(r).containsExactly(Role.ADMIN, Role.RELEASE_OWNER));
        assertThat(rig.people.canSign("root")).isFalse();
        assertThat(rig.people.canSign("priya")).isTrue();
        assertThat(rig.people.firstStart("someone-else")).isFalse();
        assertThat(rig.people.find("someone-else")).isEmpty();
    }

    @Test
    void onlyAnAdminAddsPeopleAndChangesRoles() {
        for (String who : List.of("ana", "priya", "olga")) {
            assertThatThrownBy(() -> rig.people.add(who, "eve", null, List.of(Role.ADMIN), null))
                    .isInstanceOf(NotPermittedException.class).hasMessageContaining("needs admin");
            assertThatThrownBy(() -> rig.people.grant(who, who, Role.ADMIN)).isInstanceOf(NotPermittedException.class);
            assertThatThrownBy(() -> rig.people.revoke(who, "root", Role.ADMIN))
                    .isInstanceOf(NotPermittedException.class);
        }
        assertThat(rig.people.find("eve")).isEmpty();
        assertThat(rig.people.find("root").get().holds(Role.ADMIN)).isTrue();

        rig.people.add("root", "eve", "Eve", List.of(Role.OBSERVER), "eve-pass".toCharArray());
        assertThat(rig.people.grant("root", "eve", Role.of("Legal")).roles()).containsExactly(new Role("legal"),
                Role.OBSERVER);
        assertThat(rig.people.revoke("root", "eve", Role.OBSERVER).roles()).containsExactly(new Role("legal"));
        assertThat(rig.store.audit().read(0, 1000)).extracting(AuditEvent::type)
                .contains("person.added", "role.granted", "role.revoked");
    }

    @Test
    void theLastAdminStays() {
        assertThatThrownBy(() -> rig.people.revoke("root", "root", Role.ADMIN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only admin");
        rig.people.grant("root", "sam", Role.ADMIN);
        rig.people.revoke("root", "root", Role.ADMIN);
        assertThat(rig.people.find("root").get().roles()).containsExactly(Role.RELEASE_OWNER);
    }

    @Test
    void aPersonChangesTheirOwnPassphraseKnowingTheOldOneAndAnAdminResetsAnyone() {
        assertThatThrownBy(() -> rig.people.setPassphrase("sam", "sam", "wrong".toCharArray(), "new-pass".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
        rig.people.setPassphrase("sam", "sam", AccessRig.pass("sam"), "new-pass".toCharArray());
        assertThatThrownBy(() -> rig.people.setPassphrase("priya", "sam", null, "mine-now".toCharArray()))
                .isInstanceOf(NotPermittedException.class);
        rig.people.setPassphrase("root", "sam", null, "reset-pass".toCharArray());
        rig.people.setPassphrase("root", "root", null, "first-pass".toCharArray());
        assertThat(rig.people.canSign("root")).isTrue();
        assertThatThrownBy(() -> rig.people.setPassphrase("root", "root", null, "abc".toCharArray()))
                .isInstanceOf(RuntimeException.class);
        AuditEvent last = rig.store.audit().read(rig.store.audit().count() - 1, 1).get(0);
        assertThat(last.type()).isEqualTo("person.passphrase_set");
        assertThat(last.data().toString()).doesNotContain("first-pass").doesNotContain("pbkdf2");
    }
}
