package dev.rampart.format;

import dev.rampart.domain.plan.Plan;
import dev.rampart.domain.plan.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanFormatTest {
    private final PlanFormat format = new PlanFormat();

    @ParameterizedTest
    @EnumSource(Format.class)
    void aPlanUsingEveryFieldRoundTripsWithoutLoss(Format fmt) throws Exception {
        Plan plan = PlanFixtures.everyField();

        String text = format.write(plan, fmt);
        Plan back = format.read(text, fmt);

        assertThat(back).isEqualTo(plan);
        assertThat(format.write(back, fmt)).isEqualTo(text);
    }

    @Test
    void theEveryFieldFixtureReallyFillsEveryField() {
        Set<String> filled = new HashSet<>();
        collectFilled(PlanFixtures.everyField(), filled);

        Set<String> all = new HashSet<>();
        collectComponents(Plan.class, all);
        assertThat(filled).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void theCheckoutExampleRoundTripsThroughJsonAndYaml() throws Exception {
        Plan plan = format.read(PlanFixtures.example("checkout-plan.rampart.json"), Format.JSON);

        assertThat(format.read(format.write(plan, Format.YAML), Format.YAML)).isEqualTo(plan);
        assertThat(format.read(format.write(plan, Format.JSON), Format.JSON)).isEqualTo(plan);
        assertThat(plan.stages()).extracting(Stage::name).containsExactly("internal_test", "friendly_gp", "beta", "ga");
    }

    @Test
    void durationsAndTimesAreIsoStrings() {
        String json = format.write(PlanFixtures.everyField(), Format.JSON);

        assertThat(json).contains("\"min_duration\": \"PT30M\"", "\"after\": \"PT45M\"",
                "\"start\": \"2026-12-01T09:00\"", "\"to\": \"2026-12-27T00:00:30\"", "\"time_zone\": \"Africa/Cairo\"");
        assertThat(format.write(PlanFixtures.everyField(), Format.YAML))
                .contains("min_duration: PT30M", "start: 2026-12-01T09:00");
    }

    @Test
    void keysComeInRecordOrder() {
        String json = format.write(PlanFixtures.everyField(), Format.JSON);

        assertThat(json).containsSubsequence("\"schema\"", "\"change_id\"", "\"service\"", "\"version\"",
                "\"previous_version\"", "\"owner\"", "\"description\"", "\"stages\"", "\"name\"",
                "\"traffic_percent\"", "\"user_groups\"", "\"min_duration\"", "\"max_duration\"", "\"entry\"",
                "\"exit\"", "\"halt_rules\"", "\"approvals\"", "\"required_roles\"", "\"four_eyes\"",
                "\"preconditions\"", "\"smoke_tests\"", "\"rollback_steps\"", "\"schedule\"", "\"adapter\"",
                "\"metrics\"", "\"notifications\"", "\"enabled\": true", "\"monitoring\"", "\"max_gap\": \"PT2M\"",
                "\"watch\": \"PT336H\"\n}");
    }

    @Test
    void emptyValuesAreLeftOutButFalseIsKept() {
        Stage ga = Stage.of("ga", 100, null);
        Stage off = new Stage("beta", 25, null, null, null, null, null, null, null, null, false);
        Plan plan = new Plan(Plan.SCHEMA, "C-1", "svc", null, null, null, null, List.of(off, ga), null, null,
                null, null, null, null, null, null, null, null);

        String json = format.write(plan, Format.JSON);

        assertThat(json).doesNotContain("user_groups", "min_duration", "halt_rules", "null", "version");
        assertThat(json).contains("\"enabled\": false");
    }

    @Test
    void mapEntriesAreWrittenInKeyOrderSoTheTextCanBeHashed() {
        String json = format.write(PlanFixtures.everyField(), Format.JSON);

        assertThat(json).containsSubsequence("\"deploy\"", "\"dry\"", "\"timeout_seconds\"", "\"version_label\"");
        assertThat(json).containsSubsequence("\"step\"", "\"url\"");
    }

    @Test
    void readingTextThatIsNoPlanSaysWhereAndWhyWithoutJacksonTypes() {
        assertThatThrownBy(() -> format.read("{\"stages\": [{\"traffic_percent\": \"x\"}]}", Format.JSON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plan:1:33: traffic_percent: expected a number, found the text \"x\"");
        assertThatThrownBy(() -> format.read("stages: [\n", Format.YAML))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("plan:2:1: not valid YAML:");
        assertThatThrownBy(() -> format.read("", Format.JSON))
                .hasMessage("plan:1:1: expected a plan (an object), found nothing");
    }

    @Test
    void formatFollowsTheFileExtension() {
        assertThat(Format.of("plan.json", "a: 1")).isEqualTo(Format.JSON);
        assertThat(Format.of("plan.YAML", "{}")).isEqualTo(Format.YAML);
        assertThat(Format.of("plan.yml", "{}")).isEqualTo(Format.YAML);
        assertThat(Format.of("plan.txt", "  {\"a\": 1}")).isEqualTo(Format.JSON);
        assertThat(Format.of("plan", "a: 1")).isEqualTo(Format.YAML);
        assertThat(Format.named("yaml")).isEqualTo(Format.YAML);
    }

    /** Every "Record.component" of the plan's records that holds a non-empty value somewhere. */
    private static void collectFilled(Object value, Set<String> filled) {
        if (value == null || !value.getClass().isRecord()) {
            if (value instanceof Collection<?> c) {
                c.forEach(v -> collectFilled(v, filled));
            }
            return;
        }
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            boolean empty = v == null || (v instanceof Collection<?> col && col.isEmpty())
                    || (v instanceof Map<?, ?> m && m.isEmpty());
            if (!empty) {
                filled.add(value.getClass().getSimpleName() + "." + c.getName());
                collectFilled(v, filled);
            }
        }
    }

    private static void collectComponents(Class<?> record, Set<String> all) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (all.add(record.getSimpleName() + "." + c.getName())) {
                Class<?> type = c.getType();
                if (c.getGenericType() instanceof ParameterizedType p && type == List.class) {
                    type = (Class<?>) p.getActualTypeArguments()[0];
                }
                if (type.isRecord()) {
                    collectComponents(type, all);
                }
            }
        }
    }
}
