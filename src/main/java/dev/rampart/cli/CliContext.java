package dev.rampart.cli;

import dev.rampart.domain.access.Signer;
import dev.rampart.domain.access.SigningKeys;
import dev.rampart.keys.DeviceKey;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.engine.Deployments;
import dev.rampart.engine.EngineSettings;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.format.PlanFormat;
import dev.rampart.format.PlanImporter;
import dev.rampart.keys.KeyFolder;
import dev.rampart.keys.KeyRing;
import dev.rampart.store.Store;
import dev.rampart.witness.Witnesses;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What every command is handed: the shared options, the window opener, the adapters plans may name, where to print,
 * and the installation (data folder, authentication, secrets).
 */
public record CliContext(Globals globals, Console console, Deployments deployments, PrintWriter out,
                         PrintWriter err, Installation installation) {

    public CliContext(Globals globals, Console console, Deployments deployments, PrintWriter out, PrintWriter err) {
        this(globals, console, deployments, out, err, Installation.ofThisUser());
    }

    /**
     * Opens the store named by {@code --db}, or the H2 file in the user's data folder, and authenticates who is
     * acting. On a store's first start the authenticated person becomes its admin and release owner, and sets the
     * passphrase of their signing key before anything else.
     *
     * @throws CliException when {@code --user} names someone else, or a new store's first person cannot be asked
     */
    public Store openStore() {
        return open(FirstStart.from(installation.secrets()), Mode.PERSON);
    }

    /** {@link #openStore()}, asking a new store's first person for their passphrase in {@code firstStart}'s way. */
    public Store openStore(FirstStart firstStart) {
        return open(firstStart, Mode.PERSON);
    }

    /** Opens the store for the agent, which acts only as the system: nobody is authenticated and nothing founded. */
    public Store openStoreAsAgent() {
        return open(null, Mode.AGENT);
    }

    /** Opens the store only to read and check it (audit verify): nobody acts, nothing is founded or witnessed. */
    public Store openStoreToCheck() {
        return open(null, Mode.CHECK);
    }

    private enum Mode { PERSON, AGENT, CHECK }

    private Store open(FirstStart firstStart, Mode mode) {
        String url = globals.db() != null ? globals.db() : installation.defaultJdbcUrl();
        if (globals.db() == null) {
            Sessions.ownDataFolder(installation.dataFolder());
        }
        Store store = StoreOpening.open(url, err, installation.secrets());
        try {
            switch (mode) {
                case AGENT -> Sessions.agent(this, store);
                case PERSON -> Sessions.person(this, store, firstStart);
                case CHECK -> { }
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Who may do what on this store, with the signing keys this machine holds. */
    public AccessServices access(Store store) {
        return AccessServices.on(store.people(), store.signatures(), store.rollouts(), store.plans(), store.audit(),
                Clock.systemUTC(), keys(store)).signingWith(installationKey());
    }

    /** This installation's key (checkpoints, evidence packs), naming the person acting (or "agent"). */
    public Signer installationKey() {
        DeviceKey key = DeviceKey.of(installation.dataFolder());
        Globals g = globals;
        return new Signer() {
            @Override
            public String name() {
                return g.userOr("agent");
            }

            @Override
            public String keyId() {
                return key.keyId();
            }

            @Override
            public String publicKey() {
                return key.as("").publicKey();
            }

            @Override
            public String sign(String text) {
                return key.as("").sign(text);
            }
        };
    }

    /** The signing keys here: the person's own, and in a local demo workspace the demo people's. */
    public SigningKeys keys(Store store) {
        List<KeyFolder> folders = new ArrayList<>();
        folders.add(installation.personalKeys());
        demoKeyFolder(store).ifPresent(f -> {
            if (store.people().ledger().demoWorkspace()) {
                folders.add(new KeyFolder(f, installation.keyIterations()));
            }
        });
        return new KeyRing(folders);
    }

    /** Where a local store's demo keys lie: beside it, in {@code demo-keys}. */
    public java.util.Optional<Path> demoKeyFolder(Store store) {
        return store.isTeamStore() ? java.util.Optional.empty()
                : store.localFolder().map(f -> f.resolve("demo-keys"));
    }

    /** The service layer for rollouts on the wall clock, on this store; gates open on chained sign-offs. */
    public RolloutService rollouts(Store store) {
        AccessServices access = access(store);
        return new RolloutService(store.plans(), store.rollouts(), store.intents(), access.approvals(),
                deployments.filingEvidenceIn(store.audit()),
                Clock.systemUTC(), EngineSettings.wallClock(), new PlanFormat(), access);
    }

    /** The plan catalog, acting for the authenticated person. */
    public StoredPlanCatalog catalog(Store store) {
        return catalog(store, globals.user());
    }

    /** The plan catalog, acting for {@code actor}. */
    public StoredPlanCatalog catalog(Store store, String actor) {
        PlanFormat format = new PlanFormat();
        return new StoredPlanCatalog(store.plans(), store.rollouts(), new PlanImporter(format), format,
                access(store).access(), actor);
    }

    /**
     * The witnesses of this installation: the file beside the data folder and those listed in witnesses.txt.
     *
     * @throws CliException naming the line of witnesses.txt that names no witness
     */
    public Witnesses witnesses() {
        try {
            return Witnesses.of(installation.dataFolder(), CliContext.class.getClassLoader());
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(e.getMessage());
        }
    }

    /** Prints one line about the session (never a secret) to the error stream. */
    void tell(String line) {
        err.println("rampart: " + line);
        err.flush();
    }

    static String describe(AuditEvent e) {
        return "event " + e.seq() + " at " + e.at() + ": " + e.type() + " by " + e.actor() + " " + e.data();
    }
}
