package io.innercircle.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neo4j property values to JSON and back, without losing their type: strings, booleans, integers and floats are
 * plain JSON (a float always keeps its decimal point), every other type is a one-key object such as
 * {@code {"$date": "2026-11-20"}} or {@code {"$datetime": "2026-11-27T10:15:00Z[UTC]"}}.
 */
final class BackupValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern DURATION = Pattern.compile("P(-?\\d+)M(-?\\d+)DT(-?\\d+(?:\\.\\d+)?)S");

    private BackupValues() {
    }

    static ObjectNode properties(Map<String, Value> properties) {
        ObjectNode node = JSON.objectNode();
        // Sorted, so two backups of the same data are the same bytes.
        properties.keySet().stream().sorted().forEach(key -> node.set(key, toJson(properties.get(key))));
        return node;
    }

    static JsonNode toJson(Value value) {
        // The driver names list types by their elements ("LIST OF ANY?"): one family here.
        String type = value.type().name().startsWith("LIST") ? "LIST" : value.type().name();
        return switch (type) {
            case "NULL" -> JSON.nullNode();
            case "STRING" -> JSON.textNode(value.asString());
            case "BOOLEAN" -> JSON.booleanNode(value.asBoolean());
            case "INTEGER" -> JSON.numberNode(value.asLong());
            case "FLOAT" -> JSON.numberNode(value.asDouble());
            case "LIST" -> {
                ArrayNode list = JSON.arrayNode();
                value.values().forEach(v -> list.add(toJson(v)));
                yield list;
            }
            case "DATE" -> tagged("$date", value.asLocalDate().toString());
            case "DATE_TIME" -> tagged("$datetime", value.asZonedDateTime().toString());
            case "LOCAL_DATE_TIME" -> tagged("$localdatetime", value.asLocalDateTime().toString());
            case "TIME" -> tagged("$time", value.asOffsetTime().toString());
            case "LOCAL_TIME" -> tagged("$localtime", value.asLocalTime().toString());
            case "DURATION" -> tagged("$duration", value.asIsoDuration().toString());
            case "BYTES" -> tagged("$bytes", Base64.getEncoder().encodeToString(value.asByteArray()));
            case "POINT" -> {
                Point p = value.asPoint();
                ObjectNode point = JSON.objectNode().put("srid", p.srid()).put("x", p.x()).put("y", p.y());
                if (!Double.isNaN(p.z())) {
                    point.put("z", p.z());
                }
                ObjectNode tagged = JSON.objectNode();
                tagged.set("$point", point);
                yield tagged;
            }
            default -> throw new IllegalStateException("A property of type " + value.type().name()
                    + " cannot be backed up");
        };
    }

    private static ObjectNode tagged(String tag, String text) {
        return JSON.objectNode().put(tag, text);
    }

    /** The property map of a backup line, as driver parameters. */
    static Map<String, Object> fromJson(JsonNode properties, String where) {
        if (properties == null || properties.isNull()) {
            return Map.of();
        }
        if (!properties.isObject()) {
            throw new BackupFormatException(where + ": 'properties' must be an object");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), value(e.getValue(), where + ", property '" + e.getKey() + "'"));
        }
        return map;
    }

    private static Object value(JsonNode json, String where) {
        if (json.isTextual()) {
            return json.asText();
        }
        if (json.isBoolean()) {
            return json.asBoolean();
        }
        if (json.isIntegralNumber()) {
            return json.asLong();
        }
        if (json.isNumber()) {
            return json.asDouble();
        }
        if (json.isArray()) {
            List<Object> list = new ArrayList<>();
            json.forEach(item -> list.add(value(item, where)));
            return list;
        }
        if (json.isObject() && json.size() == 1) {
            String tag = json.fieldNames().next();
            JsonNode inner = json.get(tag);
            try {
                return switch (tag) {
                    case "$date" -> LocalDate.parse(inner.asText());
                    case "$datetime" -> ZonedDateTime.parse(inner.asText());
                    case "$localdatetime" -> LocalDateTime.parse(inner.asText());
                    case "$time" -> OffsetTime.parse(inner.asText());
                    case "$localtime" -> LocalTime.parse(inner.asText());
                    case "$duration" -> duration(inner.asText());
                    case "$bytes" -> Base64.getDecoder().decode(inner.asText());
                    case "$point" -> inner.has("z")
                            ? org.neo4j.driver.Values.point(inner.get("srid").asInt(), inner.get("x").asDouble(),
                                    inner.get("y").asDouble(), inner.get("z").asDouble()).asPoint()
                            : org.neo4j.driver.Values.point(inner.get("srid").asInt(), inner.get("x").asDouble(),
                                    inner.get("y").asDouble()).asPoint();
                    default -> throw new BackupFormatException(where + ": unknown value type '" + tag + "'");
                };
            } catch (RuntimeException e) {
                if (e instanceof BackupFormatException b) {
                    throw b;
                }
                throw new BackupFormatException(where + ": '" + inner.asText() + "' is not a valid " + tag.substring(1));
            }
        }
        throw new BackupFormatException(where + ": not a property value");
    }

    /** ISO-8601 durations as the driver prints them: P{months}M{days}DT{seconds}S. */
    private static IsoDuration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        java.math.BigDecimal seconds = new java.math.BigDecimal(m.group(3));
        long whole = seconds.longValue();
        int nanos = seconds.subtract(java.math.BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        return org.neo4j.driver.Values.isoDuration(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), whole, nanos)
                .asIsoDuration();
    }
}
