package dev.rampart.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@value #FILE}: one line per file of the pack, {@code <sha256>  <name>}, the format of {@code sha256sum}, so
 * {@code sha256sum -c manifest.sha256} checks a pack without Rampart.
 */
final class Manifest {
    static final String FILE = "manifest.sha256";

    private Manifest() {
    }

    static String write(Path dir, List<String> files) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String name : files) {
            out.append(sha256(Files.readAllBytes(dir.resolve(name)))).append("  ").append(name).append('\n');
        }
        Files.writeString(dir.resolve(FILE), out.toString(), StandardCharsets.UTF_8);
        return sha256(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The first problem of the pack in {@code dir}: a missing, changed or unlisted file, or a damaged manifest.
     * {@code besides} are files that belong to the pack without being listed (its signature).
     */
    static Optional<PackCheck> check(Path dir, java.util.Set<String> besides) throws IOException {
        Path manifest = dir.resolve(FILE);
        if (!Files.isRegularFile(manifest)) {
            return Optional.of(PackCheck.broken(FILE, "the manifest is missing"));
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.matches("[0-9a-f]{64}  [^/\\\\]+")) {
                return Optional.of(PackCheck.broken(FILE, "the manifest line \"" + line + "\" is damaged"));
            }
            listed.put(line.substring(66), line.substring(0, 64));
        }
        for (Map.Entry<String, String> e : listed.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                return Optional.of(PackCheck.broken(e.getKey(), "the file is missing"));
            }
            if (!sha256(Files.readAllBytes(file)).equals(e.getValue())) {
                return Optional.of(PackCheck.broken(e.getKey(), "the file was changed (its SHA-256 is not the"
                        + " one in the manifest)"));
            }
        }
        List<String> extra = new ArrayList<>();
        try (Stream<Path> all = Files.list(dir)) {
            all.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(FILE) && !listed.containsKey(n) && !besides.contains(n)).sorted()
                    .forEach(extra::add);
        }
        if (!extra.isEmpty()) {
            return Optional.of(PackCheck.broken(extra.get(0), "the file is not in the manifest (it was added)"));
        }
        return Optional.empty();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
