package io.innercircle.scenario.internal;

import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Coverage;
import io.innercircle.vocabulary.Status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One hypothetical change of a scenario, keys within the scenario's account. Stored as one ScenarioChange node of
 * flat properties ({@link #properties()}, {@link #of(Map)}); {@code kind} says which record it is.
 */
sealed interface Change {

    enum Kind { SET_INVOLVEMENT, SET_COVERAGE, ADD_INFLUENCE, REMOVE_INFLUENCE, PERSON_LEAVES, PERSON_JOINS, SET_REPORTS_TO }

    Kind kind();

    /** Roles and status in the scenario's opportunity; a null roles or status keeps what the map has. */
    record SetInvolvement(String stakeholder, List<BuyingRole> roles, Status status) implements Change {
        public Kind kind() {
            return Kind.SET_INVOLVEMENT;
        }
    }

    /** A team member's coverage of a person; date and relationship level are kept. */
    record SetCoverage(String teamMember, String stakeholder, Coverage coverage) implements Change {
        public Kind kind() {
            return Kind.SET_COVERAGE;
        }
    }

    /** A new influence line, or a new strength for an existing one (null: keep, 2 for a new line). */
    record AddInfluence(String from, String to, Integer strength) implements Change {
        public Kind kind() {
            return Kind.ADD_INFLUENCE;
        }
    }

    record RemoveInfluence(String from, String to) implements Change {
        public Kind kind() {
            return Kind.REMOVE_INFLUENCE;
        }
    }

    /** The person leaves the account: they and every line, contact and involvement of theirs go. */
    record PersonLeaves(String stakeholder) implements Change {
        public Kind kind() {
            return Kind.PERSON_LEAVES;
        }
    }

    /** A new person, optionally with a manager and roles or a status in the scenario's opportunity. */
    record PersonJoins(String key, String name, String title, String department, Integer rank, String reportsTo,
                       List<BuyingRole> roles, Status status) implements Change {
        public Kind kind() {
            return Kind.PERSON_JOINS;
        }
    }

    /** A new reporting line (manager null: reports to nobody). */
    record SetReportsTo(String stakeholder, String manager) implements Change {
        public Kind kind() {
            return Kind.SET_REPORTS_TO;
        }
    }

    /** The keys of the people the change is about. */
    default List<String> people() {
        if (this instanceof SetInvolvement c) {
            return List.of(c.stakeholder());
        } else if (this instanceof SetCoverage c) {
            return List.of(c.stakeholder());
        } else if (this instanceof AddInfluence c) {
            return List.of(c.from(), c.to());
        } else if (this instanceof RemoveInfluence c) {
            return List.of(c.from(), c.to());
        } else if (this instanceof PersonLeaves c) {
            return List.of(c.stakeholder());
        } else if (this instanceof PersonJoins c) {
            return c.reportsTo() == null ? List.of(c.key()) : List.of(c.key(), c.reportsTo());
        }
        SetReportsTo c = (SetReportsTo) this;
        return c.manager() == null ? List.of(c.stakeholder()) : List.of(c.stakeholder(), c.manager());
    }

    /** In words, with people's names: "Sam Ortiz: status NEUTRAL". */
    default String describe(java.util.function.Function<String, String> name) {
        if (this instanceof SetInvolvement c) {
            List<String> parts = new ArrayList<>();
            if (c.roles() != null) {
                parts.add("roles " + (c.roles().isEmpty() ? "none" : String.join(", ",
                        c.roles().stream().map(Enum::name).toList())));
            }
            if (c.status() != null) {
                parts.add("status " + c.status().name());
            }
            return name.apply(c.stakeholder()) + ": " + (parts.isEmpty() ? "unchanged" : String.join(", ", parts));
        } else if (this instanceof SetCoverage c) {
            return name.apply(c.stakeholder()) + ": coverage by " + c.teamMember() + " " + c.coverage().name();
        } else if (this instanceof AddInfluence c) {
            return name.apply(c.from()) + " influences " + name.apply(c.to())
                    + (c.strength() == null ? "" : " (strength " + c.strength() + ")");
        } else if (this instanceof RemoveInfluence c) {
            return name.apply(c.from()) + " no longer influences " + name.apply(c.to());
        } else if (this instanceof PersonLeaves c) {
            return name.apply(c.stakeholder()) + " leaves";
        } else if (this instanceof PersonJoins c) {
            return c.name() + " joins" + (c.title() == null ? "" : " as " + c.title())
                    + (c.reportsTo() == null ? "" : ", reporting to " + name.apply(c.reportsTo()))
                    + (c.status() == null ? "" : ", status " + c.status().name());
        }
        SetReportsTo c = (SetReportsTo) this;
        return name.apply(c.stakeholder()) + (c.manager() == null ? " reports to nobody"
                : " reports to " + name.apply(c.manager()));
    }

    /** The stored form: flat properties, nulls left out. */
    default Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("kind", kind().name());
        if (this instanceof SetInvolvement c) {
            p.put("stakeholder", c.stakeholder());
            put(p, "roles", c.roles() == null ? null : c.roles().stream().map(Enum::name).toList());
            put(p, "status", c.status() == null ? null : c.status().name());
        } else if (this instanceof SetCoverage c) {
            p.put("teamMember", c.teamMember());
            p.put("stakeholder", c.stakeholder());
            p.put("coverage", c.coverage().name());
        } else if (this instanceof AddInfluence c) {
            p.put("from", c.from());
            p.put("to", c.to());
            put(p, "strength", c.strength());
        } else if (this instanceof RemoveInfluence c) {
            p.put("from", c.from());
            p.put("to", c.to());
        } else if (this instanceof PersonLeaves c) {
            p.put("stakeholder", c.stakeholder());
        } else if (this instanceof PersonJoins c) {
            p.put("stakeholder", c.key());
            p.put("name", c.name());
            put(p, "title", c.title());
            put(p, "department", c.department());
            put(p, "rank", c.rank());
            put(p, "manager", c.reportsTo());
            put(p, "roles", c.roles() == null ? null : c.roles().stream().map(Enum::name).toList());
            put(p, "status", c.status() == null ? null : c.status().name());
        } else if (this instanceof SetReportsTo c) {
            p.put("stakeholder", c.stakeholder());
            put(p, "manager", c.manager());
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    static Change of(Map<String, Object> p) {
        String stakeholder = (String) p.get("stakeholder");
        List<BuyingRole> roles = p.get("roles") == null ? null
                : new ArrayList<>(((List<String>) p.get("roles")).stream().map(BuyingRole::valueOf).toList());
        Status status = p.get("status") == null ? null : Status.valueOf((String) p.get("status"));
        Integer strength = p.get("strength") == null ? null : ((Number) p.get("strength")).intValue();
        Integer rank = p.get("rank") == null ? null : ((Number) p.get("rank")).intValue();
        return switch (Kind.valueOf((String) p.get("kind"))) {
            case SET_INVOLVEMENT -> new SetInvolvement(stakeholder, roles, status);
            case SET_COVERAGE -> new SetCoverage((String) p.get("teamMember"), stakeholder,
                    Coverage.valueOf((String) p.get("coverage")));
            case ADD_INFLUENCE -> new AddInfluence((String) p.get("from"), (String) p.get("to"), strength);
            case REMOVE_INFLUENCE -> new RemoveInfluence((String) p.get("from"), (String) p.get("to"));
            case PERSON_LEAVES -> new PersonLeaves(stakeholder);
            case PERSON_JOINS -> new PersonJoins(stakeholder, (String) p.get("name"), (String) p.get("title"),
                    (String) p.get("department"), rank, (String) p.get("manager"), roles, status);
            case SET_REPORTS_TO -> new SetReportsTo(stakeholder, (String) p.get("manager"));
        };
    }

    private static void put(Map<String, Object> p, String key, Object value) {
        if (value != null) {
            p.put(key, value);
        }
    }
}
