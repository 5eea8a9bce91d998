package dev.rampart.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** rampart people … on a real H2 file; the first start made the OS user admin and release owner. */
class PeopleCommandTest {
    @TempDir
    Path dir;
    private String db;

    @BeforeEach
    void store() {
        db = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
    }

    private CliRun rampart(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    @Test
    void anAdminAddsGrantsAndRevokes() {
        CliRun added = rampart("people", "add", "priya", "--display-name", "Priya N.", "--role", "product,sre",
                "--no-passphrase");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("priya added: product, sre");
        assertThat(rampart("people", "grant", "priya", "Security").out()).contains("now product, security, sre");
        assertThat(rampart("people", "revoke", "priya", "sre").out()).contains("now product, security");
        CliRun list = rampart("people", "list");
        assertThat(list.out()).contains(Globals.osUser()).containsPattern("priya +Priya N\\. +product, security"
                + " +\\(no passphrase yet\\)");
        assertThat(rampart("people", "list", "--json").out()).contains("\"can_sign\" : false");
    }

    @Test
    void someoneWhoIsNotAnAdminIsRefusedAndNothingChanges() {
        assertThat(rampart("people", "add", "sam", "--role", "observer", "--no-passphrase").exitCode()).isZero();
        CliRun refused = rampart("--user", "sam", "people", "grant", "sam", "admin");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(refused.err()).contains("sam holds observer");
        assertThat(rampart("people", "list").out()).containsPattern("sam +sam +observer");
    }

    @Test
    void aPassphraseIsNeverTakenWithoutATerminalOrAFile() {
        CliRun run = rampart("people", "passphrase");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("RAMPART_NEW_PASSPHRASE_FILE");
    }
}
