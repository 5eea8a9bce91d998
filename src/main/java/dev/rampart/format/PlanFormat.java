package dev.rampart.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rampart.domain.plan.Plan;

import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;

/**
 * Rampart's own plan format ({@code rampart/plan/v1}) in JSON and YAML: snake_case keys in record order,
 * ISO-8601 durations ({@code PT1H}) and local date-times ({@code 2026-12-01T09:00}), empty values left out.
 * Unknown keys are ignored here; {@link PlanImporter} reports them with their line and column.
 */
public final class PlanFormat {
    private final ObjectMapper json;
    private final ObjectMapper yaml;

    public PlanFormat() {
        json = configure(JsonMapper.builder()).defaultPrettyPrinter(prettyPrinter()).build();
        LoaderOptions loader = new LoaderOptions();
        // SnakeYAML stops at 3 MB by default; SourceText already bounds every file at 4 MiB
        loader.setCodePointLimit(SourceText.MAX_BYTES + 1);
        YAMLFactory yamlFactory = YAMLFactory.builder()
                .loaderOptions(loader)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        yaml = configure(YAMLMapper.builder(yamlFactory)).build();
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        SimpleModule minutes = new SimpleModule("rampart-times")
                .addSerializer(LocalDateTime.class, new ShortLocalDateTimeSerializer());
        return builder
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(minutes)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                // plans are hashed as text: map entries (adapter settings, queries) must not come out in random order
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // a file holds one document: JSON followed by more JSON is a mistake, not a plan
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 1.5 approvals are not 1, and 0 is not "false"
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // leave out absent and empty values, but keep every entry of a map (adapter settings) as it is
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                        JsonInclude.Include.ALWAYS))
                // "25" where a number belongs is a mistake to report, not to guess at
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /** Two-space indents, {@code "key": value}, one array element per line, \n line ends on every platform. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    /**
     * The plan in {@code text}, as it is: no defaults, no validation, unknown keys ignored. For text Rampart wrote
     * itself (the store's canonical JSON, an export); files from people go through {@link PlanImporter}.
     *
     * @throws IllegalArgumentException when the text is not a plan, with the line, column and reason
     */
    public Plan read(String text, Format format) {
        SourceProblems problems = new SourceProblems("plan", LocationIndex.of(text, mapper(format)));
        JsonNode tree = null;
        try {
            tree = readTree(text, format);
            if (tree != null && tree.isObject()) {
                return toPlan(tree);
            }
            problems.atValue("", "expected a plan (an object), found " + ReadErrors.describe(tree));
        } catch (DatabindException e) {
            ReadErrors.binding(e, tree, problems);
        } catch (JsonProcessingException e) {
            ReadErrors.syntax(e, format, problems);
        }
        throw new IllegalArgumentException(problems.list().get(0).toString());
    }

    public String write(Plan plan, Format format) {
        try {
            String text = mapper(format).writeValueAsString(plan);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a plan always serialises", e);
        }
    }

    /** The text as a tree, or null when it is empty. Duplicate keys are a parse error. */
    JsonNode readTree(String text, Format format) throws JsonProcessingException {
        JsonNode node = mapper(format).readTree(text);
        return node == null || node.isMissingNode() ? null : node;
    }

    Plan toPlan(JsonNode tree) throws JsonProcessingException {
        return json.treeToValue(tree, Plan.class);
    }

    ObjectMapper mapper(Format format) {
        return format == Format.YAML ? yaml : json;
    }

    /** {@code 2026-12-01T09:00}: seconds only when they are not zero (LocalDateTime.toString). */
    private static final class ShortLocalDateTimeSerializer extends StdSerializer<LocalDateTime> {
        ShortLocalDateTimeSerializer() {
            super(LocalDateTime.class);
        }

        @Override
        public void serialize(LocalDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }
}
