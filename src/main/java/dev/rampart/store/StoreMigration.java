package dev.rampart.store;

/**
 * What {@code rampart db migrate} did: the schema version before (null: an empty store) and after, how many
 * migrations ran, and the resulting state.
 */
public record StoreMigration(String from, String to, int applied, SchemaState state) {
}
