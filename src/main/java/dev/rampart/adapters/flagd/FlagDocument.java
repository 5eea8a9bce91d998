package dev.rampart.adapters.flagd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.spi.TrafficSplit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenFeature flagd flag-definition document (https://flagd.dev/schema/v0/flags.json) for one rollout:
 * <ul>
 *   <li>{@code system.canary.enabled}: the global kill switch, a boolean flag; off after a rollback;</li>
 *   <li>{@code canary.cohort.<name>.enabled}, one per cohort: a boolean flag with {@code fractional} targeting
 *       that turns it on for the cohort's share of users;</li>
 *   <li>{@code <service>.version}: which version a user gets, {@code fractional} over the new version's share.</li>
 * </ul>
 * Every {@code fractional} buckets by {@code targetingKey} explicitly, so all flags hash a user alike and the
 * cohorts nest (a user in the 5 % cohort is also in the 25 % one). Weights are integers, as the schema demands:
 * basis points, summing to 10,000, so 0.5 % is expressible.
 */
final class FlagDocument {
    static final String SCHEMA = "https://flagd.dev/schema/v0/flags.json";
    static final String KILL_SWITCH = "system.canary.enabled";
    static final int TOTAL = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlagDocument() {
    }

    static String cohortFlag(String cohort) {
        return "canary.cohort." + cohort + ".enabled";
    }

    static String render(String service, String version, String previousVersion, List<String> cohorts,
                         TrafficSplit split, boolean enabled, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode().put("$schema", SCHEMA);
        ObjectNode meta = root.putObject("metadata");
        metadata.forEach(meta::put);
        ObjectNode flags = root.putObject("flags");
        ObjectNode kill = booleanFlag(flags.putObject(KILL_SWITCH), enabled ? "on" : "off");
        kill.putObject("metadata").put("rampart", "global kill switch");
        for (String cohort : cohorts) {
            ObjectNode f = booleanFlag(flags.putObject(cohortFlag(cohort)), "off");
            double w = enabled ? split.weight(cohort) : 0;
            f.set("targeting", fractional("on", "off", w));
            f.putObject("metadata").put("percent", w);
        }
        ObjectNode v = flags.putObject(service + ".version").put("state", "ENABLED");
        v.putObject("variants").put("new", version).put("previous", previousVersion);
        v.put("defaultVariant", "previous");
        v.set("targeting", fractional("new", "previous", enabled ? split.newVersionPercent() : 0));
        return root.toPrettyString() + "\n";
    }

    private static ObjectNode booleanFlag(ObjectNode f, String defaultVariant) {
        f.put("state", "ENABLED");
        f.putObject("variants").put("on", true).put("off", false);
        f.put("defaultVariant", defaultVariant);
        return f;
    }

    /** {@code {"fractional": [{"var": "targetingKey"}, ["on", 500], ["off", 9500]]}} */
    private static ObjectNode fractional(String yes, String no, double percent) {
        int on = (int) Math.round(Math.max(0, Math.min(100, percent)) * TOTAL / 100);
        ObjectNode t = JSON.createObjectNode();
        ArrayNode args = t.putArray("fractional");
        args.addObject().put("var", "targetingKey");
        args.addArray().add(yes).add(on);
        args.addArray().add(no).add(TOTAL - on);
        return t;
    }

    /** The split a document routes: each cohort flag's share; none when the kill switch is off. */
    static TrafficSplit read(JsonNode doc) {
        JsonNode flags = doc.path("flags");
        if ("off".equals(flags.path(KILL_SWITCH).path("defaultVariant").asText())) {
            return TrafficSplit.none();
        }
        Map<String, Double> w = new LinkedHashMap<>();
        flags.fields().forEachRemaining(e -> {
            String key = e.getKey();
            if (key.startsWith("canary.cohort.") && key.endsWith(".enabled")) {
                JsonNode on = e.getValue().path("targeting").path("fractional").path(1).path(1);
                double p = on.asDouble() * 100 / TOTAL;
                if (p > 0) {
                    w.put(key.substring("canary.cohort.".length(), key.length() - ".enabled".length()), p);
                }
            }
        });
        if (w.isEmpty()) {
            double everyone = flags.path(service(flags)).path("targeting").path("fractional").path(1).path(1).asDouble()
                    * 100 / TOTAL;
            if (everyone > 0) {
                w.put(TrafficSplit.EVERYONE, everyone);
            }
        }
        return new TrafficSplit(w);
    }

    private static String service(JsonNode flags) {
        var it = flags.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (name.endsWith(".version")) {
                return name;
            }
        }
        return "";
    }
}
