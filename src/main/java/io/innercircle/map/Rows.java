package io.innercircle.map;

import org.neo4j.driver.Value;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;
import java.util.Map;
import java.util.HashMap;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;

/** Maps Neo4j values (nodes or maps with the same property names) to the map's records. */
public final class Rows {

    private Rows() {
    }

    public static Account account(Value v) {
        return new Account(str(v, "key"), str(v, "name"), str(v, "industry"), str(v, "notes"),
                v.get("version").isNull() ? 0 : v.get("version").asLong(), dateTime(v, "archivedAt"),
                str(v, "archivedBy"));
    }

    public static Stakeholder stakeholder(Value v) {
        return stakeholder(v, null);
    }

    static Stakeholder stakeholder(Value v, String reportsToKey) {
        if (v == null || v.isNull()) {
            return null;
        }
        return new Stakeholder(str(v, "account"), str(v, "key"), str(v, "name"), str(v, "title"),
                str(v, "department"), str(v, "adaptability"), integer(v, "rank"), integer(v, "influence"),
                bool(v, "innerCircle"), Boolean.TRUE.equals(bool(v, "external")),
                Boolean.TRUE.equals(bool(v, "placeholder")), str(v, "businessAgenda"), str(v, "personalAgenda"),
                str(v, "notes"), reportsToKey != null ? reportsToKey : str(v, "reportsTo"));
    }

    public static TeamMember teamMember(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return new TeamMember(str(v, "account"), str(v, "key"), str(v, "name"), str(v, "role"));
    }

    public static Competitor competitor(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return new Competitor(str(v, "account"), str(v, "key"), str(v, "name"));
    }

    public static Opportunity opportunity(Value v, String competitorKey) {
        if (v == null || v.isNull()) {
            return null;
        }
        return new Opportunity(str(v, "account"), str(v, "key"), str(v, "name"),
                v.get("amount").isNull() ? null : v.get("amount").asDouble(), str(v, "currency"),
                date(v, "closeDate"), str(v, "stage"), competitorKey, str(v, "strategy"), str(v, "goal"),
                str(v, "objective"), dateTime(v, "archivedAt"), str(v, "archivedBy"));
    }

    public static String str(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asString();
    }

    static Integer integer(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asInt();
    }

    static Boolean bool(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asBoolean();
    }

    public static LocalDate date(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asLocalDate();
    }

    public static OffsetDateTime dateTime(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asZonedDateTime().toOffsetDateTime();
    }

    /** A date-time property as the database gives it, or as the history's JSON keeps it (ISO-8601 text). */
    public static OffsetDateTime dateTime(Object value) {
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        return value == null ? null : java.time.ZonedDateTime.parse(value.toString()).toOffsetDateTime();
    }

    public static List<String> strings(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }

    // ---- helpers of the batch reads (one query for many ids)

    /** A string, or null for a missing or null value. */
    public static String str(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }

    /** Ids as Cypher parameters ({account, key} maps) for an {@code UNWIND $ids AS id}. */
    public static List<Map<String, String>> params(Collection<ItemId> ids) {
        return ids.stream().map(id -> Map.of("account", id.account(), "key", id.key())).toList();
    }

    /** An {account, key} map back to an id. */
    public static ItemId itemId(Value v) {
        return new ItemId(v.get("account").asString(), v.get("key").asString());
    }

    public static <K, T> Map<K, T> index(Collection<T> items, Function<T, K> key) {
        Map<K, T> map = new HashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }

    public static <T> Map<String, List<T>> groupBy(Collection<T> items, Function<T, String> key) {
        Map<String, List<T>> map = new HashMap<>();
        items.forEach(i -> map.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        return map;
    }

    /** (id, item) rows grouped by id, in row order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> Map<ItemId, List<T>> group(Collection<Map.Entry> entries) {
        Map<ItemId, List<T>> map = new HashMap<>();
        for (Map.Entry e : entries) {
            map.computeIfAbsent((ItemId) e.getKey(), k -> new ArrayList<>()).add((T) e.getValue());
        }
        return map;
    }
}
