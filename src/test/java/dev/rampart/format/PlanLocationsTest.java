package dev.rampart.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The location index: JSON pointers of a text to the line and column where their values and keys start. */
class PlanLocationsTest {
    private final PlanFormat format = new PlanFormat();

    private LocationIndex index(String text, Format fmt) {
        return LocationIndex.of(text, format.mapper(fmt));
    }

    private static LocationIndex.Position at(int line, int column) {
        return new LocationIndex.Position(line, column);
    }

    @Test
    void jsonValuesKeysAndNestedArrays() {
        String text = """
                {"stages": [
                   {"name": "a", "exit": ["x < 1", "y < 2"]},
                   {"name": "b/c"}],
                 "a/b": {"~": true}}
                """;
        LocationIndex index = index(text, Format.JSON);

        assertThat(index.value("")).isEqualTo(at(1, 1));
        assertThat(index.value("/stages")).isEqualTo(at(1, 12));
        assertThat(index.key("/stages")).isEqualTo(at(1, 2));
        assertThat(index.value("/stages/0")).isEqualTo(at(2, 4));
        assertThat(index.value("/stages/0/name")).isEqualTo(at(2, 13));
        assertThat(index.value("/stages/0/exit/1")).isEqualTo(at(2, 36));
        assertThat(index.value("/stages/1/name")).isEqualTo(at(3, 13));
        assertThat(index.key("/a~1b")).isEqualTo(at(4, 2));
        assertThat(index.value("/a~1b/~0")).isEqualTo(at(4, 15));
    }

    @Test
    void anAbsentPointerFallsBackToTheNearestValueTheTextHas() {
        LocationIndex index = index("{\"stages\": [\n  {\"name\": \"a\"}]}", Format.JSON);

        assertThat(index.value("/stages/0/traffic_percent")).isEqualTo(at(2, 3));
        assertThat(index.key("/stages/0/traffic_percent")).isEqualTo(at(2, 3));
        assertThat(index.value("/schedule/time_zone")).isEqualTo(at(1, 1));
    }

    @Test
    void yamlBlockAndFlowStyles() {
        String text = """
                stages:
                  - name: a
                    exit:
                      - x < 1
                  - {name: b, exit: ['y < 2']}
                """;
        LocationIndex index = index(text, Format.YAML);

        assertThat(index.key("/stages")).isEqualTo(at(1, 1));
        assertThat(index.value("/stages/0/name")).isEqualTo(at(2, 11));
        assertThat(index.value("/stages/0/exit/0")).isEqualTo(at(4, 9));
        assertThat(index.value("/stages/1/name")).isEqualTo(at(5, 12));
        assertThat(index.value("/stages/1/exit/0")).isEqualTo(at(5, 22));
    }

    @Test
    void aColumnInsideAStringCountsFromPastItsQuote() {
        LocationIndex json = index("{\"r\": [\"abc\"]}", Format.JSON);
        LocationIndex plain = index("r:\n  - abc\n", Format.YAML);
        LocationIndex quoted = index("r:\n  - 'abc'\n", Format.YAML);

        assertThat(json.inString("/r/0", 3)).isEqualTo(at(1, 11));
        assertThat(plain.inString("/r/0", 3)).isEqualTo(at(2, 7));
        assertThat(quoted.inString("/r/0", 3)).isEqualTo(at(2, 8));
        assertThat(json.inString("/r/0", 0)).isEqualTo(at(1, 8));
    }

    @Test
    void aRepeatedKeyIsFound() {
        LocationIndex index = index("{\"a\": 1,\n \"b\": 2, \"a\": 3}", Format.JSON);

        assertThat(index.firstRepeatedKey()).isEqualTo(at(2, 10));
        assertThat(index.value("/a")).isEqualTo(at(1, 7));
    }
}
