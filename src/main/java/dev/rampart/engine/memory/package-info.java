/**
 * Repositories that live in memory only: dry runs use them so that hours of virtual time need no database.
 * They keep the contracts of {@code dev.rampart.domain.repo} (optimistic versions, atomic event append).
 */
package dev.rampart.engine.memory;
