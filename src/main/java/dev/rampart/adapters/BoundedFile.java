package dev.rampart.adapters;

import dev.rampart.spi.AdapterException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files an adapter's settings point at (a secret file, a flag file) read with a cap: a path to {@code /dev/zero} or
 * to a log file must cost at most the cap, never all the memory there is.
 */
public final class BoundedFile {
    /** A secret is a token or key: 64 KiB is far more than any. */
    public static final int SECRET_BYTES = 64 * 1024;
    /** A document such as a flag file: the same cap as a plan. */
    public static final int DOCUMENT_BYTES = 4 * 1024 * 1024;

    private BoundedFile() {
    }

    /**
     * The file as strict UTF-8 text, without a leading byte order mark.
     *
     * @param what what the file is, for messages ("secret file", "flag file"); its content is never repeated
     */
    public static String read(Path file, int maxBytes, String what) throws AdapterException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new AdapterException(what + " " + file + " cannot be read: " + e.getClass().getSimpleName(), null,
                    false);
        }
        if (bytes.length > maxBytes) {
            throw new AdapterException(what + " " + file + " is longer than " + maxBytes + " bytes; is it the right"
                    + " file?", null, false);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new AdapterException(what + " " + file + " is not UTF-8 text", null, false);
        }
    }
}
