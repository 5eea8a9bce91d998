package dev.rampart.domain.repo;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.rollout.NewEvent;

import java.util.List;
import java.util.Optional;

/**
 * People, their roles and their passphrase hashes. Every change is saved with the audit event that records it, in
 * one transaction. The hash is an opaque string (algorithm, parameters, salt and digest); the passphrase itself is
 * never stored.
 */
public interface PeopleRepository {

    Optional<Person> find(String name);

    /** Everyone, by name. */
    List<Person> list();

    /** @throws IllegalArgumentException when someone of that name exists already */
    Person add(Person person, String passphraseHash, NewEvent event);

    /** Replaces the roles of {@code person.name()}. */
    Person update(Person person, NewEvent event);

    void setPassphraseHash(String name, String passphraseHash, NewEvent event);

    /** The stored passphrase hash, empty for someone who has none yet (and so cannot sign). */
    Optional<String> passphraseHash(String name);
}
