package dev.rampart.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a JDBC URL points at, said for a person (never with its password), and the H2 file behind it if any. */
final class StoreAddress {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern FILE_SYSTEM_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:(?!//)");

    private final String url;
    private final Path h2File;

    private StoreAddress(String url, Path h2File) {
        this.url = url;
        this.h2File = h2File;
    }

    static StoreAddress of(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new StoreUnavailableException("No store given: expected a JDBC URL such as jdbc:postgresql://host/rampart");
        }
        return new StoreAddress(jdbcUrl, isH2(jdbcUrl) ? h2FileOf(jdbcUrl) : null);
    }

    boolean isH2() {
        return isH2(url);
    }

    /** The {@code .mv.db} file of an embedded H2 store; empty for servers and in-memory databases. */
    Optional<Path> h2File() {
        return Optional.ofNullable(h2File);
    }

    /**
     * The setting that would make H2 listen on a port, as written: AUTO_SERVER in any spelling H2 reads (its
     * booleans are true, 1, t, y, yes, on, in any case), or with any value at all, and AUTO_SERVER_PORT. Every one is
     * refused, so a new spelling of "true" cannot slip through.
     */
    Optional<String> autoServerSetting() {
        if (!isH2()) {
            return Optional.empty();
        }
        int first = url.indexOf(';');
        if (first < 0) {
            return Optional.empty();
        }
        for (String setting : url.substring(first + 1).split(";")) {
            int equals = setting.indexOf('=');
            String key = (equals < 0 ? setting : setting.substring(0, equals)).strip().toUpperCase(Locale.ROOT);
            if (key.equals("AUTO_SERVER") || key.equals("AUTO_SERVER_PORT")) {
                return Optional.of(setting.strip());
            }
        }
        return Optional.empty();
    }

    /** An H2 file encrypted at rest: {@code ;CIPHER=AES} in its settings. */
    boolean isEncrypted() {
        return isH2() && url.toUpperCase(Locale.ROOT).replace(" ", "").contains(";CIPHER=");
    }

    boolean hasPasswordSetting() {
        return url.toUpperCase(Locale.ROOT).replace(" ", "").contains("PASSWORD=");
    }

    /**
     * Where the store lives, the same whoever opens it and however their URL is spelled: an H2 file's absolute path,
     * or {@code postgresql://host:port/database#schema}. Witnesses name the stores they watch by it.
     */
    String location() {
        if (h2File != null) {
            return h2File.toString();
        }
        if (isH2()) {
            String rest = url.substring(8);
            int settings = rest.indexOf(';');
            return "h2:" + (settings < 0 ? rest : rest.substring(0, settings));
        }
        String rest = url.replaceFirst("(?i)^jdbc:", "");
        int query = rest.indexOf('?');
        String base = query < 0 ? rest : rest.substring(0, query);
        String schema = "public";
        if (query >= 0) {
            for (String param : rest.substring(query + 1).split("&")) {
                int eq = param.indexOf('=');
                if (eq > 0 && param.substring(0, eq).equalsIgnoreCase("currentSchema")) {
                    schema = param.substring(eq + 1);
                }
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)^postgresql://([^/:]+)(?::(\\d+))?/(.*)$")
                .matcher(base);
        if (m.matches()) {
            base = "postgresql://" + m.group(1).toLowerCase(Locale.ROOT) + ":" + (m.group(2) == null ? "5432"
                    : m.group(2)) + "/" + m.group(3);
        }
        return masked(base) + "#" + schema;
    }

    /** The file for an H2 store, otherwise the URL with any password masked. */
    String describe() {
        return h2File != null ? h2File.toString() : masked(url);
    }

    /** {@code text} with the value of every {@code password=} setting replaced by stars. */
    static String masked(String text) {
        return PASSWORD.matcher(text).replaceAll("$1***");
    }

    private static boolean isH2(String url) {
        return url.regionMatches(true, 0, "jdbc:h2:", 0, 8);
    }

    private static Path h2FileOf(String url) {
        String name = url.substring(8);
        int settings = name.indexOf(';');
        if (settings >= 0) {
            name = name.substring(0, settings);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
            return null;
        }
        // "file:", "nio:", "async:" and the like choose how H2 reads the file, not which file.
        while (FILE_SYSTEM_PREFIX.matcher(name).find()) {
            name = name.substring(name.indexOf(':') + 1);
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Path.of(name + ".mv.db").toAbsolutePath().normalize();
    }
}
