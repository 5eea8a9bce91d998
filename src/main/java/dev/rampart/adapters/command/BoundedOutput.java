package dev.rampart.adapters.command;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A command's output kept within a byte limit: the first quarter and the last three quarters of the limit, with
 * the number of bytes left out between them, so both how it started and how it ended are kept as evidence.
 */
final class BoundedOutput {
    private final int headLimit;
    private final int tailLimit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail;
    private long tailCount;
    private long total;

    BoundedOutput(int limit) {
        this.headLimit = Math.max(1, limit / 4);
        this.tailLimit = Math.max(1, limit - headLimit);
        this.tail = new byte[tailLimit];
    }

    synchronized void write(byte[] b, int len) {
        for (int i = 0; i < len; i++) {
            total++;
            if (head.size() < headLimit) {
                head.write(b[i]);
            } else {
                tail[(int) (tailCount++ % tailLimit)] = b[i];
            }
        }
    }

    synchronized boolean truncated() {
        return tailCount > tailLimit;
    }

    synchronized String text() {
        StringBuilder out = new StringBuilder(head.toString(StandardCharsets.UTF_8));
        int kept = (int) Math.min(tailCount, tailLimit);
        byte[] t = new byte[kept];
        long start = tailCount - kept;
        for (int i = 0; i < kept; i++) {
            t[i] = tail[(int) ((start + i) % tailLimit)];
        }
        if (truncated()) {
            out.append("\n… ").append(tailCount - tailLimit).append(" bytes left out …\n");
        }
        return out.append(new String(t, StandardCharsets.UTF_8)).toString();
    }

    synchronized long total() {
        return total;
    }
}
