package dev.rampart.engine;

import java.time.Instant;

/**
 * A role's approval of a rollout ({@code stage} null) or of one stage. {@code assumed} is true in a dry run,
 * where sign-offs count as given the moment they are due.
 */
public record SignOff(String role, String stage, String signer, Instant at, String comment, boolean assumed) {
}
