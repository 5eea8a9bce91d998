package dev.rampart.adapters;

import dev.rampart.spi.AdapterException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files that adapter settings point at are read with a cap, never whole. */
class BoundedFileTest {
    @Test
    void aSecretFileOnDevZeroIsRefusedWithoutReadingItWhole() throws AdapterException {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")));
        Secret secret = Settings.of(Map.of("token", "file:/dev/zero"), "adapter").secret("token");
        assertThatThrownBy(secret::reveal).isInstanceOf(AdapterException.class)
                .hasMessage("secret file /dev/zero is longer than 65536 bytes; is it the right file?");
    }

    @Test
    void aSecretFileIsReadStrippedAndWithoutAByteOrderMark(@TempDir Path dir) throws IOException, AdapterException {
        Path f = dir.resolve("token");
        Files.writeString(f, "\uFEFFs3cr3t-value\n");
        assertThat(Settings.of(Map.of("token", "file:" + f), "adapter").secret("token").reveal())
                .isEqualTo("s3cr3t-value");
    }
}
