-- A random identity for the store, made once with its schema.
INSERT INTO store_info (id, store_id, legacy_plans_up_to)
SELECT 1, CAST(gen_random_uuid() AS VARCHAR(64)), COALESCE(MAX(id), 0) FROM plans;

-- Every audit event records the login that appended it: a value other than session_user is refused, so a person
-- cannot append an event in another's name. Only the owner of the table could disable this trigger; people and the
-- agent log in with roles that do not own it (db/grants/postgresql.sql).
CREATE FUNCTION rampart_audit_login() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.login IS DISTINCT FROM CAST(session_user AS VARCHAR) THEN
        RAISE EXCEPTION 'audit events record the login that appends them: % is not %', NEW.login, session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_events_login BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION rampart_audit_login();

REVOKE UPDATE, DELETE, TRUNCATE ON store_info FROM PUBLIC;
