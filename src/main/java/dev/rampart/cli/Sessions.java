package dev.rampart.cli;

import dev.rampart.domain.access.Checkpoint;
import dev.rampart.domain.access.EnrolledKey;
import dev.rampart.domain.access.Signer;
import dev.rampart.witness.Witnesses;
import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.TrustLedger;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.engine.access.People;
import dev.rampart.store.OwnerOnly;
import dev.rampart.store.Store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * The start of a session on an open store: authenticate who is acting, hold the store's first start (its first
 * person sets the passphrase of their signing key before anything else), and tell the person what happened to their
 * keys and roles since they last came.
 */
final class Sessions {
    static final String SEEN_FILE = "seen.properties";

    private Sessions() {
    }

    static Authenticator.Authenticated person(CliContext cx, Store store, FirstStart firstStart) {
        People people = cx.access(store).people();
        Authenticator.Authenticated me = cx.installation().authenticator().authenticate(store, people);
        cx.globals().authenticated(me.name(), me.how());
        witness(cx, store);
        boolean founded = people.nobody() && firstStart(cx, people, me, firstStart);
        notices(cx, store, people, me, founded);
        return me;
    }

    /**
     * From now on, every commit that moves the chain head leaves a checkpoint signed with this installation's key in
     * every witness: the file beside the data folder, and those of witnesses.txt.
     */
    static void witness(CliContext cx, Store store) {
        Witnesses witnesses = cx.witnesses();
        Signer key = cx.installationKey();
        String storeId = store.audit().storeId();
        String location = store.location();
        store.onHeadMoved(head -> witnesses.record(Checkpoint.of(storeId, location, head.seq(), head.hash(),
                Instant.now(), key), store.audit()::hashAt));
        checkpointHead(store, witnesses, key);
    }

    /**
     * The head as this installation sees it now, checkpointed: so a person's witness also knows the events others
     * appended (a chain cut short behind them is caught by their witness too).
     */
    static void checkpointHead(Store store, Witnesses witnesses, Signer key) {
        long head = store.audit().headSeq();
        if (head > 0) {
            store.audit().hashAt(head).ifPresent(hash -> witnesses.record(Checkpoint.of(store.audit().storeId(),
                    store.location(), head, hash, Instant.now(), key), store.audit()::hashAt));
        }
    }

    /** The user's data folder is theirs alone: 0700, made so or tightened. */
    static void ownDataFolder(Path folder) {
        try {
            OwnerOnly.ownFolder(folder);
        } catch (IOException e) {
            throw new CliException(ExitCode.CHECK_FAILED, "The data folder " + folder + " cannot be made: "
                    + e.getMessage());
        }
    }

    /** The agent acts only as the system: on a team store it must have a login of its own, no person's. */
    static void agent(CliContext cx, Store store) {
        witness(cx, store);
        if (!store.isTeamStore()) {
            return;
        }
        String login = store.audit().login();
        People people = cx.access(store).people();
        people.withLogin(login).ifPresent(p -> {
            throw new CliException(ExitCode.CHECK_FAILED, "The agent runs with a database login of its own, and "
                    + login + " is " + p.name() + "'s: give the agent its own login (docs/postgresql-grants.md)");
        });
    }

    private static boolean firstStart(CliContext cx, People people, Authenticator.Authenticated me,
                                      FirstStart firstStart) {
        String why = "This store is new: you, " + me.name() + " (" + me.how() + "), become its admin and release"
                + " owner, and first " + (people.keyHere(me.name()) ? "enrol the signing key in "
                + cx.installation().personalKeys().folder() + " with its passphrase"
                : "set the passphrase of your new signing key");
        java.util.Optional<char[]> passphrase = firstStart.passphrase(me.name(), why);
        if (passphrase.isEmpty()) {
            boolean won = people.firstStart(me.name(), me.login());
            if (won) {
                cx.tell("you, " + me.name() + ", are the first person of this store: admin and release owner;"
                        + " enrol your signing key with 'rampart people enrol' at your next start");
            }
            return won;
        }
        boolean won;
        try {
            won = people.found(me.name(), me.login(), passphrase.get());
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(e.getMessage() + "; nothing was changed");
        } catch (dev.rampart.engine.access.WrongPassphraseException e) {
            throw new CliException(ExitCode.CHECK_FAILED, "The passphrase does not unlock your signing key in "
                    + cx.installation().personalKeys().folder() + "; nothing was changed");
        }
        if (won) {
            String key = people.key(me.name()).map(EnrolledKey::keyId).orElse("?");
            cx.tell("you, " + me.name() + ", are the first person of this store: admin and release owner; your"
                    + " signing key " + key + " lies in " + cx.installation().personalKeys().folder()
                    + ", encrypted under your passphrase");
        }
        return won;
    }

    /**
     * Key and role events about the person since their last session: an enrolment or a revocation they did not make
     * is how they learn that someone meddled.
     */
    private static void notices(CliContext cx, Store store, People people, Authenticator.Authenticated me,
                                boolean founded) {
        Path seen = cx.installation().dataFolder().resolve(SEEN_FILE);
        String key = store.audit().storeId() + "." + me.name();
        Properties last = load(seen);
        long after = Long.parseLong(last.getProperty(key, "0"));
        List<AuditEvent> news = people.news(me.name(), after);
        for (AuditEvent e : founded ? List.<AuditEvent>of() : news) {
            cx.tell("since you last came: " + line(e, me.name()));
        }
        Person person = people.find(me.name()).orElse(null);
        if (person != null && people.key(me.name()).isEmpty() && signs(person)) {
            cx.tell("you have no signing key in this store yet; enrol one with 'rampart people enrol'");
        }
        if (!news.isEmpty()) {
            last.setProperty(key, Long.toString(news.get(news.size() - 1).seq()));
            save(seen, last);
        }
    }

    private static boolean signs(Person p) {
        return p.roles().stream().anyMatch(r -> r.isApprover() || r.equals(Role.RELEASE_OWNER));
    }

    static String line(AuditEvent e, String me) {
        String by = me.equals(e.actor()) ? "you" : e.actor();
        return switch (e.type()) {
            case TrustLedger.KEY_ENROLLED -> by + " enrolled " + ("true".equals(e.data().get("demo")) ? "a demo key "
                    : "signing key ") + e.data().get("key_id") + " for you (event " + e.seq() + ", " + e.at() + ")";
            case TrustLedger.KEY_REVOKED -> by + " revoked your signing key " + e.data().get("key_id")
                    + (e.data().getOrDefault("reason", "").isBlank() ? "" : " (" + e.data().get("reason") + ")")
                    + " (event " + e.seq() + ", " + e.at() + ")";
            case TrustLedger.ROLE_GRANTED -> by + " granted you " + e.data().get("role") + " (event " + e.seq() + ")";
            case TrustLedger.ROLE_REVOKED -> by + " took " + e.data().get("role") + " from you (event " + e.seq() + ")";
            case TrustLedger.PERSON_ADDED -> by + " added you as " + e.data().get("roles") + " (event " + e.seq() + ")";
            default -> e.type() + " by " + by + " (event " + e.seq() + ")";
        };
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // a damaged file only means the notices are shown again
            }
        }
        return p;
    }

    private static void save(Path file, Properties p) {
        try {
            OwnerOnly.ownFolder(file.getParent());
            Path temp = OwnerOnly.newFile(file.getParent(), SEEN_FILE + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                p.store(out, "Rampart: the last event about you each store has shown you");
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // notices are shown again next time; nothing is lost
        }
    }
}
