package dev.rampart.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StoreAddressTest {

    @Test
    void findsTheFileOfAnH2Url() {
        assertThat(StoreAddress.of("jdbc:h2:file:/var/rampart/rampart;WRITE_DELAY=0").h2File())
                .contains(Path.of("/var/rampart/rampart.mv.db"));
        assertThat(StoreAddress.of("jdbc:h2:/var/rampart/x").h2File()).contains(Path.of("/var/rampart/x.mv.db"));
        assertThat(StoreAddress.of("jdbc:h2:nio:/var/rampart/x").h2File()).contains(Path.of("/var/rampart/x.mv.db"));
        assertThat(StoreAddress.of("jdbc:h2:~/r").h2File())
                .contains(Path.of(System.getProperty("user.home"), "r.mv.db"));
    }

    @Test
    void serversAndMemoryHaveNoFile() {
        assertThat(StoreAddress.of("jdbc:h2:mem:test").h2File()).isEmpty();
        assertThat(StoreAddress.of("jdbc:h2:tcp://localhost/~/test").h2File()).isEmpty();
        assertThat(StoreAddress.of("jdbc:postgresql://db/rampart").h2File()).isEmpty();
    }

    @Test
    void neverShowsAPassword() {
        String described = StoreAddress.of("jdbc:postgresql://db:5432/rampart?user=ops&password=s3cret&ssl=true").describe();
        assertThat(described).doesNotContain("s3cret").contains("password=***").contains("db:5432/rampart");
    }

    @Test
    void recognisesEverySpellingOfAutoServer() {
        for (String setting : java.util.List.of(";auto_server = TRUE", ";AUTO_SERVER=1", ";Auto_Server=on",
                ";AUTO_SERVER=yes", ";AUTO_SERVER=t", ";AUTO_SERVER=Y", ";AUTO_SERVER=false", ";AUTO_SERVER_PORT=9090",
                "; AUTO_SERVER=TRUE")) {
            assertThat(StoreAddress.of("jdbc:h2:file:/x/y;WRITE_DELAY=0" + setting).autoServerSetting()).as(setting)
                    .isPresent();
        }
        assertThat(StoreAddress.of("jdbc:h2:file:/x/y;WRITE_DELAY=0").autoServerSetting()).isEmpty();
        assertThat(StoreAddress.of("jdbc:postgresql://h/db?ApplicationName=AUTO_SERVER").autoServerSetting()).isEmpty();
    }
}
