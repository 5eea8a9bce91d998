-- Authenticated identity and a chain that covers everything the engine trusts (docs/decisions/0015 to 0017).
-- Portable SQL for H2 2.x and PostgreSQL 12+.

-- The database login that appended an event. On PostgreSQL a trigger (db/vendor/postgresql/V21) refuses any value
-- but session_user; the hash covers it. Null on H2, where the person is the operating-system user.
ALTER TABLE audit_events ADD COLUMN login VARCHAR(200);

-- Trust events (person.added, role.granted, key.enrolled, …) and sign-offs are read by type.
CREATE INDEX audit_events_type ON audit_events (type, seq);

-- Projections of the chain, for reading with SQL; Rampart itself replays the chain and audit verify compares.
ALTER TABLE people ADD COLUMN login VARCHAR(200);
ALTER TABLE plans ADD COLUMN import_seq BIGINT;
ALTER TABLE signatures ADD COLUMN key_id VARCHAR(64);
ALTER TABLE signatures ADD COLUMN signature VARCHAR(200);

CREATE TABLE person_keys (
    key_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    person       VARCHAR(200)  NOT NULL,
    public_key   VARCHAR(200)  NOT NULL,
    demo         BOOLEAN       NOT NULL,
    enrolled_seq BIGINT        NOT NULL,
    retired_seq  BIGINT
);

-- The store's identity: part of what keys and sign-offs sign, and how witnesses name the store.
-- legacy_plans_up_to: plans imported before imports were chained (ids up to this one) are chained once, on the next
-- start (store.plans_chained); any later row without its event is refused.
CREATE TABLE store_info (
    id                 INTEGER     NOT NULL PRIMARY KEY,
    store_id           VARCHAR(64) NOT NULL,
    legacy_plans_up_to BIGINT      NOT NULL,
    CONSTRAINT store_info_single_row CHECK (id = 1)
);
