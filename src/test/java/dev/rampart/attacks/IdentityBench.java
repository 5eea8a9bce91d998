package dev.rampart.attacks;

import dev.rampart.domain.access.Checkpoint;
import dev.rampart.domain.rollout.NewEvent;
import dev.rampart.domain.access.Role;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.engine.access.Permission;
import dev.rampart.engine.access.Signers;
import dev.rampart.store.DataFolder;
import dev.rampart.store.Store;
import dev.rampart.witness.FileWitness;
import dev.rampart.witness.Witnesses;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The costs of identity, printed: a password guess against an encrypted H2 store before and after stretching, an
 * append with and without a witness checkpoint, and an access check that replays who is who from the chain.
 * Run with {@code mvn -o -Pbench test -Dtest=IdentityBench}.
 */
@Tag("bench")
class IdentityBench {
    @TempDir
    Path dir;

    @Test
    void passwordGuessesPerSecondOnOneCore() throws Exception {
        byte[] salt = new byte[16];
        // Before: one SHA-256 of the password, then H2's own key derivation (PBKDF2-HMAC-SHA-256, 10 iterations).
        // Thread CPU time, not wall time: the figure is per core, whatever else shares the machine.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int oldGuesses = 20_000;
        long t = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < oldGuesses; i++) {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(("guess" + i).getBytes(StandardCharsets.UTF_8));
            char[] hex = java.util.HexFormat.of().formatHex(sha).toCharArray();
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(hex, salt, 10, 128));
        }
        double oldRate = oldGuesses / ((cpu.getCurrentThreadCpuTime() - t) / 1e9);
        List<Double> perGuess = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            t = cpu.getCurrentThreadCpuTime();
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                    ("guess" + i).toCharArray(), salt, 210_000, 256));
            perGuess.add((cpu.getCurrentThreadCpuTime() - t) / 1e9);
        }
        Collections.sort(perGuess);
        System.out.printf("identity bench: encrypted H2 password guesses per second on one core: before %,.0f"
                + " (SHA-256 + H2's 10 rounds), after %.1f (PBKDF2 210,000 first; median %.3f s of CPU a guess, of 7 %s)%n",
                oldRate, 1 / perGuess.get(3), perGuess.get(3), perGuess);
    }

    @Test
    void anAppendWithAndWithoutAWitnessCheckpoint() {
        try (Store plain = Store.open(DataFolder.jdbcUrl(dir.resolve("plain")));
             Store witnessed = Store.open(DataFolder.jdbcUrl(dir.resolve("witnessed")))) {
            Witnesses witnesses = new Witnesses(List.of(new FileWitness(dir.resolve("w"))), Clock.systemUTC());
            var signer = Signers.ephemeral("bench");
            String id = witnessed.audit().storeId();
            witnessed.onHeadMoved(e -> witnesses.record(Checkpoint.of(id, witnessed.location(), e.seq(), e.hash(),
                    Instant.now(), signer)));
            double a = medianAppend(plain);
            double b = medianAppend(witnessed);
            System.out.printf("identity bench: an audit append takes %.2f ms alone, %.2f ms with a file witness"
                    + " checkpoint (signed, written, renamed); medians of 5 runs of 200%n", a, b);
        }
    }

    @Test
    void anAccessCheckReplaysWhoIsWhoFromTheChain() {
        try (Store store = Store.open(DataFolder.jdbcUrl(dir.resolve("people")))) {
            AccessServices access = AccessServices.on(store.people(), store.signatures(), store.rollouts(),
                    store.plans(), store.audit(), Clock.systemUTC());
            access.people().firstStart("root");
            for (int i = 0; i < 100; i++) {
                access.people().add("root", "p" + i, null, List.of(Role.PRODUCT), null);
                access.people().grant("root", "p" + i, Role.SRE);
            }
            List<Double> ms = new ArrayList<>();
            for (int run = 0; run < 7; run++) {
                long t = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    access.access().allows("p" + i, Permission.SIGN);
                }
                ms.add((System.nanoTime() - t) / 1e6 / 100);
            }
            Collections.sort(ms);
            System.out.printf("identity bench: an access check with 100 people (201 trust events) takes %.2f ms"
                    + " (median of 7 runs of 100) %s%n", ms.get(3), ms);
        }
    }

    private static double medianAppend(Store store) {
        List<Double> runs = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long t = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                store.audit().append(new NewEvent(null, Instant.now(), "bench", "x", null, Map.of("i", "" + i)));
            }
            runs.add((System.nanoTime() - t) / 1e6 / 200);
        }
        Collections.sort(runs);
        return runs.get(2);
    }
}
