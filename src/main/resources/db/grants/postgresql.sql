-- Rampart on PostgreSQL: the grants of least privilege for people and the agent (docs/postgresql.md).
-- Run as the owner of Rampart's schema (the migrator login that ran the migrations), after every migration, with
-- ${schema}, ${people} and ${agent} replaced: Rampart's schema, the group role every person's login is IN ROLE of,
-- and the agent's own login. Nobody but the owner may ALTER or DISABLE TRIGGER; nobody may UPDATE, DELETE or
-- TRUNCATE audit_events or signatures (the triggers refuse it even to the owner); everything the engine trusts is
-- replayed from the chain, so a row someone may write (a role, a signature) is a projection, never believed.

GRANT USAGE ON SCHEMA ${schema} TO ${people}, ${agent};

-- Reading: every table, Flyway's history included (each start checks the schema's version).
GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${people}, ${agent};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${people}, ${agent};

-- The chain: appending only. Each event records session_user (a trigger refuses any other login), and the head row
-- moves with each append (SELECT ... FOR UPDATE needs UPDATE).
GRANT INSERT ON ${schema}.audit_events TO ${people}, ${agent};
GRANT UPDATE ON ${schema}.audit_chain_head TO ${people}, ${agent};

-- The engine, which runs in the agent and, without one, in a console.
GRANT UPDATE ON ${schema}.rollouts TO ${people}, ${agent};
GRANT INSERT, UPDATE ON ${schema}.adapter_intents TO ${people}, ${agent};

-- What only people do: start rollouts, import plans, sign, manage people and their keys.
GRANT INSERT ON ${schema}.rollouts, ${schema}.plans, ${schema}.signatures, ${schema}.people, ${schema}.person_keys
    TO ${people};
GRANT UPDATE (import_seq) ON ${schema}.plans TO ${people};
GRANT UPDATE (retired_seq) ON ${schema}.person_keys TO ${people};
GRANT INSERT, DELETE ON ${schema}.person_roles TO ${people};
