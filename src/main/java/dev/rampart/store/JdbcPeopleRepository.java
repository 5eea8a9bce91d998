package dev.rampart.store;

import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.repo.PeopleRepository;
import dev.rampart.domain.rollout.NewEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** People in the people and person_roles tables; each change is saved with its audit event. */
public final class JdbcPeopleRepository implements PeopleRepository {

    private final SharedConnection db;

    JdbcPeopleRepository(SharedConnection db) {
        this.db = db;
    }

    @Override
    public Optional<Person> find(String name) {
        return db.inTransaction("find " + name, c -> select(c, "WHERE p.name = ?", name)).stream().findFirst();
    }

    @Override
    public List<Person> list() {
        return db.inTransaction("list people", c -> select(c, ""));
    }

    @Override
    public Person add(Person person, String passphraseHash, NewEvent event) {
        return db.inTransaction("add " + person.name(), c -> {
            if (!select(c, "WHERE p.name = ?", person.name()).isEmpty()) {
                throw new IllegalArgumentException("There is already someone called " + person.name());
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO people"
                    + " (name, display_name, passphrase_hash, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, person.name());
                insert.setString(2, person.displayName());
                insert.setString(3, passphraseHash);
                SqlTime.set(insert, 4, event.at());
                insert.executeUpdate();
            }
            insertRoles(c, person);
            AuditRows.append(c, event);
            return person;
        });
    }

    @Override
    public Person update(Person person, NewEvent event) {
        return db.inTransaction("change the roles of " + person.name(), c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE people SET display_name = ? WHERE name = ?")) {
                update.setString(1, person.displayName());
                update.setString(2, person.name());
                if (update.executeUpdate() != 1) {
                    throw new IllegalArgumentException("Nobody called " + person.name() + " is known to this store");
                }
            }
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
    public void setPassphraseHash(String name, String passphraseHash, NewEvent event) {
        db.inTransaction("set the passphrase of " + name, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE people SET passphrase_hash = ? WHERE name = ?")) {
                update.setString(1, passphraseHash);
                update.setString(2, name);
                if (update.executeUpdate() != 1) {
                    throw new IllegalArgumentException("Nobody called " + name + " is known to this store");
                }
            }
            AuditRows.append(c, event);
            return null;
        });
    }

    @Override
    public Optional<String> passphraseHash(String name) {
        return db.inTransaction("read a passphrase hash", c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT passphrase_hash FROM people WHERE name = ?")) {
                query.setString(1, name);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
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

    private static List<Person> select(Connection c, String where, String... values) throws SQLException {
        String sql = "SELECT p.name, p.display_name, r.role FROM people p LEFT JOIN person_roles r ON r.person = p.name "
                + where + " ORDER BY p.name, r.role";
        Map<String, Person> people = new LinkedHashMap<>();
        Map<String, TreeSet<Role>> roles = new LinkedHashMap<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setString(i + 1, values[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String name = row.getString(1);
                    people.putIfAbsent(name, new Person(name, row.getString(2), null));
                    TreeSet<Role> held = roles.computeIfAbsent(name, n -> new TreeSet<>());
                    String role = row.getString(3);
                    if (role != null) {
                        held.add(new Role(role));
                    }
                }
            }
        }
        List<Person> result = new ArrayList<>();
        people.forEach((name, p) -> result.add(p.withRoles(roles.get(name))));
        return result;
    }
}
