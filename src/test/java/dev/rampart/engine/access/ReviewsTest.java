package dev.rampart.engine.access;

import dev.rampart.domain.rollout.NewEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewsTest {
    @TempDir
    Path folder;
    AccessRig rig;
    long flagged;

    @BeforeEach
    void open() {
        rig = new AccessRig(folder);
        // what the engine records for promote --force
        flagged = rig.store.audit().append(new NewEvent(rig.rollout.id(), AccessRig.T0, "rollout.promoted", "ana", "ga",
                Map.of("forced", "true", "reason", "hotfix", "review", "required"))).seq();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aForcedPromoteStaysFlaggedUntilSomeoneElseReviewsIt() {
        assertThat(rig.reviews.open()).singleElement().satisfies(f -> {
            assertThat(f.seq()).isEqualTo(flagged);
            assertThat(f.reason()).isEqualTo("hotfix");
        });
        assertThatThrownBy(() -> rig.reviews.review("ana", flagged, "fine")).isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("someone else");
        assertThatThrownBy(() -> rig.reviews.review("olga", flagged, "fine")).isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("olga holds observer");
        assertThat(rig.reviews.open()).hasSize(1);

        rig.reviews.review("priya", flagged, "checked the incident ticket");

        assertThat(rig.reviews.open()).isEmpty();
        assertThatThrownBy(() -> rig.reviews.review("sam", flagged, "again"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReviewNeedsAComment() {
        assertThatThrownBy(() -> rig.reviews.review("priya", flagged, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
