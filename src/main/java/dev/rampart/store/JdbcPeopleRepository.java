package dev.rampart.store;

import dev.rampart.domain.access.EnrolledKey;
import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.TrustLedger;
import dev.rampart.domain.repo.PeopleRepository;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * People as the chain makes them ({@link TrustLedger}), with the people, person_roles and person_keys tables kept
 * as a projection in the same transaction as each event. The tables are never read to decide anything.
 */
public final class JdbcPeopleRepository implements PeopleRepository {

    private final SharedConnection db;
    private final JdbcAuditLog audit;

    JdbcPeopleRepository(SharedConnection db, JdbcAuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public TrustLedger ledger() {
        return audit.ledger();
    }


    @Override
    public Person add(Person person, String login, NewEvent event) {
        return db.inTransaction("add " + person.name(), c -> {
            ChainHead.lock(c);
            if (audit.ledger(c).person(person.name()).isPresent()) {
                throw new IllegalArgumentException("There is already someone called " + person.name());
            }
            insertPerson(c, person, login, event);
            AuditRows.append(c, event);
            return person;
        });
    }

    @Override
    public boolean found(Person person, String login, List<NewEvent> events, EnrolledKey key) {
        return db.inTransaction("make " + person.name() + " the first person of this store", c -> {
            // Every change of people appends under this lock, so "nobody yet" stays true until we commit.
            ChainHead.lock(c);
            if (!audit.ledger(c).nobody()) {
                return false;
            }
            insertPerson(c, person, login, events.get(0));
            long keySeq = 0;
            for (NewEvent event : events) {
                AuditEvent appended = AuditRows.append(c, event);
                if (TrustLedger.KEY_ENROLLED.equals(event.type())) {
                    keySeq = appended.seq();
                }
            }
            if (key != null) {
                insertKey(c, key, keySeq);
            }
            return true;
        });
    }

    @Override
    public Person update(Person person, NewEvent event) {
        return db.inTransaction("change the roles of " + person.name(), c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM person_roles WHERE person = ?")) {
                delete.setString(1, person.name());
                delete.executeUpdate();
            }
            insertRoles(c, person);
            AuditRows.append(c, event);
            return person;
        });
    }

    @Override
    public void enrol(EnrolledKey key, NewEvent event) {
        db.inTransaction("enrol a key of " + key.person(), c -> {
            AuditEvent appended = AuditRows.append(c, event);
            try (PreparedStatement retire = c.prepareStatement("UPDATE person_keys SET retired_seq = ?"
                    + " WHERE person = ? AND retired_seq IS NULL")) {
                retire.setLong(1, appended.seq());
                retire.setString(2, key.person());
                retire.executeUpdate();
            }
            insertKey(c, key, appended.seq());
            return null;
        });
    }

    @Override
    public void revoke(String keyId, NewEvent event) {
        db.inTransaction("revoke key " + keyId, c -> {
            AuditEvent appended = AuditRows.append(c, event);
            try (PreparedStatement retire = c.prepareStatement("UPDATE person_keys SET retired_seq = ?"
                    + " WHERE key_id = ?")) {
                retire.setLong(1, appended.seq());
                retire.setString(2, keyId);
                retire.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void record(NewEvent event) {
        db.inTransaction("record " + event.type(), c -> AuditRows.append(c, event));
    }

    private static void insertPerson(Connection c, Person person, String login, NewEvent event) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO people"
                + " (name, display_name, login, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, person.name());
            insert.setString(2, person.displayName());
            insert.setString(3, login);
            SqlTime.set(insert, 4, event.at());
            insert.executeUpdate();
        }
        insertRoles(c, person);
    }

    private static void insertKey(Connection c, EnrolledKey key, long seq) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO person_keys"
                + " (key_id, person, public_key, demo, enrolled_seq) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, key.keyId());
            insert.setString(2, key.person());
            insert.setString(3, key.publicKey());
            insert.setBoolean(4, key.demo());
            insert.setLong(5, seq);
            insert.executeUpdate();
        }
    }

    private static void insertRoles(Connection c, Person person) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO person_roles (person, role) VALUES (?, ?)")) {
            for (Role role : person.roles()) {
                insert.setString(1, person.name());
                insert.setString(2, role.name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
