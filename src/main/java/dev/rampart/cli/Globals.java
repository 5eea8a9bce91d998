package dev.rampart.cli;

/** Options every subcommand shares: which store, and as whom. */
public final class Globals {
    private String db;
    private boolean smoke;
    private java.nio.file.Path screenshot;
    private int screenshotAfter;
    private String screen;
    private String user = osUser();

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

    public String user() {
        return user;
    }

    public void user(String name) {
        this.user = name;
    }

    /** The operating-system user, who the console and the command line act as unless --user says otherwise. */
    public static String osUser() {
        return System.getProperty("user.name", "unknown");
    }
}
