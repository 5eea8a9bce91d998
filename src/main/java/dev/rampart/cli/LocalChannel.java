package dev.rampart.cli;

import dev.rampart.engine.RolloutService;
import dev.rampart.store.Store;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local channel of a process holding an embedded H2 store (the console, or the agent): a Unix-domain socket in
 * a folder beside the store file that only its owner may enter (0700), the socket itself 0600, and every caller's
 * operating-system user checked again from the kernel ({@code SO_PEERCRED}) against the owner. No TCP port: nothing
 * reachable from another host. A command line that finds the store held sends its arguments and working folder
 * here; the holder runs the command with its own store and engine (the same service calls and permission checks as
 * in-process) and streams back output, passphrase requests and the exit code
 * (docs/decisions/0022-local-channel.md).
 */
public final class LocalChannel implements AutoCloseable {
    static final String FOLDER = ".rampart-channel";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> SOCKET = PosixFilePermissions.fromString("rw-------");
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();

    private final ServerSocketChannel server;
    private final Path socket;
    private final UserPrincipal owner;
    private final String holder;
    private final Host host;
    private volatile boolean closed;

    /** What a forwarded command is run with: the holder's store, engine, adapters. */
    private record Host(Store store, RolloutService rollouts, CliContext holderContext) {
    }

    private LocalChannel(ServerSocketChannel server, Path socket, UserPrincipal owner, String holder, Host host) {
        this.server = server;
        this.socket = socket;
        this.owner = owner;
        this.holder = holder;
        this.host = host;
    }

    /** The socket of the store whose H2 file is {@code h2File}. */
    public static Path socketOf(Path h2File) {
        String name = h2File.getFileName().toString();
        String base = name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
        return h2File.toAbsolutePath().getParent().resolve(FOLDER).resolve(base + ".sock");
    }

    /**
     * Offers the channel for {@code store} while this process holds it; {@code role} names the holder for others
     * ("the console", "the agent"). A store that is not an H2 file needs none (empty result); a channel that cannot
     * be made is said on standard error, and the holder runs on without it.
     */
    public static Optional<LocalChannel> serve(CliContext cx, Store store, RolloutService rollouts, String role) {
        Optional<Path> file = store.localFile();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path socket = socketOf(file.get());
        try {
            UserPrincipal owner = Files.getOwner(file.get());
            privateFolder(socket.getParent(), owner);
            Files.deleteIfExists(socket); // a socket left by a killed holder: this process holds the store's lock now
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(socket));
                Files.setPosixFilePermissions(socket, SOCKET);
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
            String holder = role + " (pid " + ProcessHandle.current().pid() + ")";
            LocalChannel channel = new LocalChannel(server, socket, owner, holder,
                    new Host(store, rollouts, cx));
            Thread accept = new Thread(channel::acceptLoop, "rampart-channel");
            accept.setDaemon(true);
            accept.start();
            return Optional.of(channel);
        } catch (IOException | RuntimeException e) {
            cx.err().println("rampart: command lines cannot reach this " + role + " (no local channel at " + socket
                    + ": " + e.getMessage() + "); they will find the store in use");
            cx.err().flush();
            return Optional.empty();
        }
    }

    /**
     * Connects to the holder of the store in {@code h2File}, if a live one offers a channel; the connection has been
     * greeted and is ready for one request. Empty when there is no socket or nobody answers (a killed holder's).
     *
     * @throws CliException when the holder refuses this user
     */
    static Optional<ChannelClient> connect(Path h2File) {
        Path socket = socketOf(h2File);
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return Optional.empty(); // refused: nobody listens any more
        }
        return Optional.of(ChannelClient.greet(channel, socket));
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a listening socket does not fail in a way worth reporting
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // a stale socket is replaced by the next holder
        }
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel peer;
            try {
                peer = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread t = new Thread(() -> handle(peer), "rampart-channel-" + CONNECTIONS.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
    }

    private void handle(SocketChannel peer) {
        try (peer) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(peer)));
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(peer)));
            String refusal = refusal(peer);
            if (refusal != null) {
                out.writeByte(ChannelWire.DENIED);
                ChannelWire.writeText(out, refusal);
                out.flush();
                return;
            }
            out.writeByte(ChannelWire.HELLO);
            out.writeInt(ChannelWire.VERSION);
            ChannelWire.writeText(out, holder);
            out.flush();
            if (ChannelWire.readTag(in) != ChannelWire.REQUEST) {
                return;
            }
            Path cwd = Path.of(ChannelWire.readText(in));
            int argc = in.readInt();
            if (argc < 0 || argc > 10_000) {
                return;
            }
            String[] args = new String[argc];
            for (int i = 0; i < argc; i++) {
                args[i] = ChannelWire.readText(in);
            }
            ForwardedCommand command = new ForwardedCommand(out, in);
            int code = RampartCommand.execute(args, command.context(host.holderContext(), host.store(),
                    host.rollouts(), cwd, holder));
            command.exit(code);
        } catch (IOException e) {
            // the caller went away (Ctrl+C): what its command did is in the store, as for any command
        }
    }

    /** Why this peer may not use the channel; null when it is this store's owner. */
    private String refusal(SocketChannel peer) {
        try {
            UnixDomainPrincipal who = peer.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (who.user().getName().equals(owner.getName())) {
                return null;
            }
            return "the store belongs to " + owner.getName() + "; " + who.user().getName() + " may not use it";
        } catch (IOException | UnsupportedOperationException e) {
            return "the caller's user cannot be checked (" + e.getMessage() + ")";
        }
    }

    /** The channel's folder, made owner-only; refused when it belongs to anyone but the store's owner. */
    private static void privateFolder(Path folder, UserPrincipal owner) throws IOException {
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // made by an earlier holder
        }
        UserPrincipal folderOwner = Files.getOwner(folder);
        if (!folderOwner.getName().equals(owner.getName())) {
            throw new IOException(folder + " belongs to " + folderOwner.getName() + ", not to " + owner.getName());
        }
        Files.setPosixFilePermissions(folder, OWNER_ONLY);
    }
}
