package io.innercircle.bundle.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.List;
import java.util.Map;

/**
 * A map bundle v1 (see {@code docs/bundles.md} and the JSON Schema in {@code bundle/map-bundle-v1.schema.json}).
 * Only built from JSON that has passed {@link BundleValidator}, so the records do not re-check anything.
 * Absent optional fields are null and are left out when written; optional arrays are null rather than empty
 * so that an export never carries {@code "team": []} for an account without a team. Dates are kept as the
 * ISO-8601 text of the bundle, and amounts as whatever number the JSON held, so nothing is reformatted on the
 * way through.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "account", "team", "competitors", "stakeholders", "influences", "conflicts",
        "contacts", "opportunities"})
public record Bundle(String format, Account account, List<TeamMember> team, List<Competitor> competitors,
                     List<Stakeholder> stakeholders, List<Influence> influences, List<Conflict> conflicts,
                     List<Contact> contacts, List<Opportunity> opportunities) {

    public static final String FORMAT = "political-map-bundle/v1";

    /** For converting a bundle to a plain, ordered map (what the GraphQL JSON scalar carries). */
    public static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {
    };

    /** What the schema says an influence line without {@code strength} means. */
    public static final int DEFAULT_STRENGTH = 2;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"key", "name", "industry", "notes"})
    public record Account(String key, String name, String industry, String notes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"key", "name", "role"})
    public record TeamMember(String key, String name, String role) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"key", "name"})
    public record Competitor(String key, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"key", "name", "title", "department", "reportsTo", "adaptability", "rank", "influence",
            "innerCircle", "external", "placeholder", "businessAgenda", "personalAgenda", "notes"})
    public record Stakeholder(String key, String name, String title, String department, String reportsTo,
                              String adaptability, Integer rank, Integer influence, Boolean innerCircle,
                              Boolean external, Boolean placeholder, String businessAgenda, String personalAgenda,
                              String notes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"from", "to", "strength", "note"})
    public record Influence(String from, String to, Integer strength, String note) {

        /** The strength the line really has: the schema's default when the bundle leaves it out. */
        public int effectiveStrength() {
            return strength == null ? DEFAULT_STRENGTH : strength;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"between", "note"})
    public record Conflict(List<String> between, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"teamMember", "stakeholder", "coverage", "lastContact", "relationship"})
    public record Contact(String teamMember, String stakeholder, String coverage, String lastContact,
                          String relationship) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"key", "name", "amount", "currency", "closeDate", "stage", "competitor", "roles", "status",
            "assessment", "strategy", "goal", "objective", "tactics", "relationshipPlans", "positions"})
    public record Opportunity(String key, String name, Number amount, String currency, String closeDate,
                              String stage, String competitor, List<Roles> roles, List<Status> status,
                              List<Rating> assessment, String strategy, String goal, String objective,
                              List<Tactic> tactics, List<RelationshipPlan> relationshipPlans,
                              List<Position> positions) {

        /** An opportunity without relationship plans (bundles written before they were in the format). */
        public Opportunity(String key, String name, Number amount, String currency, String closeDate,
                           String stage, String competitor, List<Roles> roles, List<Status> status,
                           List<Rating> assessment, String strategy, String goal, String objective,
                           List<Tactic> tactics, List<Position> positions) {
            this(key, name, amount, currency, closeDate, stage, competitor, roles, status, assessment, strategy,
                    goal, objective, tactics, null, positions);
        }

        /** An opportunity without saved box positions (bundles written before they existed). */
        public Opportunity(String key, String name, Number amount, String currency, String closeDate,
                           String stage, String competitor, List<Roles> roles, List<Status> status,
                           List<Rating> assessment, String strategy, String goal, String objective,
                           List<Tactic> tactics) {
            this(key, name, amount, currency, closeDate, stage, competitor, roles, status, assessment, strategy,
                    goal, objective, tactics, null, null);
        }
    }

    /** Where the rep put a person's box on this opportunity's map (optional; see saveMapPositions). */
    @JsonPropertyOrder({"stakeholder", "x", "y"})
    public record Position(String stakeholder, double x, double y) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"stakeholder", "roles"})
    public record Roles(String stakeholder, List<String> roles) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"stakeholder", "status"})
    public record Status(String stakeholder, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"criterion", "us", "competitor", "note"})
    public record Rating(Integer criterion, String us, String competitor, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"prime", "what", "owner", "due", "resources", "cost", "done", "targets"})
    public record Tactic(String prime, String what, String owner, String due, String resources, Number cost,
                         Boolean done, List<String> targets) {

        /** A tactic aimed at nobody in particular (bundles written before targets were in the format). */
        public Tactic(String prime, String what, String owner, String due, String resources, Number cost,
                      Boolean done) {
            this(prime, what, owner, due, resources, cost, done, null);
        }
    }

    /** The relationship strategy recorded for one person in this opportunity (optional; see setRelationshipPlan). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"stakeholder", "strategy", "owner", "nextStep", "due", "outcome"})
    public record RelationshipPlan(String stakeholder, String strategy, String owner, String nextStep, String due,
                                   String outcome) {
    }

    /** How many of each thing a bundle holds; also what an import reports back. */
    @JsonPropertyOrder({"team", "competitors", "stakeholders", "reportingLines", "influences", "conflicts",
            "contacts", "opportunities", "roles", "statuses", "ratings", "tactics"})
    public record Counts(int team, int competitors, int stakeholders, int reportingLines, int influences,
                         int conflicts, int contacts, int opportunities, int roles, int statuses, int ratings,
                         int tactics) {
    }

    public Counts counts() {
        List<Opportunity> opps = list(opportunities);
        return new Counts(list(team).size(), list(competitors).size(), list(stakeholders).size(),
                (int) list(stakeholders).stream().filter(s -> s.reportsTo() != null).count(),
                list(influences).size(), list(conflicts).size(), list(contacts).size(), opps.size(),
                opps.stream().mapToInt(o -> list(o.roles()).size()).sum(),
                opps.stream().mapToInt(o -> list(o.status()).size()).sum(),
                opps.stream().mapToInt(o -> list(o.assessment()).size()).sum(),
                opps.stream().mapToInt(o -> list(o.tactics()).size()).sum());
    }

    /** Optional arrays are null when absent; this saves every caller the null check. */
    static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
