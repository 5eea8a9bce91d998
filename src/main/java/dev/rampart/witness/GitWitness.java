package dev.rampart.witness;

import dev.rampart.domain.access.Checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A witness in a git repository: each checkpoint is a file, as in a {@link DirectoryWitness}, committed on its own,
 * and pushed to its upstream (or to {@code origin}, for a clone of an empty repository), so the history that an auditor's clone holds cannot be rewound
 * from this machine without a forced push they would see. Address: {@code git:/path/to/work-tree} (a clone made
 * beforehand; Rampart never clones, configures remotes or forces anything). {@code git} runs as a child process
 * with fixed arguments (no shell), with a time-out.
 */
public final class GitWitness implements Witness {
    private static final long TIMEOUT_SECONDS = 30;

    private final Path workTree;
    private final DirectoryWitness files;

    public GitWitness(Path workTree) {
        this.workTree = workTree;
        this.files = new DirectoryWitness(workTree.resolve("rampart-checkpoints"));
    }

    @Override
    public String describe() {
        return "git:" + workTree;
    }

    @Override
    public void record(Checkpoint checkpoint) throws IOException {
        if (!Files.isDirectory(workTree.resolve(".git"))) {
            throw new IOException(workTree + " is not a git work tree (make a clone there first)");
        }
        files.record(checkpoint);
        git("add", "--", "rampart-checkpoints");
        if (git("status", "--porcelain", "--", "rampart-checkpoints").isBlank()) {
            return;
        }
        git("-c", "user.name=Rampart", "-c", "user.email=rampart@localhost", "commit", "--quiet", "--no-verify",
                "-m", "Rampart checkpoint " + checkpoint.seq() + " of " + checkpoint.location(), "--",
                "rampart-checkpoints");
        if (hasUpstream()) {
            git("push", "--quiet");
        } else if (git("remote").lines().anyMatch("origin"::equals)) {
            git("push", "--quiet", "origin", "HEAD"); // a clone of an empty repository has no upstream yet
        }
    }

    @Override
    public Optional<Checkpoint> newest(String location) throws IOException {
        return files.newest(location);
    }

    private boolean hasUpstream() throws IOException {
        try {
            return !git("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}").isBlank();
        } catch (IOException noUpstream) {
            return false;
        }
    }

    /** Runs {@code git -C workTree args…} and returns what it printed; a non-zero exit is an IOException. */
    private String git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", workTree.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process = builder.start();
        process.getOutputStream().close();
        try (InputStream out = process.getInputStream()) {
            byte[] printed = out.readNBytes(64 * 1024);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("git " + args[0] + " in " + workTree + " did not finish in " + TIMEOUT_SECONDS
                        + " s");
            }
            String text = new String(printed, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IOException("git " + args[0] + " in " + workTree + " failed (exit " + process.exitValue()
                        + "): " + text);
            }
            return text;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while git " + args[0] + " ran in " + workTree, e);
        }
    }
}
