package dev.rampart.store;

import dev.rampart.domain.access.EnrolledKey;
import dev.rampart.domain.access.Person;
import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.Signature;
import dev.rampart.domain.access.TrustLedger;
import dev.rampart.domain.rollout.AuditEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every row of every table the engine trusts, measured against the chain: the chain's own rules (a role granted by
 * someone who was not an admin, a key enrolled by someone else, an event in another's name from a login not theirs),
 * every sign-off's signature, and each row of people, person_roles, person_keys, signatures, plans and rollouts
 * against the events that made it. The engine never believes these tables; this is how a person learns that someone
 * wrote them behind Rampart's back.
 */
final class TrustAudit {

    /** Something the chain does not back, with the event it concerns (0 when it is a row with no event). */
    record Finding(long seq, String problem) {
        @Override
        public String toString() {
            return problem;
        }
    }

    private TrustAudit() {
    }

    static List<Finding> run(SharedConnection db, JdbcAuditLog audit) {
        return db.inTransaction("check the tables against the chain", c -> run(c, audit));
    }

    private static List<Finding> run(Connection c, JdbcAuditLog audit) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        Set<String> types = new HashSet<>(TrustLedger.TYPES);
        types.add(TrustLedger.SIGNOFF_SIGNED);
        List<AuditEvent> events = JdbcAuditLog.trusted(c, types, "");
        TrustLedger ledger = new TrustLedger(audit.storeId(), audit.teamStore());
        Map<Long, Signature> validSignOffs = new HashMap<>();
        Map<Long, AuditEvent> legacySignOffs = new HashMap<>();
        for (AuditEvent e : events) {
            if (TrustLedger.SIGNOFF_SIGNED.equals(e.type())) {
                TrustLedger.SignOffVerdict v = ledger.checkSignOff(e);
                if (!e.data().containsKey("key_id")) {
                    legacySignOffs.put(e.seq(), e);
                } else if (v.valid()) {
                    validSignOffs.put(e.seq(), v.signature());
                } else {
                    findings.add(new Finding(e.seq(), "event " + e.seq() + " (signoff.signed by " + e.actor() + ") "
                            + v.reason()));
                }
            } else {
                ledger.apply(e);
            }
        }
        ledger.rejected().forEach(r -> findings.add(new Finding(r.seq(), r.toString())));
        people(c, ledger, findings);
        keys(c, ledger, findings);
        signatures(c, validSignOffs, legacySignOffs, findings);
        plans(c, findings);
        rollouts(c, findings);
        findings.sort((a, b) -> Long.compare(a.seq() == 0 ? Long.MAX_VALUE : a.seq(),
                b.seq() == 0 ? Long.MAX_VALUE : b.seq()));
        return findings;
    }

    private static void people(Connection c, TrustLedger ledger, List<Finding> findings) throws SQLException {
        Map<String, TreeSet<String>> rolesInTable = new TreeMap<>();
        Map<String, String> loginInTable = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT name, login FROM people");
             ResultSet row = q.executeQuery()) {
            while (row.next()) {
                rolesInTable.put(row.getString(1), new TreeSet<>());
                loginInTable.put(row.getString(1), row.getString(2));
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT person, role FROM person_roles");
             ResultSet row = q.executeQuery()) {
            while (row.next()) {
                rolesInTable.computeIfAbsent(row.getString(1), n -> new TreeSet<>()).add(row.getString(2));
            }
        }
        for (Map.Entry<String, TreeSet<String>> e : rolesInTable.entrySet()) {
            String name = e.getKey();
            Person person = ledger.person(name).orElse(null);
            if (person == null) {
                findings.add(new Finding(0, "people: " + name + " is in the table, but no chained event added them"));
                continue;
            }
            TreeSet<String> chained = new TreeSet<>(person.roles().stream().map(Role::name).toList());
            for (String role : e.getValue()) {
                if (!chained.contains(role)) {
                    findings.add(new Finding(0, "person_roles: (" + name + ", " + role + ") is in the table, but the"
                            + " chain never gave " + name + " " + role));
                }
            }
            for (String role : chained) {
                if (!e.getValue().contains(role)) {
                    findings.add(new Finding(0, "person_roles: " + name + " holds " + role + " in the chain, but"
                            + " the table lost it"));
                }
            }
            String login = loginInTable.get(name);
            if (login != null && !login.equals(ledger.loginOf(name).orElse(login))) {
                findings.add(new Finding(0, "people: " + name + "'s login is " + login + " in the table, but "
                        + ledger.loginOf(name).orElse("?") + " in the chain"));
            }
        }
        for (Person p : ledger.people()) {
            if (!rolesInTable.containsKey(p.name())) {
                findings.add(new Finding(0, "people: " + p.name() + " is in the chain, but the table lost them"));
            }
        }
    }

    private static void keys(Connection c, TrustLedger ledger, List<Finding> findings) throws SQLException {
        Map<String, EnrolledKey> chained = new HashMap<>();
        ledger.keys().forEach(k -> chained.put(k.keyId(), k));
        try (PreparedStatement q = c.prepareStatement("SELECT key_id, person, public_key, retired_seq FROM person_keys");
             ResultSet row = q.executeQuery()) {
            while (row.next()) {
                String id = row.getString(1);
                EnrolledKey k = chained.remove(id);
                long retired = row.getLong(4);
                Long retiredSeq = row.wasNull() ? null : retired;
                if (k == null) {
                    findings.add(new Finding(0, "person_keys: key " + id + " of " + row.getString(2) + " is in the"
                            + " table, but no chained event enrolled it"));
                } else if (!k.person().equals(row.getString(2)) || !k.publicKey().equals(row.getString(3))
                        || !Objects.equals(k.retiredSeq(), retiredSeq)) {
                    findings.add(new Finding(k.enrolledSeq(), "person_keys: key " + id + " differs from the event "
                            + k.enrolledSeq() + " that enrolled it"));
                }
            }
        }
        chained.values().forEach(k -> findings.add(new Finding(k.enrolledSeq(), "person_keys: key " + k.keyId()
                + " enrolled by event " + k.enrolledSeq() + " is missing from the table")));
    }

    private static void signatures(Connection c, Map<Long, Signature> valid, Map<Long, AuditEvent> legacy,
                                   List<Finding> findings) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id, audit_seq, signer, role, item, stage, rollout_id,"
                + " plan_sha256, signature FROM signatures ORDER BY id");
             ResultSet row = q.executeQuery()) {
            while (row.next()) {
                long seq = row.getLong(2);
                Signature s = valid.get(seq);
                String what = "signatures: row " + row.getLong(1) + " (" + row.getString(3) + " as " + row.getString(4)
                        + ", \"" + row.getString(5) + "\"" + (row.getString(6) == null ? "" : " of " + row.getString(6))
                        + ", rollout " + row.getLong(7) + ")";
                if (s == null) {
                    AuditEvent old = legacy.get(seq);
                    boolean sameOld = old != null && row.getString(9) == null && old.actor().equals(row.getString(3))
                            && old.data().getOrDefault("role", "").equals(row.getString(4))
                            && old.data().getOrDefault("item", "").equals(row.getString(5))
                            && Objects.equals(old.rolloutId(), row.getLong(7));
                    if (!sameOld) {
                        findings.add(new Finding(seq, what + " is not a chained sign-off that verifies"));
                    }
                } else if (!s.signer().equals(row.getString(3)) || !s.role().name().equals(row.getString(4))
                        || !s.item().equals(row.getString(5)) || !Objects.equals(s.stage(), row.getString(6))
                        || s.rolloutId() != row.getLong(7) || !s.planSha256().equals(row.getString(8))) {
                    findings.add(new Finding(seq, what + " differs from event " + seq + " that records it"));
                }
            }
        }
    }

    private static void plans(Connection c, List<Finding> findings) throws SQLException {
        Map<String, Long> importsOfPlan = new HashMap<>();
        for (AuditEvent e : JdbcAuditLog.trusted(c, Set.of(TrustLedger.PLAN_IMPORTED), "")) {
            String id = e.data().get("plan_id");
            Long first = importsOfPlan.putIfAbsent(id, e.seq());
            if (first != null) {
                findings.add(new Finding(e.seq(), "event " + e.seq() + " imports plan " + id + " again (event "
                        + first + " imported it): a second import of one plan is forged"));
            }
        }
        for (JdbcPlanRepository.Row row : JdbcPlanRepository.select(c, "ORDER BY id")) {
            String problem = JdbcPlanRepository.problem(c, row);
            if (problem != null) {
                findings.add(new Finding(row.importSeq() == null ? 0 : row.importSeq(), "plans: plan "
                        + row.plan().id() + " (" + row.plan().changeId() + "): " + problem));
            }
        }
    }

    private static void rollouts(Connection c, List<Finding> findings) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT r.id, r.started_by, e.actor, e.seq FROM rollouts r"
                + " LEFT JOIN audit_events e ON e.seq = (SELECT MIN(seq) FROM audit_events f WHERE f.rollout_id = r.id"
                + " AND f.seq >= 1 AND f.seq <= (SELECT last_seq FROM audit_chain_head WHERE id = 1))"
                + " ORDER BY r.id");
             ResultSet row = q.executeQuery()) {
            while (row.next()) {
                String table = row.getString(2);
                String chained = row.getString(3);
                if (row.getObject(4) != null && !Objects.equals(table, chained)) {
                    findings.add(new Finding(row.getLong(4), "rollouts: rollout " + row.getLong(1) + " names "
                            + table + " as its starter, but event " + row.getLong(4) + " says " + chained
                            + " started it"));
                }
            }
        }
    }
}
