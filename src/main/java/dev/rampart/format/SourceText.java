package dev.rampart.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of an input file (a plan, a scenario): at most {@link #MAX_BYTES} are read, so that {@code /dev/zero}
 * or a log file picked by mistake cannot run the program out of memory; decoded as strict UTF-8; a leading byte
 * order mark dropped, as editors on Windows write one.
 */
final class SourceText {
    /** 4 MiB: a plan with hundreds of stages and rules is well under 100 KiB. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    static final char BOM = '\uFEFF';

    private SourceText() {
    }

    /** The text, or the one problem that stops it being read. */
    record Read(String text, Problem problem) {
    }

    static Read read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // never more than the cap and one byte: enough to know the file goes on past it
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return failed(name, "cannot read the file: no such file");
        } catch (AccessDeniedException e) {
            return failed(name, "cannot read the file: permission denied");
        } catch (IOException e) {
            return failed(name, "cannot read the file: " + (Files.isDirectory(file) ? "it is a folder" : e.getMessage()));
        }
        if (bytes.length > MAX_BYTES) {
            int[] at = position(bytes, MAX_BYTES);
            return new Read(null, new Problem(name, at[0], at[1], "the file goes on past 4 MiB (" + MAX_BYTES
                    + " bytes), the most Rampart reads; is it the right file?"));
        }
        return decode(name, bytes);
    }

    /** The text without a leading byte order mark. */
    static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    private static Read decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int bad = in.position();
            int[] at = position(bytes, bad);
            return new Read(null, new Problem(name, at[0], at[1], String.format(
                    "not UTF-8 text (byte 0x%02X); save the file as UTF-8", bytes[bad] & 0xFF)));
        }
        out.flip();
        return new Read(withoutBom(out.toString()), null);
    }

    /** Line and column (1-based, in characters, a byte order mark not counted) of the byte at {@code index}. */
    private static int[] position(byte[] bytes, int index) {
        String before;
        try {
            before = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(Arrays.copyOf(bytes, index))).toString();
        } catch (CharacterCodingException e) {
            before = "";
        }
        before = withoutBom(before);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, before.length() - lineStart + 1};
    }

    private static Read failed(String name, String message) {
        return new Read(null, new Problem(name, 0, 0, message));
    }
}
