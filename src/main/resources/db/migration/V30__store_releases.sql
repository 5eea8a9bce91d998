-- Which Rampart release brought the schema to which version, so that a client whose schema is older or newer than
-- its own can say which release to install (docs/decisions/0021-team-store-schema-and-connections.md).
-- Written by `rampart db migrate` (and by a local H2 store migrating itself); the app only reads it.
CREATE TABLE store_releases (
    schema_version VARCHAR(50)  NOT NULL,
    app_version    VARCHAR(50)  NOT NULL,
    migrated_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    migrated_by    VARCHAR(200) NOT NULL
);
