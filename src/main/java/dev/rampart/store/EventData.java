package dev.rampart.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** An event's data column: a flat JSON object of strings, written canonically and read back strictly. */
final class EventData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventData() {
    }

    static String write(Map<String, String> data) {
        return CanonicalJson.object(data);
    }

    /** @throws IllegalArgumentException when the text is not a JSON object whose values are all strings */
    static Map<String, String> read(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("its data is not valid JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("its data is not a JSON object");
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException("its data value '" + field.getKey() + "' is not a string");
            }
            data.put(field.getKey(), field.getValue().textValue());
        }
        return data;
    }
}
