package io.innercircle.history.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Facts as JSON text, the form they are stored in: property names sorted (so equal facts have equal text and
 * hash), dates tagged so that a replayed map gets dates back, not strings.
 */
final class FactCodec {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String DATE = "$date";
    private static final String TIME = "$time";

    private FactCodec() {
    }

    static String write(Fact fact) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", fact.id());
        m.put("type", fact.type());
        m.put("key", fact.key());
        m.put("from", fact.from());
        m.put("to", fact.to());
        m.put("props", encode(fact.props()));
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A fact could not be written as JSON", e);
        }
    }

    static Fact read(String text) {
        try {
            Map<String, Object> m = JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) m.get("props");
            return new Fact((String) m.get("id"), (String) m.get("type"), (String) m.get("key"),
                    (String) m.get("from"), (String) m.get("to"), decode(props));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored fact is not valid JSON", e);
        }
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> encode(Map<String, Object> props) {
        Map<String, Object> out = new TreeMap<>();
        props.forEach((k, v) -> out.put(k, encodeValue(v)));
        return out;
    }

    private static Object encodeValue(Object v) {
        if (v instanceof LocalDate d) {
            return Map.of(DATE, d.toString());
        }
        if (v instanceof TemporalAccessor t) {
            return Map.of(TIME, t.toString());
        }
        if (v instanceof List<?> list) {
            return list.stream().map(FactCodec::encodeValue).toList();
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        return v;
    }

    private static Map<String, Object> decode(Map<String, Object> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (props != null) {
            props.forEach((k, v) -> out.put(k, decodeValue(v)));
        }
        return out;
    }

    private static Object decodeValue(Object v) {
        if (v instanceof Map<?, ?> m && m.containsKey(DATE)) {
            return LocalDate.parse((String) m.get(DATE));
        }
        if (v instanceof Map<?, ?> m && m.containsKey(TIME)) {
            return m.get(TIME);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(x -> out.add(decodeValue(x)));
            return out;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        return v;
    }
}
