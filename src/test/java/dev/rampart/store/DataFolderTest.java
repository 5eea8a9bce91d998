package dev.rampart.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataFolderTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linuxUsesXdgDataHome() {
        assertThat(DataFolder.resolve("Linux", Map.of("XDG_DATA_HOME", "/data/ada"), HOME))
                .isEqualTo(Path.of("/data/ada/rampart"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgIsUnsetEmptyOrRelative() {
        Path expected = Path.of("/home/ada/.local/share/rampart");
        assertThat(DataFolder.resolve("Linux", Map.of(), HOME)).isEqualTo(expected);
        assertThat(DataFolder.resolve("Linux", Map.of("XDG_DATA_HOME", ""), HOME)).isEqualTo(expected);
        assertThat(DataFolder.resolve("Linux", Map.of("XDG_DATA_HOME", "relative/data"), HOME)).isEqualTo(expected);
    }

    @Test
    void otherUnixesFollowXdgToo() {
        assertThat(DataFolder.resolve("FreeBSD", Map.of(), HOME)).isEqualTo(Path.of("/home/ada/.local/share/rampart"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        Path home = Path.of("/Users/ada");
        assertThat(DataFolder.resolve("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), home))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/Rampart"));
    }

    @Test
    void windowsUsesAppData() {
        String appData = "C:\\Users\\ada\\AppData\\Roaming";
        assertThat(DataFolder.resolve("Windows 11", Map.of("APPDATA", appData), Path.of("C:\\Users\\ada")))
                .isEqualTo(Path.of(appData).resolve("Rampart"));
    }

    @Test
    void windowsWithoutAppDataUsesTheRoamingFolderOfTheHome() {
        Path home = Path.of("C:\\Users\\ada");
        assertThat(DataFolder.resolve("Windows 10", Map.of(), home))
                .isEqualTo(home.resolve("AppData").resolve("Roaming").resolve("Rampart"));
    }

    @Test
    void defaultUrlIsAnH2FileWithDurableCommitsAndNoServer() {
        String url = DataFolder.jdbcUrl(Path.of("/home/ada/.local/share/rampart"));
        assertThat(url).isEqualTo("jdbc:h2:file:/home/ada/.local/share/rampart/rampart;WRITE_DELAY=0;FILE_LOCK=FS");
        assertThat(url).doesNotContainIgnoringCase("AUTO_SERVER");
    }

    @Test
    void aFolderThatWouldBreakTheUrlIsRefused() {
        assertThatThrownBy(() -> DataFolder.jdbcUrl(Path.of("/tmp/a;INIT=RUNSCRIPT FROM 'x'")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thisUsersFolderIsAbsolute() {
        assertThat(DataFolder.ofThisUser()).isAbsolute();
    }
}
