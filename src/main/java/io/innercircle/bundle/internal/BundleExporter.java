package io.innercircle.bundle.internal;

import io.innercircle.map.Account;
import io.innercircle.map.AccountModel;
import io.innercircle.map.AccountModelReader;
import io.innercircle.map.FocusedMaps;
import io.innercircle.map.ItemId;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one account's map back out as a bundle: the map from the one read model ({@link AccountModelReader}),
 * the assessment ratings and the plan's tactics with their own queries.
 *
 * <p>The order is fixed so that the same graph always gives the same bytes (export, import, export again is
 * byte-identical): team, competitors, stakeholders and opportunities by key; influence lines by from then to;
 * conflicts by their first then second key, each pair written smaller key first; contacts by team member then
 * stakeholder; inside an opportunity roles and status by stakeholder, assessment by criterion, tactics in
 * plan order (position). A person's list of buying roles keeps its stored order. Keys compare as Java strings
 * (UTF-16 code units), which is plain ASCII order for valid keys.
 *
 * <p>Absent optional fields are left out, never written as null; empty optional arrays are left out too.
 * Amounts and costs that are whole numbers are written without a fraction (3000000, not 3000000.0).
 * Properties the bundle format does not know are not exported.
 *
 * <p>The queries return whole property maps ({@code .*}, {@code properties(r)}) rather than naming optional
 * properties: naming one that no node in the database has yet makes Neo4j send an "unknown property" warning
 * that the driver logs on every export.
 */
@Service
public class BundleExporter {

    private final Neo4jClient neo4j;

    private final AccountModelReader models;

    private final FocusedMaps layouts;

    public BundleExporter(Neo4jClient neo4j, AccountModelReader models, FocusedMaps layouts) {
        this.neo4j = neo4j;
        this.models = models;
        this.layouts = layouts;
    }

    /** The account's map as a bundle, or empty when there is no account with that key. */
    @Transactional(readOnly = true)
    public Optional<Bundle> export(String accountKey) {
        Optional<AccountModel> read = models.read(accountKey);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        AccountModel model = read.get();
        Account a = model.account();

        List<Bundle.TeamMember> team = model.team().stream()
                .map(t -> new Bundle.TeamMember(t.key(), t.name(), t.role()))
                .sorted(Comparator.comparing(Bundle.TeamMember::key))
                .toList();

        List<Bundle.Competitor> competitors = model.competitors().stream()
                .map(c -> new Bundle.Competitor(c.key(), c.name()))
                .sorted(Comparator.comparing(Bundle.Competitor::key))
                .toList();

        List<Bundle.Stakeholder> stakeholders = model.people().stream()
                .map(s -> new Bundle.Stakeholder(s.key(), s.name(), s.title(), s.department(), s.reportsTo(),
                        name(s.adaptability()), s.rank(), s.influence(), s.innerCircle(), s.external(),
                        s.placeholder(), s.businessAgenda(), s.personalAgenda(), s.notes()))
                .sorted(Comparator.comparing(Bundle.Stakeholder::key))
                .toList();

        List<Bundle.Influence> influences = model.influences().stream()
                .map(r -> new Bundle.Influence(r.from(), r.to(), r.strength(), r.note()))
                .sorted(Comparator.comparing(Bundle.Influence::from).thenComparing(Bundle.Influence::to))
                .toList();

        // A conflict has no direction: write each pair smaller key first, and once even if it was stored twice.
        Map<String, Bundle.Conflict> conflictsByPair = new HashMap<>();
        for (AccountModel.ConflictRow r : model.conflicts()) {
            String x = r.first();
            String y = r.second();
            List<String> pair = x.compareTo(y) <= 0 ? List.of(x, y) : List.of(y, x);
            conflictsByPair.merge(pair.get(0) + "\u0000" + pair.get(1), new Bundle.Conflict(pair, r.note()),
                    (kept, other) -> kept.note() != null ? kept : other);
        }
        List<Bundle.Conflict> conflicts = conflictsByPair.values().stream()
                .sorted(Comparator.comparing((Bundle.Conflict c) -> c.between().get(0))
                        .thenComparing(c -> c.between().get(1)))
                .toList();

        List<Bundle.Contact> contacts = model.contacts().stream()
                .map(r -> new Bundle.Contact(r.teamMember(), r.stakeholder(), name(r.coverage()),
                        r.lastContact() == null ? null : r.lastContact().toString(), name(r.relationship())))
                .sorted(Comparator.comparing(Bundle.Contact::teamMember).thenComparing(Bundle.Contact::stakeholder))
                .toList();

        return Optional.of(new Bundle(Bundle.FORMAT, new Bundle.Account(a.key(), a.name(), a.industry(), a.notes()),
                orNull(team), orNull(competitors), stakeholders, orNull(influences), orNull(conflicts),
                orNull(contacts), orNull(opportunities(model))));
    }

    /** Opportunities from the read model, with their assessment ratings and plan, which the map does not hold. */
    private List<Bundle.Opportunity> opportunities(AccountModel model) {
        String accountKey = model.account().key();
        Map<String, List<Bundle.Roles>> roles = new HashMap<>();
        Map<String, List<Bundle.Status>> status = new HashMap<>();
        for (AccountModel.InvolvementRow r : model.involvements()) {
            if (!r.roles().isEmpty()) {
                roles.computeIfAbsent(r.opportunity(), k -> new ArrayList<>())
                        .add(new Bundle.Roles(r.stakeholder(), r.roles().stream().map(Enum::name).toList()));
            }
            if (r.status() != null) {
                status.computeIfAbsent(r.opportunity(), k -> new ArrayList<>())
                        .add(new Bundle.Status(r.stakeholder(), r.status().name()));
            }
        }

        Map<String, List<Bundle.Rating>> ratings = new HashMap<>();
        for (Map<String, Object> r : rows("""
                MATCH (o:Opportunity {account: $account})-[:HAS_RATING]->(x:Rating)
                RETURN o.key AS opportunity, x {.*} AS n""", accountKey)) {
            Map<String, Object> x = map(r.get("n"));
            ratings.computeIfAbsent(str(r, "opportunity"), k -> new ArrayList<>())
                    .add(new Bundle.Rating(integer(x, "criterion"), str(x, "us"), str(x, "competitor"),
                            str(x, "note")));
        }

        Map<String, List<Map<String, Object>>> tactics = new HashMap<>();
        for (Map<String, Object> r : rows("""
                MATCH (o:Opportunity {account: $account})-[:HAS_TACTIC]->(t:Tactic)
                RETURN o.key AS opportunity, t {.*, owner: [(t)-[:OWNED_BY]->(m:TeamMember) | m.key][0],
                                                targets: [(t)-[:TARGETS]->(s:Stakeholder) | s.key]} AS n""",
                accountKey)) {
            tactics.computeIfAbsent(str(r, "opportunity"), k -> new ArrayList<>()).add(map(r.get("n")));
        }

        Map<String, List<Bundle.RelationshipPlan>> relationshipPlans = new HashMap<>();
        for (Map<String, Object> r : rows("""
                MATCH (o:Opportunity {account: $account})-[:HAS_RELATIONSHIP_PLAN]->(p:RelationshipPlan)
                      -[:FOR]->(s:Stakeholder)
                RETURN o.key AS opportunity, p {.*, stakeholder: s.key} AS n""", accountKey)) {
            Map<String, Object> p = map(r.get("n"));
            relationshipPlans.computeIfAbsent(str(r, "opportunity"), k -> new ArrayList<>())
                    .add(new Bundle.RelationshipPlan(str(p, "stakeholder"), str(p, "strategy"), str(p, "owner"),
                            str(p, "nextStep"), date(p, "due"), str(p, "outcome")));
        }

        return model.opportunities().stream()
                .map(o -> {
                    String key = o.key();
                    List<Bundle.Tactic> plan = tactics.getOrDefault(key, List.of()).stream()
                            .sorted(Comparator.comparing(t -> t.get("position") == null ? Long.MAX_VALUE
                                    : ((Number) t.get("position")).longValue()))
                            .map(t -> new Bundle.Tactic(str(t, "prime"), str(t, "what"), str(t, "owner"),
                                    date(t, "due"), str(t, "resources"), number(t.get("cost")), bool(t, "done"),
                                    orNull(targets(t))))
                            .toList();
                    return new Bundle.Opportunity(key, o.name(), number(o.amount()), o.currency(),
                            o.closeDate() == null ? null : o.closeDate().toString(), o.stage(), o.competitorKey(),
                            orNull(sorted(roles.get(key), Comparator.comparing(Bundle.Roles::stakeholder))),
                            orNull(sorted(status.get(key), Comparator.comparing(Bundle.Status::stakeholder))),
                            orNull(sorted(ratings.get(key), Comparator.comparing(Bundle.Rating::criterion))),
                            o.strategy(), o.goal(), o.objective(), orNull(plan),
                            orNull(sorted(relationshipPlans.get(key),
                                    Comparator.comparing(Bundle.RelationshipPlan::stakeholder))),
                            orNull(layouts.positions(new ItemId(accountKey, key)).values().stream()
                                    .map(p -> new Bundle.Position(p.stakeholder(), p.x(), p.y()))
                                    .sorted(Comparator.comparing(Bundle.Position::stakeholder)).toList()));
                })
                .sorted(Comparator.comparing(Bundle.Opportunity::key))
                .toList();
    }

    /** A tactic's target keys, sorted, so an export does not depend on the order the graph returns them in. */
    private static List<String> targets(Map<String, Object> tactic) {
        Object targets = tactic.get("targets");
        return targets == null ? null : ((List<?>) targets).stream().map(String::valueOf).sorted().toList();
    }

    private Collection<Map<String, Object>> rows(String cypher, String account) {
        return neo4j.query(cypher).bind(account).to("account").fetch().all();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items == null ? null : items.stream().sorted(order).toList();
    }

    private static <T> List<T> orNull(List<T> items) {
        return items == null || items.isEmpty() ? null : items;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) value);
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static Integer integer(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : ((Number) v).intValue();
    }

    private static Boolean bool(Map<String, Object> m, String key) {
        return (Boolean) m.get(key);
    }

    private static String date(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof LocalDate d ? d.toString() : v == null ? null : v.toString();
    }

    /** Whole numbers without a fraction, so an amount of 3000000 survives the graph's float as 3000000. */
    static Number number(Object value) {
        if (value == null) {
            return null;
        }
        double d = ((Number) value).doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d;
        }
        return d;
    }
}
