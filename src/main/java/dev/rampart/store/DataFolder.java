package dev.rampart.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Rampart keeps its files for one user: Linux {@code $XDG_DATA_HOME/rampart} (or
 * {@code ~/.local/share/rampart}), macOS {@code ~/Library/Application Support/Rampart},
 * Windows {@code %APPDATA%\Rampart}.
 */
public final class DataFolder {

    /**
     * H2 settings of the default store. {@code WRITE_DELAY=0} makes every commit write its chunk to the file
     * before the commit returns (the default, 500 ms, leaves recent commits in memory, lost on kill -9).
     * {@code FILE_LOCK=FS} (H2's default, stated so nobody changes it by accident) keeps a second process out with an
     * operating-system lock on the file, which dies with its process; {@code FILE} would leave a .lock.db behind a
     * killed process and make the next start wait seconds. No AUTO_SERVER: nothing listens on a port.
     */
    static final String H2_SETTINGS = ";WRITE_DELAY=0;FILE_LOCK=FS";

    private DataFolder() {
    }

    /** The data folder of this user on this machine. */
    public static Path ofThisUser() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The data folder for the given operating system name, environment and home folder; touches no file. */
    public static Path resolve(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path roaming = isBlank(appData) ? userHome.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return roaming.resolve("Rampart");
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Rampart");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path dataHome = isBlank(xdg) || !xdg.startsWith("/") ? userHome.resolve(".local").resolve("share") : Path.of(xdg);
        return dataHome.resolve("rampart");
    }

    /** The JDBC URL of the default store in {@code folder}: an H2 file named {@code rampart.mv.db}. */
    public static String jdbcUrl(Path folder) {
        String path = folder.toAbsolutePath().normalize().resolve("rampart").toString().replace('\\', '/');
        if (path.indexOf(';') >= 0) {
            throw new IllegalArgumentException("The data folder " + folder + " contains ';', which an H2 URL cannot hold");
        }
        return "jdbc:h2:file:" + path + H2_SETTINGS;
    }

    /** The JDBC URL of this user's default store. */
    public static String defaultJdbcUrl() {
        return jdbcUrl(ofThisUser());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
