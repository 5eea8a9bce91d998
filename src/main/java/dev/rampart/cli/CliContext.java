package dev.rampart.cli;

import dev.rampart.domain.access.Signer;
import dev.rampart.domain.access.SigningKeys;
import dev.rampart.engine.Deployments;
import dev.rampart.engine.EngineSettings;
import dev.rampart.engine.RolloutService;
import dev.rampart.engine.StoredPlanCatalog;
import dev.rampart.engine.access.AccessServices;
import dev.rampart.format.PlanFormat;
import dev.rampart.format.PlanImporter;
import dev.rampart.keys.DeviceKey;
import dev.rampart.keys.KeyFolder;
import dev.rampart.keys.KeyRing;
import dev.rampart.store.SchemaState;
import dev.rampart.store.Store;
import dev.rampart.witness.Witnesses;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every command is handed: the shared options, the window opener, the adapters plans may name, where to
 * print, the {@link Session} it runs in (its own process, or forwarded to the process holding the store), and the
 * installation (data folder, authentication, secrets) of the person at this machine.
 */
public record CliContext(Globals globals, Console console, Deployments deployments, PrintWriter out,
                         PrintWriter err, Session session, Installation installation) {

    /** A command in its own process, on this machine's installation. */
    public CliContext(Globals globals, Console console, Deployments deployments, PrintWriter out, PrintWriter err) {
        this(globals, console, deployments, out, err, Installation.ofThisUser());
    }

    /** A command in its own process, on {@code installation} (the composition root's, or a test's). */
    public CliContext(Globals globals, Console console, Deployments deployments, PrintWriter out, PrintWriter err,
                      Installation installation) {
        this(globals, console, deployments, out, err, new OwnProcess(installation.secrets()), installation);
    }

    /**
     * Opens the store named by {@code --db}, or the H2 file in the user's data folder, and authenticates who is
     * acting. On a store's first start the authenticated person becomes its admin and release owner, and sets the
     * passphrase of their signing key before anything else. A command calls this before it prints or changes
     * anything: when a console or the agent holds an H2 store, the command is forwarded to it from here.
     *
     * @throws CliException when {@code --user} names someone else, or a new store's first person cannot be asked
     */
    public Store openStore() {
        return openStore(FirstStart.from(this));
    }

    /** {@link #openStore()}, asking a new store's first person for their passphrase in {@code firstStart}'s way. */
    public Store openStore(FirstStart firstStart) {
        return open(firstStart, Mode.PERSON);
    }

    /** Opens the store named by {@code --db} (or the default) and changes nothing in it: nobody acts. */
    public Store openStoreAsIs() {
        return open(null, Mode.CHECK);
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
        if (globals.db() == null && session instanceof OwnProcess) {
            Sessions.ownDataFolder(installation.dataFolder());
        }
        Store store = session.openStoreAsIs(this);
        try {
            SchemaState.Kind schema = store.schema().kind();
            if (mode != Mode.CHECK && (schema == SchemaState.Kind.OLDER || schema == SchemaState.Kind.EMPTY)) {
                // Who is who lives in tables an older schema may not have: nobody can be authenticated on it.
                throw new CliException(ExitCode.CHECK_FAILED, store.schema().writeProblem());
            }
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

    /** The JDBC URL of the store this command is for. */
    public String storeUrl() {
        return globals.db() != null ? globals.db() : installation.defaultJdbcUrl();
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
    public Optional<Path> demoKeyFolder(Store store) {
        return store.isTeamStore() ? Optional.empty() : store.localFolder().map(f -> f.resolve("demo-keys"));
    }

    /**
     * The service layer for rollouts on the wall clock, on this store; gates open on chained sign-offs. A forwarded
     * command gets the holder's own, so there is one engine per rollout in that process.
     */
    public RolloutService rollouts(Store store) {
        return session.rollouts(this, store);
    }

    /** A new service layer (engine) for rollouts on this store, for a process of its own. */
    public RolloutService newRollouts(Store store) {
        AccessServices access = access(store);
        return new RolloutService(store.plans(), store.rollouts(), store.intents(), access.approvals(),
                deployments.filingEvidenceIn(store.audit()),
                Clock.systemUTC(), EngineSettings.wallClock(), new PlanFormat(), access);
    }

    /** A passphrase: from the file {@code envVariable} names, or asked on the person's own terminal. */
    public char[] secret(String envVariable, String prompt) {
        return session.secret(envVariable, prompt);
    }

    /** A new passphrase, typed twice on the person's own terminal (or read from the file). */
    public char[] newSecret(String envVariable, String prompt) {
        return session.newSecret(envVariable, prompt);
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
}
