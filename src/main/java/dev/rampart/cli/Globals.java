package dev.rampart.cli;

/** Options every subcommand shares: which store, and as whom. */
public final class Globals {
    private String db;
    private String user = System.getProperty("user.name", "unknown");

    public String db() {
        return db;
    }

    public void db(String jdbcUrl) {
        this.db = jdbcUrl;
    }

    public String user() {
        return user;
    }

    public void user(String name) {
        this.user = name;
    }
}
