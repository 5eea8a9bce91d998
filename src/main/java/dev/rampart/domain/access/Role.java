package dev.rampart.domain.access;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A role a person holds. The built-in ones are below; a team adds approver roles of its own ("legal", "dba") by
 * naming them: a role name is lowercase letters, digits and underscores, as plans write them in
 * {@code approvals.required_roles}.
 */
public record Role(String name) implements Comparable<Role> {

    // First: the constants below are built with it.
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public static final Role RELEASE_OWNER = new Role("release_owner");
    public static final Role OBSERVER = new Role("observer");
    public static final Role ADMIN = new Role("admin");
    public static final Role PRODUCT = new Role("product");
    public static final Role SECURITY = new Role("security");
    public static final Role INFRASTRUCTURE = new Role("infrastructure");
    public static final Role SRE = new Role("sre");
    public static final Role SCHEMA_STEWARD = new Role("schema_steward");

    /** The approver roles every store knows; any other name that is not a built-in role is an approver role too. */
    public static final Set<Role> STANDARD_APPROVERS = Set.of(PRODUCT, SECURITY, INFRASTRUCTURE, SRE, SCHEMA_STEWARD);

    public Role {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a role name: use lowercase letters, digits"
                    + " and underscores, starting with a letter (e.g. schema_steward)");
        }
    }

    /** Reads a role as a person types it: "Schema steward" and "SRE" are schema_steward and sre. */
    public static Role of(String text) {
        Objects.requireNonNull(text, "role");
        return new Role(text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", ""));
    }

    /** Approver roles sign checklist items and go/no-go decisions; every role but the three below is one. */
    public boolean isApprover() {
        return !equals(RELEASE_OWNER) && !equals(OBSERVER) && !equals(ADMIN);
    }

    @Override
    public int compareTo(Role other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
