package dev.rampart.store;

/**
 * The store's schema against this build's: which version each is at, which Rampart release last migrated the store,
 * and whether this build may write to it. A build writes only to a schema exactly its own; an older or newer one is
 * opened for reading, and every write is refused with {@link #writeProblem()}.
 *
 * @param storeVersion the newest migration applied to the store, null when it has none
 * @param buildVersion the newest migration this build carries
 * @param storeRelease the Rampart release that last migrated the store, null when unknown (before V30)
 * @param buildRelease this build's release
 */
public record SchemaState(Kind kind, String storeVersion, String buildVersion, String storeRelease,
                          String buildRelease) {

    public enum Kind {
        /** No Rampart schema yet: {@code rampart db migrate} makes one. */
        EMPTY,
        /** The store has exactly this build's migrations. */
        CURRENT,
        /** This build has migrations the store has not: migrate the store, or use the release it was made with. */
        OLDER,
        /** The store has migrations this build does not know: install a newer release. */
        NEWER
    }

    public boolean writable() {
        return kind == Kind.CURRENT;
    }

    /** Why this build may not write to the store, for the person at the keyboard; null when it may. */
    public String writeProblem() {
        return switch (kind) {
            case CURRENT -> null;
            case EMPTY -> "The store has no Rampart schema yet. Run `rampart db migrate --db URL` once, with a login"
                    + " that may create tables (the migrator), then connect as usual.";
            case OLDER -> "The store's schema is at version " + storeVersion + (storeRelease == null ? ""
                    : " (Rampart " + storeRelease + ")") + ", older than this Rampart " + buildRelease + " needs ("
                    + buildVersion + "). Nothing can be written until the store is migrated: run `rampart db migrate`"
                    + " with Rampart " + buildRelease + " as the migrator login"
                    + (storeRelease == null ? "" : ", or install Rampart " + storeRelease + " to match the store") + ".";
            case NEWER -> "The store's schema is at version " + storeVersion + (storeRelease == null ? ""
                    : ", migrated by Rampart " + storeRelease) + ", newer than this Rampart " + buildRelease
                    + " knows (" + buildVersion + "). Nothing can be written with this release: install Rampart "
                    + (storeRelease == null ? "newer than " + buildRelease : storeRelease + " or later") + ".";
        };
    }

    /** One line for {@code rampart db status}. */
    public String describe() {
        String store = storeVersion == null ? "no schema" : "schema " + storeVersion
                + (storeRelease == null ? "" : " (migrated by Rampart " + storeRelease + ")");
        return "store: " + store + "; this Rampart " + buildRelease + ": schema " + buildVersion + "; "
                + switch (kind) {
                    case CURRENT -> "up to date";
                    case EMPTY -> "not migrated yet";
                    case OLDER -> "the store is older: run `rampart db migrate`";
                    case NEWER -> "the store is newer: install Rampart "
                            + (storeRelease == null ? "newer than " + buildRelease : storeRelease + " or later");
                };
    }
}
