package io.innercircle.activity.internal;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the activity feature keeps in Neo4j: {@code (:ActivitySuggestion {account, key, from, to, strength,
 * frequency, direction, score, meetings, emails, firstAt, lastAt, state, decidedBy, decidedAt, evidence...})},
 * one per suggested line (the key is derived from the two people, so a re-import finds it again). The evidence
 * is kept as parallel lists (refs, kinds, times, subjects, roles, supports). Not map content: the history
 * leaves these nodes out, and nothing here changes the account's version. Cypher in text blocks, parameters only.
 */
@Component
class ActivityStore {

    private final Neo4jClient neo4j;

    ActivityStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    boolean accountExists(String account) {
        return neo4j.query("MATCH (a:Account {key: $account}) RETURN count(a) > 0").bind(account).to("account")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    /** The account's people with their address, CRM id and whether our team covers them. */
    List<ActivityPeople.Person> people(String account) {
        return new ArrayList<>(neo4j.query("""
                        MATCH (s:Stakeholder {account: $account})
                        RETURN s.key AS key, s.name AS name, s.email AS email, s.crmKey AS crmKey,
                               exists { MATCH (:TeamMember {account: $account})-[c:HAS_CONTACT]->(s)
                                        WHERE coalesce(c.coverage, 'NONE') <> 'NONE' } AS covered
                        ORDER BY key""")
                .bind(account).to("account")
                .fetchAs(ActivityPeople.Person.class)
                .mappedBy((t, r) -> new ActivityPeople.Person(r.get("key").asString(), r.get("name").asString(null),
                        r.get("email").asString(null), r.get("crmKey").asString(null), r.get("covered").asBoolean()))
                .all());
    }

    /** The influence lines on the map, "from>to" by key. */
    Set<String> influenceLines(String account) {
        return new HashSet<>(neo4j.query("""
                        MATCH (f:Stakeholder {account: $account})-[:INFLUENCES]->(t:Stakeholder {account: $account})
                        RETURN f.key + '>' + t.key""")
                .bind(account).to("account").fetchAs(String.class).all());
    }

    /** The stored state and evidence of each suggestion of the account, by key. */
    Map<String, SuggestionView> stored(String account) {
        Map<String, SuggestionView> found = new HashMap<>();
        list(account, null).forEach(s -> found.put(s.key(), s));
        return found;
    }

    static String key(String from, String to) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((from + "\n" + to)
                    .getBytes(StandardCharsets.UTF_8));
            return "s-" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes these suggestions as open (new, or updated with the latest evidence). */
    void saveOpen(String account, List<Suggestion> suggestions, Instant at) {
        if (suggestions.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Suggestion s : suggestions) {
            Map<String, Object> row = new HashMap<>();
            row.put("key", key(s.from(), s.to()));
            row.put("from", s.from());
            row.put("to", s.to());
            row.put("strength", s.strength());
            row.put("frequency", s.frequency());
            row.put("direction", s.direction());
            row.put("score", s.score());
            row.put("meetings", s.meetings());
            row.put("emails", s.emails());
            row.put("firstAt", s.firstAt().atOffset(ZoneOffset.UTC));
            row.put("lastAt", s.lastAt().atOffset(ZoneOffset.UTC));
            row.put("refs", s.evidence().stream().map(Evidence::ref).toList());
            row.put("kinds", s.evidence().stream().map(e -> e.kind().name()).toList());
            row.put("ats", s.evidence().stream().map(e -> e.at().toString()).toList());
            row.put("subjects", s.evidence().stream().map(e -> e.subject() == null ? "" : e.subject()).toList());
            row.put("roles", s.evidence().stream().map(e -> e.role().name()).toList());
            row.put("supports", s.evidence().stream()
                    .map(e -> e.supports() == null ? "" : e.supports().toString()).toList());
            rows.add(row);
        }
        neo4j.query("""
                        UNWIND $rows AS row
                        MERGE (s:ActivitySuggestion {account: $account, key: row.key})
                        SET s.from = row.from, s.to = row.to, s.strength = row.strength, s.frequency = row.frequency,
                            s.direction = row.direction, s.score = row.score, s.meetings = row.meetings,
                            s.emails = row.emails, s.firstAt = row.firstAt, s.lastAt = row.lastAt,
                            s.evidenceRefs = row.refs, s.evidenceKinds = row.kinds, s.evidenceAts = row.ats,
                            s.evidenceSubjects = row.subjects, s.evidenceRoles = row.roles,
                            s.evidenceSupports = row.supports, s.state = 'OPEN', s.importedAt = $at,
                            s.decidedBy = null, s.decidedAt = null""")
                .bind(account).to("account").bind(rows).to("rows").bind(at.atOffset(ZoneOffset.UTC)).to("at").run();
    }

    /** The account's suggestions in this state (all states when null), highest score first. */
    List<SuggestionView> list(String account, String state) {
        return new ArrayList<>(neo4j.query("""
                        MATCH (s:ActivitySuggestion {account: $account})
                        WHERE $state IS NULL OR s.state = $state
                        RETURN s ORDER BY s.score DESC, s.key""")
                .bind(account).to("account").bind(state).to("state")
                .fetchAs(SuggestionView.class).mappedBy((t, r) -> view(r.get("s").asMap())).all());
    }

    Optional<SuggestionView> find(String account, String key) {
        return neo4j.query("""
                        MATCH (s:ActivitySuggestion {account: $account, key: $key}) RETURN s""")
                .bind(account).to("account").bind(key).to("key")
                .fetchAs(SuggestionView.class).mappedBy((t, r) -> view(r.get("s").asMap())).one();
    }

    void decide(String account, String key, String state, String by, Instant at) {
        neo4j.query("""
                        MATCH (s:ActivitySuggestion {account: $account, key: $key})
                        SET s.state = $state, s.decidedBy = $by, s.decidedAt = $at""")
                .bindAll(Map.of("account", account, "key", key, "state", state, "by", by,
                        "at", at.atOffset(ZoneOffset.UTC)))
                .run();
    }

    @SuppressWarnings("unchecked")
    private static SuggestionView view(Map<String, Object> s) {
        String account = (String) s.get("account");
        String key = (String) s.get("key");
        List<String> refs = (List<String>) s.get("evidenceRefs");
        List<String> kinds = (List<String>) s.get("evidenceKinds");
        List<String> ats = (List<String>) s.get("evidenceAts");
        List<String> subjects = (List<String>) s.get("evidenceSubjects");
        List<String> roles = (List<String>) s.get("evidenceRoles");
        List<String> supports = (List<String>) s.get("evidenceSupports");
        List<SuggestionView.EvidenceView> evidence = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            evidence.add(new SuggestionView.EvidenceView(kinds.get(i),
                    Instant.parse(ats.get(i)).atOffset(ZoneOffset.UTC),
                    subjects.get(i).isEmpty() ? null : subjects.get(i), roles.get(i),
                    supports.get(i).isEmpty() ? null : Boolean.valueOf(supports.get(i))));
        }
        return new SuggestionView(account + "/" + key, account, key, (String) s.get("from"), (String) s.get("to"),
                ((Number) s.get("strength")).intValue(), ((Number) s.get("frequency")).doubleValue(),
                ((Number) s.get("meetings")).intValue(), ((Number) s.get("emails")).intValue(),
                time(s.get("firstAt")), time(s.get("lastAt")), (String) s.get("state"), (String) s.get("decidedBy"),
                time(s.get("decidedAt")), evidence, refs);
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        return (OffsetDateTime) value;
    }
}
