package dev.rampart.engine.access;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.rampart.engine.access.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** product.md's table of who may do what, checked through {@link Access} on a real store, for every role. */
class AccessPolicyTest {
    /** What each person of {@link AccessRig} may do; everything else must be refused. */
    private static final Map<String, Set<Permission>> MAY = Map.of(
            "ana", EnumSet.of(VIEW, ACKNOWLEDGE_ALERT, REQUEST_PAUSE, IMPORT_PLAN, SCHEDULE, START, ADVANCE, PAUSE,
                    RESUME, MOVE_TRAFFIC, ROLLBACK, PROMOTE, KILL_SWITCH, SIGN, REVIEW),
            "priya", EnumSet.of(VIEW, ACKNOWLEDGE_ALERT, REQUEST_PAUSE, SIGN, REVIEW),
            "olga", EnumSet.of(VIEW, ACKNOWLEDGE_ALERT, REQUEST_PAUSE),
            "root", EnumSet.of(VIEW, ACKNOWLEDGE_ALERT, REQUEST_PAUSE, IMPORT_PLAN, SCHEDULE, START, ADVANCE, PAUSE,
                    RESUME, MOVE_TRAFFIC, ROLLBACK, PROMOTE, KILL_SWITCH, SIGN, REVIEW, MANAGE_PEOPLE,
                    MANAGE_ADAPTERS, MANAGE_STORE));

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
    void everyRoleMayDoWhatTheTableSaysAndIsRefusedEverythingElse() {
        MAY.forEach((who, allowed) -> {
            for (Permission p : Permission.values()) {
                if (allowed.contains(p)) {
                    assertThatCode(() -> rig.access.require(who, p, 1L)).as(who + " " + p).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> rig.access.require(who, p, 1L)).as(who + " " + p)
                            .isInstanceOf(NotPermittedException.class)
                            .satisfies(e -> assertThat(((NotPermittedException) e).permission()).isEqualTo(p));
                }
                assertThat(rig.access.allows(who, p)).as(who + " " + p).isEqualTo(allowed.contains(p));
            }
        });
    }

    @Test
    void theRefusalSaysWhatIsHeldAndWhatIsNeeded() {
        assertThatThrownBy(() -> rig.access.require("olga", ROLLBACK, 7L))
                .hasMessage("olga holds observer; rolling back rollout 7 needs release_owner");
        assertThatThrownBy(() -> rig.access.require("priya", MOVE_TRAFFIC, null))
                .hasMessage("priya holds product; moving traffic needs release_owner");
        assertThatThrownBy(() -> rig.access.require("ana", MANAGE_PEOPLE, null))
                .hasMessage("ana holds release_owner; managing people and roles needs admin");
    }

    @Test
    void strangersMayDoNothing() {
        assertThatThrownBy(() -> rig.access.require("mallory", VIEW, null))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("Nobody called mallory");
        assertThatThrownBy(() -> rig.access.require(null, VIEW, null)).isInstanceOf(NotPermittedException.class);
        assertThat(rig.access.allows("mallory", VIEW)).isFalse();
    }

    @Test
    void rolesAddUp() {
        Person both = Person.of("x", null, List.of(Role.OBSERVER, Role.SRE));
        assertThat(rig.policy.allows(both, SIGN)).isTrue();
        assertThat(rig.policy.allows(both, ROLLBACK)).isFalse();
    }

    @Test
    void teamDefinedRolesAreApprovers() {
        Role legal = Role.of("Legal review");
        assertThat(legal.name()).isEqualTo("legal_review");
        assertThat(rig.policy.permissionsOf(legal)).contains(SIGN).doesNotContain(ROLLBACK, MANAGE_PEOPLE);
        assertThatThrownBy(() -> new Role("Bad Name")).isInstanceOf(IllegalArgumentException.class);
    }
}
