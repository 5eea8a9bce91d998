package dev.rampart.engine.access;

import dev.rampart.domain.access.Ed25519;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.Signature;
import dev.rampart.domain.access.SignedContent;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.rollout.Rollout;
import dev.rampart.domain.rollout.RolloutState;
import dev.rampart.engine.SignOff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignaturesTest {
    @TempDir
    Path folder;
    AccessRig rig;
    long id;

    @BeforeEach
    void open() {
        rig = new AccessRig(folder);
        id = rig.rollout.id();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aSignatureRecordsWhoWhatWhenAndTheHashOfWhatWasSigned() {
        rig.clock.advance(Duration.ofMinutes(5));
        char[] passphrase = AccessRig.pass("sam");
        Signature s = rig.signatures.sign(new SignRequest(id, "canary", "Canary diff within tolerance", Role.SRE,
                "diff 0.2%"), "sam", passphrase);

        assertThat(passphrase).containsOnly('\0');
        assertThat(s.signer()).isEqualTo("sam");
        assertThat(s.role()).isEqualTo(Role.SRE);
        assertThat(s.at()).isEqualTo(AccessRig.T0.plus(Duration.ofMinutes(5)));
        assertThat(s.comment()).isEqualTo("diff 0.2%");
        assertThat(s.planSha256()).isEqualTo(rig.plan.sha256());
        String text = SignedContent.text(rig.store.audit().storeId(), id, rig.plan.sha256(), "canary", Role.SRE,
                "Canary diff within tolerance", "diff 0.2%", "sam", s.keyId(), s.at());
        assertThat(s.signedSha256()).isEqualTo(SignedContent.sha256(text));
        assertThat(s.keyId()).isEqualTo(rig.people.key("sam").orElseThrow().keyId());
        assertThat(Ed25519.verifies(rig.keys.publicKey("sam").orElseThrow(), text, s.signature())).isTrue();
        assertThat(rig.signatures.list(id)).containsExactly(s);
        AuditEvent event = rig.store.audit().read(s.auditSeq() - 1, 1).get(0);
        assertThat(event.type()).isEqualTo("signoff.signed");
        assertThat(event.data()).containsEntry("signed_sha256", s.signedSha256()).containsEntry("comment", "diff 0.2%");
    }

    @Test
    void aWrongPassphraseSignsNothingAndIsRecorded() {
        char[] wrong = "not-sams".toCharArray();
        assertThatThrownBy(() -> rig.signatures.sign(new SignRequest(id, "canary", "Canary diff within tolerance",
                Role.SRE, ""), "sam", wrong)).isInstanceOf(WrongPassphraseException.class)
                .hasMessageContaining("not sam's");

        assertThat(wrong).containsOnly('\0');
        assertThat(rig.signatures.list(id)).isEmpty();
        List<AuditEvent> events = rig.store.rollouts().events(id);
        assertThat(events.get(events.size() - 1).type()).isEqualTo("signoff.refused");
        assertThat(events.get(events.size() - 1).data().values()).noneMatch(v -> v.contains("not-sams"));
    }

    @Test
    void anotherPersonsPassphraseDoesNotWork() {
        assertThatThrownBy(() -> rig.signatures.sign(SignRequest.goNoGo(id, "canary", Role.SRE, "go"), "sam",
                AccessRig.pass("priya"))).isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void anObserverCannotSign() {
        assertThatThrownBy(() -> rig.signatures.sign(new SignRequest(id, "canary", "Dashboards watched",
                Role.OBSERVER, ""), "olga", AccessRig.pass("olga")))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("olga holds observer; signing rollout " + id + " needs release_owner or an approver role");
    }

    @Test
    void nobodySignsInARoleTheyDoNotHold() {
        assertThatThrownBy(() -> rig.signatures.sign(SignRequest.goNoGo(id, "canary", Role.SRE, "go"), "priya",
                AccessRig.pass("priya")))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("priya holds product; signing as sre needs sre");
    }

    @Test
    void anItemIsSignedOnlyInTheRoleItNames() {
        assertThatThrownBy(() -> rig.signatures.sign(new SignRequest(id, null, "Backup snapshot tested", Role.PRODUCT,
                ""), "priya", AccessRig.pass("priya")))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("is signed by infrastructure, not product");
        assertThat(rig.signatures.sign(new SignRequest(id, null, "Backup snapshot tested", Role.INFRASTRUCTURE, ""),
                "sam", AccessRig.pass("sam")).role()).isEqualTo(Role.INFRASTRUCTURE);
    }

    @Test
    void aGateIsSignedOnlyByItsDecidingRoles() {
        assertThatThrownBy(() -> rig.signatures.sign(SignRequest.goNoGo(id, "canary", Role.SECURITY, "go"), "sec",
                AccessRig.pass("sec")))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("is signed by sre or product, not security");
    }

    @Test
    void anItemTheRolloutDoesNotHaveIsBadInput() {
        assertThatThrownBy(() -> rig.signatures.sign(new SignRequest(id, "canary", "Made up", Role.SRE, ""), "sam",
                AccessRig.pass("sam"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Made up");
    }

    @Test
    void theStarterCannotSignTheGatesOfTheirRolloutUnderFourEyes() {
        Rollout bos = startedBy("bo");
        assertThatThrownBy(() -> rig.signatures.sign(SignRequest.goNoGo(bos.id(), "canary", Role.PRODUCT, "go"),
                "bo", AccessRig.pass("bo")))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("bo started rollout " + bos.id()).hasMessageContaining("four-eyes");
        assertThatThrownBy(() -> rig.signatures.sign(SignRequest.goNoGo(bos.id(), null, Role.PRODUCT, "go"),
                "bo", AccessRig.pass("bo"))).isInstanceOf(NotPermittedException.class);
        assertThat(rig.signatures.list(bos.id())).isEmpty();
        // someone else may, and so may bo on somebody else's rollout
        rig.signatures.sign(SignRequest.goNoGo(bos.id(), "canary", Role.PRODUCT, "go"), "priya", AccessRig.pass("priya"));
        rig.signatures.sign(SignRequest.goNoGo(id, "canary", Role.PRODUCT, "go"), "bo", AccessRig.pass("bo"));
    }

    @Test
    void withoutFourEyesTheStarterMaySign() {
        var relaxed = rig.importPlan(AccessRig.PLAN.replace("\"four_eyes\": true", "\"four_eyes\": false")
                .replace("REL-7", "REL-8"));
        Rollout bos = rig.store.rollouts().create(relaxed.id(), RolloutState.SCHEDULED, "bo",
                new NewEvent(null, AccessRig.T0, "rollout.scheduled", "bo", null, Map.of()));
        assertThat(rig.signatures.sign(SignRequest.goNoGo(bos.id(), "canary", Role.PRODUCT, "go"), "bo",
                AccessRig.pass("bo")).signer()).isEqualTo("bo");
    }

    @Test
    void signingTheSameThingTwiceIsRefused() {
        rig.signatures.sign(SignRequest.goNoGo(id, "canary", Role.SRE, "go"), "sam", AccessRig.pass("sam"));
        assertThatThrownBy(() -> rig.signatures.sign(SignRequest.goNoGo(id, "canary", Role.SRE, "go"), "sam",
                AccessRig.pass("sam"))).isInstanceOf(NotPermittedException.class).hasMessageContaining("already");
    }

    @Test
    void aPlanChangedAfterASignatureMakesItStaleAndTheGateOpenAgain() {
        SignedApprovals book = new SignedApprovals(rig.signatures);
        Signature s = rig.signatures.sign(SignRequest.goNoGo(id, "canary", Role.SRE, "looks fine"), "sam",
                AccessRig.pass("sam"));
        assertThat(s.stale(rig.signatures.currentPlanSha(id))).isFalse();
        assertThat(book.find(id, "canary", "sre", AccessRig.T0)).map(SignOff::signer).contains("sam");

        rig.importPlan(AccessRig.PLAN.replace("\"traffic_percent\": 10", "\"traffic_percent\": 20"));

        assertThat(s.stale(rig.signatures.currentPlanSha(id))).isTrue();
        assertThat(book.find(id, "canary", "sre", AccessRig.T0)).isEmpty();
        Signature again = rig.signatures.sign(SignRequest.goNoGo(id, "canary", Role.SRE, "still fine"), "sam",
                AccessRig.pass("sam"));
        assertThat(again.stale(rig.signatures.currentPlanSha(id))).isFalse();
        assertThat(book.find(id, "canary", "sre", AccessRig.T0)).map(SignOff::comment).contains("still fine");
    }

    @Test
    void theBookAnswersPerStageAndRole() {
        SignedApprovals book = new SignedApprovals(rig.signatures);
        rig.signatures.sign(SignRequest.goNoGo(id, null, Role.SECURITY, "ok"), "sec", AccessRig.pass("sec"));
        rig.signatures.sign(new SignRequest(id, "canary", "Canary diff within tolerance", Role.SRE, ""), "sam",
                AccessRig.pass("sam"));

        assertThat(book.find(id, null, "security", AccessRig.T0)).isPresent();
        assertThat(book.find(id, "canary", "security", AccessRig.T0)).isEmpty();
        assertThat(book.find(id, "canary", "sre", AccessRig.T0)).as("a checklist item is not the gate").isEmpty();
    }

    @Test
    void anEmergencyPromoteIsSignedByAReleaseOwnerWithAReason() {
        assertThatThrownBy(() -> rig.signatures.sign(new SignRequest(id, null, SignedContent.EMERGENCY_PROMOTE,
                Role.RELEASE_OWNER, ""), "ana", AccessRig.pass("ana"))).isInstanceOf(IllegalArgumentException.class);
        Signature s = rig.signatures.sign(new SignRequest(id, null, SignedContent.EMERGENCY_PROMOTE,
                Role.RELEASE_OWNER, "payment outage fixed by 2.1.0"), "ana", AccessRig.pass("ana"));

        assertThat(s.comment()).isEqualTo("payment outage fixed by 2.1.0");
        assertThatThrownBy(() -> rig.signatures.sign(new SignRequest(id, null, SignedContent.EMERGENCY_PROMOTE,
                Role.PRODUCT, "because"), "bo", AccessRig.pass("bo"))).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void theChecklistListsEverySignableItemWithItsRoles() {
        assertThat(rig.signatures.items(id)).extracting(SignableItem::stage, SignableItem::item, SignableItem::roles)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, "Backup snapshot tested", List.of(Role.INFRASTRUCTURE)),
                        org.assertj.core.groups.Tuple.tuple(null, "Rollback plan prepared", List.of(Role.RELEASE_OWNER)),
                        org.assertj.core.groups.Tuple.tuple(null, "go/no-go",
                                List.of(Role.PRODUCT, Role.SECURITY, Role.INFRASTRUCTURE)),
                        org.assertj.core.groups.Tuple.tuple("canary", "Canary diff within tolerance", List.of(Role.SRE)),
                        org.assertj.core.groups.Tuple.tuple("canary", "Dashboards watched", List.of()),
                        org.assertj.core.groups.Tuple.tuple("canary", "go/no-go", List.of(Role.SRE, Role.PRODUCT)));
    }

    private Rollout startedBy(String who) {
        return rig.store.rollouts().create(rig.plan.id(), RolloutState.SCHEDULED, who,
                new NewEvent(null, AccessRig.T0, "rollout.scheduled", who, null, Map.of()));
    }
}
