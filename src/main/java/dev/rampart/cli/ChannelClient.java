package dev.rampart.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;

/** The command line's end of the local channel: one greeted connection that forwards one command. */
final class ChannelClient implements AutoCloseable {
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final String holder;

    private ChannelClient(SocketChannel channel, DataInputStream in, DataOutputStream out, String holder) {
        this.channel = channel;
        this.in = in;
        this.out = out;
        this.holder = holder;
    }

    /** Reads the holder's greeting; a refusal (another user) is a {@link CliException}. */
    static ChannelClient greet(SocketChannel channel, Path socket) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            byte tag = ChannelWire.readTag(in);
            if (tag == ChannelWire.DENIED) {
                String why = ChannelWire.readText(in);
                channel.close();
                throw new CliException(ExitCode.CHECK_FAILED, "the Rampart process holding this store refused the"
                        + " command: " + why);
            }
            int version = tag == ChannelWire.HELLO ? in.readInt() : -1;
            if (version != ChannelWire.VERSION) {
                channel.close();
                throw new CliException(ExitCode.CHECK_FAILED, "the Rampart process holding this store speaks"
                        + " another channel version (" + version + "; this one " + ChannelWire.VERSION
                        + "): run the same Rampart release as the open console or agent");
            }
            return new ChannelClient(channel, in, out, ChannelWire.readText(in));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CliException(ExitCode.CHECK_FAILED, "the Rampart process holding this store did not answer"
                    + " on " + socket + ": " + e.getMessage());
        }
    }

    /** Who holds the store: "the console (pid 4711)". */
    String holder() {
        return holder;
    }

    /**
     * Sends {@code args} with the working folder, prints what the holder's run of the command prints, answers its
     * passphrase requests here (file or terminal), and returns its exit code.
     */
    int forward(String[] args, Path cwd, PrintWriter stdout, PrintWriter stderr, Secrets secrets) {
        try {
            out.writeByte(ChannelWire.REQUEST);
            ChannelWire.writeText(out, cwd.toAbsolutePath().toString());
            out.writeInt(args.length);
            for (String arg : args) {
                ChannelWire.writeText(out, arg);
            }
            out.flush();
            while (true) {
                byte tag = ChannelWire.readTag(in);
                switch (tag) {
                    case ChannelWire.OUT -> {
                        stdout.print(ChannelWire.readText(in));
                        stdout.flush();
                    }
                    case ChannelWire.ERR -> {
                        stderr.print(ChannelWire.readText(in));
                        stderr.flush();
                    }
                    case ChannelWire.SECRET -> answerSecret(secrets);
                    case ChannelWire.EXIT -> {
                        return in.readInt();
                    }
                    default -> throw new IOException("unexpected frame " + tag);
                }
            }
        } catch (IOException e) {
            stderr.println("rampart: " + holder + " holds the store and closed the channel before the command"
                    + " finished (" + e.getMessage() + "); check its outcome with `rampart rollout status`");
            stderr.flush();
            return ExitCode.CHECK_FAILED;
        }
    }

    private void answerSecret(Secrets secrets) throws IOException {
        boolean isNew = in.readBoolean();
        String variable = ChannelWire.readText(in);
        String prompt = ChannelWire.readText(in);
        char[] secret = null;
        String refusal = null;
        try {
            secret = isNew ? secrets.readNew(variable, prompt) : secrets.read(variable, prompt);
        } catch (CliException e) {
            refusal = e.getMessage();
        }
        try {
            if (secret != null) {
                out.writeByte(ChannelWire.ANSWER);
                ChannelWire.writeSecret(out, secret);
            } else {
                out.writeByte(ChannelWire.FAILED);
                ChannelWire.writeText(out, refusal);
            }
            out.flush();
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to say on it
        }
    }
}
