package dev.rampart.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The local channel's frames: a tag byte, then its fields; text is UTF-8 with an int length. The holder greets
 * ({@link #HELLO}: version, who, pid) or refuses ({@link #DENIED}); the client sends one {@link #REQUEST} (working
 * folder, arguments); the holder answers with output ({@link #OUT}, {@link #ERR}), secret requests ({@link #SECRET}:
 * new?, variable, prompt) that the client answers ({@link #ANSWER} or {@link #FAILED}), and the exit code
 * ({@link #EXIT}).
 */
final class ChannelWire {
    static final int VERSION = 1;
    static final byte HELLO = 'H';
    static final byte DENIED = 'D';
    static final byte REQUEST = 'R';
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte SECRET = 'S';
    static final byte ANSWER = 'A';
    static final byte FAILED = 'F';
    static final byte EXIT = 'X';
    /** Longest text frame accepted: a bound, so a confused peer cannot make the other allocate without limit. */
    private static final int MAX_TEXT = 16 * 1024 * 1024;

    private ChannelWire() {
    }

    static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readText(DataInputStream in) throws IOException {
        byte[] bytes = readBytes(in);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A secret as UTF-8, with the bytes cleared once written. */
    static void writeSecret(DataOutputStream out, char[] secret) throws IOException {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        Arrays.fill(utf8.array(), (byte) 0);
        try {
            out.writeInt(bytes.length);
            out.write(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static char[] readSecret(DataInputStream in) throws IOException {
        byte[] bytes = readBytes(in);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            char[] secret = new char[chars.remaining()];
            chars.get(secret);
            Arrays.fill(chars.array(), '\0');
            return secret;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static byte readTag(DataInputStream in) throws IOException {
        int tag = in.read();
        if (tag < 0) {
            throw new EOFException("the channel closed");
        }
        return (byte) tag;
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT) {
            throw new IOException("a frame of " + length + " bytes is not one the channel sends");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
