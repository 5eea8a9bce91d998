-- Audit events and signatures are append-only: any UPDATE or DELETE through a connection is refused by a trigger
-- (dev.rampart.store.AppendOnly). Someone with the file and admin rights can still drop it; that is what the hash
-- chain and 'rampart audit verify' are for.
CREATE TRIGGER audit_events_append_only BEFORE UPDATE, DELETE ON audit_events
    FOR EACH ROW CALL 'dev.rampart.store.AppendOnly';
CREATE TRIGGER signatures_append_only BEFORE UPDATE, DELETE ON signatures
    FOR EACH ROW CALL 'dev.rampart.store.AppendOnly';
