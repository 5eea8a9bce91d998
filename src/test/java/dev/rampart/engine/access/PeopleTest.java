package dev.rampart.engine.access;

import dev.rampart.domain.access.EnrolledKey;
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
    void theFirstStartMadeItsPersonAdminAndReleaseOwnerAndAddsNobodyTwice() {
        assertThat(rig.people.find("root")).map(Person::roles).hasValueSatisfying(r ->
                assertThat(r).containsExactly(Role.ADMIN, Role.RELEASE_OWNER));
        assertThat(rig.people.canSign("root")).isFalse();
        assertThat(rig.people.canSign("priya")).isTrue();
        assertThat(rig.people.firstStart("someone-else")).isFalse();
        assertThat(rig.people.found("someone-else", null, "someone-else-pass".toCharArray())).isFalse();
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

        rig.people.add("root", "eve", "Eve", List.of(Role.OBSERVER), null);
        assertThat(rig.people.grant("root", "eve", Role.of("Legal")).roles()).containsExactly(new Role("legal"),
                Role.OBSERVER);
        assertThat(rig.people.revoke("root", "eve", Role.OBSERVER).roles()).containsExactly(new Role("legal"));
        assertThat(rig.people.find("eve").get().roles()).containsExactly(new Role("legal"));
        assertThat(rig.store.audit().read(0, 1000)).extracting(AuditEvent::type)
                .contains("person.added", "role.granted", "role.revoked", "key.enrolled");
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
    void aPersonEnrolsTheirOwnKeyAndAnAdminCanOnlyRevokeIt() {
        EnrolledKey before = rig.people.key("sam").orElseThrow();
        assertThatThrownBy(() -> rig.people.enrol("mallory", "mallory-passphrase".toCharArray(), false))
                .isInstanceOf(NotPermittedException.class);
        // enrolling again with the key already held changes nothing
        assertThat(rig.people.enrol("sam", AccessRig.pass("sam"), false)).isEqualTo(before);
        assertThatThrownBy(() -> rig.people.enrol("sam", "not-sams-passphrase".toCharArray(), false))
                .isInstanceOf(WrongPassphraseException.class);

        rig.people.revokeKey("root", "sam", "laptop lost");
        assertThat(rig.people.canSign("sam")).isFalse();
        assertThatThrownBy(() -> rig.people.revokeKey("priya", "sec", "")).isInstanceOf(NotPermittedException.class);

        EnrolledKey fresh = rig.people.enrol("sam", "sams-new-passphrase".toCharArray(), true);
        assertThat(fresh.keyId()).isNotEqualTo(before.keyId());
        assertThat(rig.people.news("sam", 0)).extracting(AuditEvent::type)
                .containsSubsequence("key.enrolled", "key.revoked", "key.enrolled");
    }

    @Test
    void passphrasesHaveTwelveCharactersAtLeast() {
        rig.people.add("root", "newbie", null, List.of(Role.PRODUCT), null);
        assertThatThrownBy(() -> rig.people.enrol("newbie", "elevenchars".toCharArray(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12");
        assertThat(rig.people.canSign("newbie")).isFalse();
        rig.people.enrol("newbie", "twelve-chars".toCharArray(), false);
        assertThatThrownBy(() -> rig.people.changePassphrase("newbie", "twelve-chars".toCharArray(),
                "short".toCharArray())).isInstanceOf(IllegalArgumentException.class);
        rig.people.changePassphrase("newbie", "twelve-chars".toCharArray(), "a-longer-passphrase".toCharArray());
        assertThatThrownBy(() -> rig.people.changePassphrase("newbie", "twelve-chars".toCharArray(),
                "another-passphrase".toCharArray())).isInstanceOf(WrongPassphraseException.class);
    }
}
