package dev.rampart.witness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;

/** Checkpoints as JSON objects. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Map<String, Object> fields) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(fields) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a checkpoint", e);
        }
    }

    static Map<String, Object> read(String text) throws IOException {
        return MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
    }
}
