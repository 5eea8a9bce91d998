package dev.rampart.domain.repo;

import dev.rampart.domain.access.EnrolledKey;
import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.TrustLedger;
import dev.rampart.domain.rollout.NewEvent;

import java.util.List;
import java.util.Optional;

/**
 * People, their roles, logins and signing keys. Reading replays the hash chain ({@link TrustLedger}); the tables
 * {@code people}, {@code person_roles} and {@code person_keys} are kept as a projection for SQL readers and for
 * {@code audit verify} to compare, never believed. Every change is saved with the event that records it, in one
 * transaction.
 */
public interface PeopleRepository {

    /** Who is who now, replayed from the chain. */
    TrustLedger ledger();

    default Optional<Person> find(String name) {
        return ledger().person(name);
    }

    /** Everyone, by name. */
    default List<Person> list() {
        return ledger().people();
    }

    /** Adds a person who will log in as {@code login} on a team store. */
    Person add(Person person, String login, NewEvent event);

    /**
     * The first start of a store, race-free: appends {@code events} (the first person, then their key) in one
     * transaction, only if the chain knows nobody yet. False when someone else was first.
     */
    boolean found(Person person, String login, List<NewEvent> events, EnrolledKey key);

    /** Replaces the roles of {@code person.name()}. */
    Person update(Person person, NewEvent event);

    /** Records a key enrolled by {@code event}; the key the person used before is retired by it. */
    void enrol(EnrolledKey key, NewEvent event);

    /** Records a key revoked by {@code event}. */
    void revoke(String keyId, NewEvent event);

    /** Appends an event about people that changes no row (a demo workspace). */
    void record(NewEvent event);
}
