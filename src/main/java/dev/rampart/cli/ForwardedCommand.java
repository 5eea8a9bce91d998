package dev.rampart.cli;

import dev.rampart.engine.RolloutService;
import dev.rampart.store.Store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * One command forwarded through the local channel, run in the holder: its output goes back as frames, and a
 * passphrase it needs is asked of the caller, who reads it from their file or terminal.
 */
final class ForwardedCommand {
    private final DataOutputStream out;
    private final DataInputStream in;
    private final PrintWriter stdout;
    private final PrintWriter stderr;

    ForwardedCommand(DataOutputStream out, DataInputStream in) {
        this.out = out;
        this.in = in;
        this.stdout = new PrintWriter(new FrameWriter(ChannelWire.OUT), true);
        this.stderr = new PrintWriter(new FrameWriter(ChannelWire.ERR), true);
    }

    /** The command's context: the caller's options parsed afresh, the holder's store, engine and adapters. */
    CliContext context(CliContext holder, Store store, RolloutService rollouts, Path cwd, String holderName) {
        Console noSecondWindow = cx -> {
            throw new CliException(ExitCode.CHECK_FAILED, "the store is held by " + holderName
                    + "; a second window cannot open an H2 store (share a PostgreSQL store for that)");
        };
        // The holder's installation: the channel admits only the operating-system user who runs the holder, so the
        // person is the same, and so are their data folder and keys; passphrases are asked of the caller.
        return new CliContext(new Globals(), noSecondWindow, holder.deployments(), stdout, stderr,
                new Forwarded(store, rollouts, cwd, holderName), holder.installation());
    }

    void exit(int code) throws IOException {
        stdout.flush();
        stderr.flush();
        synchronized (out) {
            out.writeByte(ChannelWire.EXIT);
            out.writeInt(code);
            out.flush();
        }
    }

    private char[] askSecret(boolean isNew, String envVariable, String prompt) {
        stdout.flush();
        stderr.flush();
        try {
            synchronized (out) {
                out.writeByte(ChannelWire.SECRET);
                out.writeBoolean(isNew);
                ChannelWire.writeText(out, envVariable);
                ChannelWire.writeText(out, prompt);
                out.flush();
            }
            byte tag = ChannelWire.readTag(in);
            if (tag == ChannelWire.ANSWER) {
                return ChannelWire.readSecret(in);
            }
            throw CliException.badInput(ChannelWire.readText(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the command line went away while asked for a passphrase", e);
        }
    }

    /** The session of a forwarded command: the holder's store (lent, never closed by the command) and engine. */
    final class Forwarded implements Session {
        private final Store store;
        private final RolloutService rollouts;
        private final Path cwd;
        private final String holderName;

        Forwarded(Store store, RolloutService rollouts, Path cwd, String holderName) {
            this.store = store;
            this.rollouts = rollouts;
            this.cwd = cwd;
            this.holderName = holderName;
        }

        @Override
        public Store openStore(CliContext cx) {
            return store.lend();
        }

        @Override
        public Store openStoreAsIs(CliContext cx) {
            return store.lend();
        }

        @Override
        public RolloutService rollouts(CliContext cx, Store s) {
            return rollouts;
        }

        @Override
        public char[] secret(String envVariable, String prompt) {
            return askSecret(false, envVariable, prompt);
        }

        @Override
        public char[] newSecret(String envVariable, String prompt) {
            return askSecret(true, envVariable, prompt);
        }

        @Override
        public Path workingDirectory() {
            return cwd;
        }

        /** Who runs forwarded commands, for a refusal: "the console (pid 4711)". */
        String holder() {
            return holderName;
        }
    }

    /** Text written by the command, sent as one frame per flush. */
    private final class FrameWriter extends Writer {
        private final byte tag;
        private final StringBuilder pending = new StringBuilder();

        FrameWriter(byte tag) {
            this.tag = tag;
        }

        @Override
        public synchronized void write(char[] chars, int off, int len) {
            pending.append(chars, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            if (pending.length() == 0) {
                return;
            }
            String text = pending.toString();
            pending.setLength(0);
            synchronized (out) {
                out.writeByte(tag);
                ChannelWire.writeText(out, text);
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
