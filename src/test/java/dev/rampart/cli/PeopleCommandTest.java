package dev.rampart.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** rampart people … on a real H2 file; its first start made the person running it admin and release owner. */
class PeopleCommandTest {
    @TempDir
    Path dir;
    private String db;

    @BeforeEach
    void store() {
        db = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
    }

    private CliRun rampart(String... args) {
        return as(Globals.osUser(), args);
    }

    private CliRun as(String person, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.as(person).in(dir.resolve("home-" + person)).passphrase(person + "-passphrase").run(all);
    }

    @Test
    void anAdminAddsGrantsAndRevokes() {
        CliRun added = rampart("people", "add", "priya", "--display-name", "Priya N.", "--role", "product,sre");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("priya added: product, sre");
        assertThat(rampart("people", "grant", "priya", "Security").out()).contains("now product, security, sre");
        assertThat(rampart("people", "revoke", "priya", "sre").out()).contains("now product, security");
        CliRun list = rampart("people", "list");
        assertThat(list.out()).containsPattern(Globals.osUser() + " .*admin, release_owner +key SHA256:")
                .containsPattern("priya +Priya N\\. +product, security +\\(no signing key yet\\)");
        assertThat(rampart("people", "list", "--json").out()).contains("\"can_sign\" : false");

        CliRun enrolled = as("priya", "people", "enrol");
        assertThat(enrolled.exitCode()).as(enrolled.err()).isZero();
        assertThat(enrolled.out()).contains("priya signs with key SHA256:");
        assertThat(rampart("people", "list").out()).containsPattern("priya +Priya N\\. +product, security +key SHA256:");
    }

    @Test
    void someoneWhoIsNotAnAdminIsRefusedAndNothingChanges() {
        assertThat(rampart("people", "add", "sam", "--role", "observer").exitCode()).isZero();
        CliRun refused = as("sam", "people", "grant", "sam", "admin");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(refused.err()).contains("sam holds observer");
        assertThat(rampart("people", "list").out()).containsPattern("sam +sam +observer");
    }

    @Test
    void anAdminRevokesAKeyButCannotEnrolOne() {
        assertThat(rampart("people", "add", "sam", "--role", "sre").exitCode()).isZero();
        assertThat(as("sam", "people", "enrol").exitCode()).isZero();
        CliRun revoked = rampart("people", "revoke-key", "sam", "--reason", "laptop lost");
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(rampart("people", "list").out()).containsPattern("sam +sam +sre +\\(no signing key yet\\)");
        // "enrol" enrols the key of whoever runs it: the admin's own, never sam's
        CliRun again = rampart("people", "enrol");
        assertThat(again.out()).doesNotContain("sam signs");
        assertThat(rampart("people", "list").out()).containsPattern("sam +sam +sre +\\(no signing key yet\\)");
        CliRun told = as("sam", "people", "list");
        assertThat(told.err()).contains("revoked your signing key").contains("laptop lost");
    }

    @Test
    void aPassphraseIsNeverTakenWithoutATerminalOrAFile() {
        assertThat(rampart("people", "list").exitCode()).isZero();
        CliRun run = CliRun.as(Globals.osUser()).in(dir.resolve("home-" + Globals.osUser()))
                .env(Secrets.PASSPHRASE_FILE, null).env(Secrets.NEW_PASSPHRASE_FILE, null)
                .run("--db", db, "people", "passphrase");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("RAMPART_PASSPHRASE_FILE");
    }
}
