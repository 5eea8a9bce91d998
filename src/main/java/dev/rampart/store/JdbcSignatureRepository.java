package dev.rampart.store;

import dev.rampart.domain.access.Role;
import dev.rampart.domain.access.Signature;
import dev.rampart.domain.repo.SignatureRepository;
import dev.rampart.domain.rollout.AuditEvent;
import dev.rampart.domain.rollout.NewEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Signatures in the signatures table, each saved with its signoff.signed audit event in one transaction. The table
 * is a projection for SQL readers: the engine reads sign-offs from the chain, and {@code audit verify} compares.
 */
public final class JdbcSignatureRepository implements SignatureRepository {

    private static final String COLUMNS = "id, rollout_id, stage, item, role, signer, signed_at, comment, plan_sha256,"
            + " signed_sha256, audit_seq, key_id, signature";

    private final SharedConnection db;

    JdbcSignatureRepository(SharedConnection db) {
        this.db = db;
    }

    @Override
    public Signature add(Signature s, NewEvent event) {
        return db.inTransaction("record the signature of " + s.signer(), c -> {
            AuditEvent recorded = AuditRows.append(c, event);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO signatures (rollout_id, stage, item, role,"
                    + " signer, signed_at, comment, plan_sha256, signed_sha256, audit_seq, key_id, signature)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                insert.setLong(1, s.rolloutId());
                insert.setString(2, s.stage());
                insert.setString(3, s.item());
                insert.setString(4, s.role().name());
                insert.setString(5, s.signer());
                SqlTime.set(insert, 6, s.at());
                insert.setString(7, s.comment() == null ? "" : s.comment());
                insert.setString(8, s.planSha256());
                insert.setString(9, s.signedSha256());
                insert.setLong(10, recorded.seq());
                insert.setString(11, s.keyId());
                insert.setString(12, s.signature());
                insert.executeUpdate();
                return new Signature(GeneratedKeys.id(insert), s.rolloutId(), s.stage(), s.item(), s.role(),
                        s.signer(), SqlTime.toMillis(s.at()), s.comment(), s.planSha256(), s.signedSha256(),
                        recorded.seq(), s.keyId(), s.signature());
            }
        });
    }

    @Override
    public List<Signature> forRollout(long rolloutId) {
        return db.inTransaction("read the signatures of rollout " + rolloutId, c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM signatures WHERE rollout_id = ? ORDER BY id")) {
                query.setLong(1, rolloutId);
                List<Signature> list = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        list.add(new Signature(row.getLong("id"), row.getLong("rollout_id"), row.getString("stage"),
                                row.getString("item"), new Role(row.getString("role")), row.getString("signer"),
                                SqlTime.get(row, "signed_at"), row.getString("comment"),
                                row.getString("plan_sha256"), row.getString("signed_sha256"),
                                row.getLong("audit_seq"), row.getString("key_id"), row.getString("signature")));
                    }
                }
                return list;
            }
        });
    }
}
