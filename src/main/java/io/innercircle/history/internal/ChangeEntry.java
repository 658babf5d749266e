package io.innercircle.history.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of a change set as stored: the fact id and the fact's JSON before and after (null: absent). */
record ChangeEntry(String id, Fact before, Fact after) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String write(String id, String beforeJson, String afterJson) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("before", beforeJson);
        m.put("after", afterJson);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ChangeEntry read(String text) {
        try {
            Map<String, String> m = JSON.readValue(text, new TypeReference<Map<String, String>>() { });
            return new ChangeEntry(m.get("id"), m.get("before") == null ? null : FactCodec.read(m.get("before")),
                    m.get("after") == null ? null : FactCodec.read(m.get("after")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored change is not valid JSON", e);
        }
    }
}
