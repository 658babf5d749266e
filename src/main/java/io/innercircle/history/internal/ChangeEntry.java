package io.innercircle.history.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** One entry of a change set as stored: the fact id and the fact's JSON before and after (null: absent). */
record ChangeEntry(String id, Fact before, Fact after) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * {@code {"id":…,"before":…,"after":…}}, each fact's JSON as a string (null when absent). Written field by field
     * on Jackson's generator, the same text the mapper writes for that map: an import writes tens of thousands.
     */
    static String write(String id, String beforeJson, String afterJson) {
        StringWriter text = new StringWriter(32 + id.length() + length(beforeJson) * 9 / 8 + length(afterJson) * 9 / 8);
        try (JsonGenerator out = JSON.getFactory().createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("id", id);
            out.writeStringField("before", beforeJson);
            out.writeStringField("after", afterJson);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static int length(String text) {
        return text == null ? 4 : text.length();
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
