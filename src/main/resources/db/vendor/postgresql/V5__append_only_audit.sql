-- Audit events and signatures are append-only: UPDATE, DELETE and TRUNCATE are refused by triggers, for every
-- role, and the rights to do them are taken from PUBLIC. For a team, run Rampart as a role that does not own these
-- tables (docs/decisions/0008-who-may-do-what.md): it then cannot disable the triggers either.
CREATE FUNCTION rampart_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: Rampart never changes or deletes its rows', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION rampart_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION rampart_append_only();
CREATE TRIGGER signatures_append_only BEFORE UPDATE OR DELETE ON signatures
    FOR EACH ROW EXECUTE FUNCTION rampart_append_only();
CREATE TRIGGER signatures_no_truncate BEFORE TRUNCATE ON signatures
    FOR EACH STATEMENT EXECUTE FUNCTION rampart_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, signatures FROM PUBLIC;
