package io.innercircle.map;

import org.neo4j.driver.Value;

import java.time.LocalDate;
import java.util.List;

/** Maps Neo4j values (nodes or maps with the same property names) to the map's records. */
public final class Rows {

    private Rows() {
    }

    static Account account(Value v) {
        return new Account(str(v, "key"), str(v, "name"), str(v, "industry"), str(v, "notes"),
                v.get("version").isNull() ? 0 : v.get("version").asLong());
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

    static TeamMember teamMember(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return new TeamMember(str(v, "account"), str(v, "key"), str(v, "name"), str(v, "role"));
    }

    static Competitor competitor(Value v) {
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
                str(v, "objective"));
    }

    static String str(Value v, String key) {
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

    static LocalDate date(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asLocalDate();
    }

    static List<String> strings(Value v) {
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }
}
