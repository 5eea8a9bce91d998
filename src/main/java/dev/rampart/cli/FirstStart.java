package dev.rampart.cli;

import java.util.Optional;

/**
 * How the first person of a new store sets the passphrase of their signing key, before anything else: on the
 * command line from {@code RAMPART_NEW_PASSPHRASE_FILE} or the terminal; in the console, in a dialog.
 */
@FunctionalInterface
public interface FirstStart {

    /**
     * The passphrase (at least 12 characters; the caller clears it), or empty to make {@code person} the first admin
     * without a key for now (an unattended start: they enrol one at their next start).
     *
     * @param why the sentence that tells them what is happening
     * @throws CliException when it cannot be had, or the person declined: nothing is changed
     */
    Optional<char[]> passphrase(String person, String why);

    /**
     * The command line's way: the file {@code RAMPART_NEW_PASSPHRASE_FILE} names, or the person's terminal, asked
     * twice (through the local channel when the command was forwarded).
     */
    static FirstStart from(CliContext cx) {
        return (person, why) -> {
            if (cx.session() instanceof OwnProcess && !cx.installation().secrets()
                    .available(Secrets.NEW_PASSPHRASE_FILE)) {
                throw CliException.badInput(why + ". Run Rampart in a terminal, or set " + Secrets.NEW_PASSPHRASE_FILE
                        + " to a file holding it (at least 12 characters); nothing was changed.");
            }
            return Optional.of(cx.newSecret(Secrets.NEW_PASSPHRASE_FILE, why + " (at least 12 characters): "));
        };
    }
}
