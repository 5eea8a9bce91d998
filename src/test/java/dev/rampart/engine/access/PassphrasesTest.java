package dev.rampart.engine.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassphrasesTest {
    private final Passphrases real = new Passphrases();

    @Test
    void aHashIsSaltedPbkdf2WithAtLeast210000IterationsAndVerifies() {
        String hash = real.hash("correct horse".toCharArray());
        assertThat(hash).startsWith("pbkdf2-sha256$210000$").doesNotContain("correct horse");
        assertThat(real.matches("correct horse".toCharArray(), hash)).isTrue();
        assertThat(real.matches("correct horsf".toCharArray(), hash)).isFalse();
        assertThat(real.hash("correct horse".toCharArray())).as("salted").isNotEqualTo(hash);
    }

    @Test
    void aHashKeepsItsOwnIterationCount() {
        String few = new Passphrases(1000).hash("abcd".toCharArray());
        assertThat(real.matches("abcd".toCharArray(), few)).isTrue();
    }

    @Test
    void garbageNeverMatches() {
        assertThat(real.matches("abcd".toCharArray(), "plain-text")).isFalse();
        assertThat(real.matches("abcd".toCharArray(), null)).isFalse();
        assertThat(real.matches(null, real.hash("abcd".toCharArray()))).isFalse();
        assertThatThrownBy(() -> real.hash("abc".toCharArray())).isInstanceOf(IllegalArgumentException.class);
    }
}
