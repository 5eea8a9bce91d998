package dev.rampart.domain.access;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Someone who uses Rampart. {@code name} is how they sign in and how events name them (the operating-system user
 * by default); {@code displayName} is what screens show.
 */
public record Person(String name, String displayName, SortedSet<Role> roles) {

    public Person {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("A person's name must be 1 to 200 characters");
        }
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles == null ? Collections.emptySet() : roles));
    }

    public static Person of(String name, String displayName, Collection<Role> roles) {
        return new Person(name, displayName, new TreeSet<>(roles));
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /** The roles as a person reads them: "observer" or "product, release_owner"; "no role" when empty. */
    public String rolesText() {
        return roles.isEmpty() ? "no role" : String.join(", ", roles.stream().map(Role::name).toList());
    }

    public Person withRoles(Collection<Role> newRoles) {
        return new Person(name, displayName, new TreeSet<>(newRoles));
    }
}
