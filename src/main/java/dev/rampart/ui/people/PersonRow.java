package dev.rampart.ui.people;

import dev.rampart.domain.access.Person;

/** One line of the people table. */
public record PersonRow(String name, String displayName, String roles, boolean canSign, Person person) {
    static PersonRow of(Person p, boolean canSign) {
        return new PersonRow(p.name(), p.displayName(), p.rolesText(), canSign, p);
    }
}
