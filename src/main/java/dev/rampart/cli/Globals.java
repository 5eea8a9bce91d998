package dev.rampart.cli;

/**
 * Options every subcommand shares (which store, the console's screen) and, once the store is open, who is acting:
 * the authenticated person, never a name a flag claims. {@code --user} is only an assertion that must equal them.
 */
public final class Globals {
    private String db;
    private boolean smoke;
    private java.nio.file.Path screenshot;
    private int screenshotAfter;
    private String screen;
    private String asserted;
    private String user;

    public String db() {
        return db;
    }

    public void db(String jdbcUrl) {
        this.db = jdbcUrl;
    }

    /** Open the window, check the store, and exit: proves an installed package works. */
    public boolean smoke() {
        return smoke;
    }

    public void smoke(boolean on) {
        this.smoke = on;
    }

    /** Seconds to let the live screens run before the screenshot is taken. */
    public int screenshotAfter() {
        return screenshotAfter;
    }

    public void screenshotAfter(int seconds) {
        this.screenshotAfter = seconds;
    }

    /** Where to write a picture of the window once it has loaded, before exiting (README screenshots). */
    public java.nio.file.Path screenshot() {
        return screenshot;
    }

    public void screenshot(java.nio.file.Path file) {
        this.screenshot = file;
    }

    /** The screen to show first (releases, calendar, rollout, checklists, audit); null for the default. */
    public String screen() {
        return screen;
    }

    public void screen(String name) {
        this.screen = name;
    }

    /**
     * The person acting, as authenticated when the store was opened.
     *
     * @throws IllegalStateException before the store is open (nobody is authenticated yet)
     */
    public String user() {
        if (user == null) {
            throw new IllegalStateException("Nobody is authenticated before the store is open");
        }
        return user;
    }

    /** The authenticated person, or {@code otherwise} before (or without) one: the agent acts as the system. */
    public String userOr(String otherwise) {
        return user == null ? otherwise : user;
    }

    /** {@code --user NAME}: who the person says they are; checked against who they are. */
    public void assertUser(String name) {
        this.asserted = name;
    }

    /**
     * Records the authenticated person.
     *
     * @param how "the operating-system user", "the database login alice", for the refusal
     * @throws CliException when {@code --user} named someone else (nothing is done for them)
     */
    void authenticated(String name, String how) {
        if (asserted != null && !asserted.equals(name)) {
            throw new CliException(ExitCode.CHECK_FAILED, "--user " + asserted + " is not who you are: Rampart acts"
                    + " only as the authenticated person, " + name + " (" + how + "); nothing was done");
        }
        this.user = name;
    }

    /** The operating-system user, as the operating system says (see {@link OsUser}). */
    public static String osUser() {
        return OsUser.name();
    }
}
