package dev.rampart.adapters.nginx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rampart.spi.TrafficSplit;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file Rampart owns inside nginx's {@code http} block: one upstream with the stable and canary servers
 * weighted by the split, and a variable ({@code $rampart_<upstream>}) holding the split and the idempotency key,
 * which a {@code location} can return so Rampart sees what the running workers actually loaded. Weights are in
 * tenths of a percent, reduced; a side with no traffic is marked {@code down} (nginx has no weight 0).
 */
record UpstreamConfig(String upstream, List<String> stable, List<String> canary, String zoneSize) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("# rampart-weights: (\\{.*}) key=(\\S*)");

    String variable() {
        return "rampart_" + upstream.replaceAll("[^A-Za-z0-9_]", "_");
    }

    String render(TrafficSplit split, String key, String header) {
        long canaryShare = Math.round(Math.min(100, Math.max(0, split.newVersionPercent())) * 10);
        long stableShare = 1000 - canaryShare;
        long cw = canaryShare * stable.size();
        long sw = stableShare * canary.size();
        long g = BigInteger.valueOf(Math.max(cw, 1)).gcd(BigInteger.valueOf(Math.max(sw, 1))).longValue();
        String marker = marker(split, key);
        StringBuilder out = new StringBuilder();
        out.append("# ").append(header).append('\n');
        out.append("# Written by Rampart; do not edit: the next traffic change replaces this file.\n");
        out.append("# rampart-weights: ").append(marker).append('\n');
        out.append("upstream ").append(upstream).append(" {\n");
        if (zoneSize != null) {
            out.append("    zone ").append(variable()).append(' ').append(zoneSize).append(";\n");
        }
        for (String s : stable) {
            out.append("    server ").append(s).append(sw == 0 ? " down" : " weight=" + sw / g).append(";\n");
        }
        for (String c : canary) {
            out.append("    server ").append(c).append(cw == 0 ? " down" : " weight=" + cw / g).append(";\n");
        }
        out.append("}\n");
        out.append("map $host $").append(variable()).append(" {\n    default '").append(marker).append("';\n}\n");
        return out.toString();
    }

    /** {@code {"canary":5.0} key=rollout-1-2-apply-canary}: what the file says and what nginx serves back. */
    static String marker(TrafficSplit split, String key) {
        try {
            return JSON.writeValueAsString(split.weights()) + " key=" + (key == null ? "" : key.replaceAll("[\\s';]", "_"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The split recorded in a rendered file or a served marker; null when there is none. */
    static TrafficSplit parse(String text) {
        Matcher m = MARKER.matcher(text.startsWith("{") ? "# rampart-weights: " + text.strip() : text);
        if (!m.find()) {
            return null;
        }
        try {
            Map<String, Double> w = new LinkedHashMap<>();
            JSON.readTree(m.group(1)).fields().forEachRemaining(e -> w.put(e.getKey(), e.getValue().asDouble()));
            return new TrafficSplit(w);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
