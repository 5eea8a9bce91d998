package dev.rampart.engine.access;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.rampart.engine.access.Permission.*;

/**
 * Which role may do what, as product.md's table says. Release owners run rollouts; approvers (every role that is
 * not one of the three below) sign; observers watch, acknowledge alerts and request pauses; admins manage people,
 * adapters and the store. Roles add up: a person holding two roles may do what either allows.
 */
public final class AccessPolicy {

    private static final Set<Permission> EVERYONE = EnumSet.of(VIEW, ACKNOWLEDGE_ALERT, REQUEST_PAUSE);
    private static final Set<Permission> RELEASE_OWNER = EnumSet.of(IMPORT_PLAN, SCHEDULE, START, ADVANCE, PAUSE,
            RESUME, MOVE_TRAFFIC, ROLLBACK, PROMOTE, KILL_SWITCH, SIGN, REVIEW);
    private static final Set<Permission> APPROVER = EnumSet.of(SIGN, REVIEW);
    private static final Set<Permission> ADMIN = EnumSet.of(MANAGE_PEOPLE, MANAGE_ADAPTERS, MANAGE_STORE, REVIEW);

    /** What {@code role} allows. */
    public Set<Permission> permissionsOf(Role role) {
        Set<Permission> p = EnumSet.copyOf(EVERYONE);
        if (role.equals(Role.RELEASE_OWNER)) {
            p.addAll(RELEASE_OWNER);
        } else if (role.equals(Role.ADMIN)) {
            p.addAll(ADMIN);
        } else if (role.isApprover()) {
            p.addAll(APPROVER);
        }
        return p;
    }

    public boolean allows(Person person, Permission permission) {
        return person.roles().stream().anyMatch(r -> permissionsOf(r).contains(permission));
    }

    /**
     * @param context what the action is about, for the message ("rollout 7"); may be null
     * @throws NotPermittedException naming the roles held and the roles that would allow it
     */
    public void require(Person person, Permission permission, String context) {
        if (allows(person, permission)) {
            return;
        }
        String doing = permission.doing() + (context == null || context.isBlank() ? "" : " " + context);
        throw new NotPermittedException(person.name(), permission,
                person.name() + " holds " + person.rolesText() + "; " + doing + " needs " + rolesFor(permission));
    }

    /** The roles that allow {@code permission}, as a person reads them. */
    public String rolesFor(Permission permission) {
        List<String> roles = new ArrayList<>();
        if (EVERYONE.contains(permission)) {
            return "any role";
        }
        if (RELEASE_OWNER.contains(permission)) {
            roles.add(Role.RELEASE_OWNER.name());
        }
        if (APPROVER.contains(permission)) {
            roles.add("an approver role");
        }
        if (ADMIN.contains(permission)) {
            roles.add(Role.ADMIN.name());
        }
        return roles.size() == 1 ? roles.get(0)
                : String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + roles.get(roles.size() - 1);
    }
}
