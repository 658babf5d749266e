package io.innercircle.map;

import io.innercircle.map.AccountModel.ConflictRow;
import io.innercircle.map.AccountModel.ContactRow;
import io.innercircle.map.AccountModel.InfluenceRow;
import io.innercircle.map.AccountModel.InvolvementRow;
import io.innercircle.map.AccountModel.Person;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a whole {@link AccountModel} in one query. Lines come back as flat rows of keys and are joined to the
 * people in memory, so each person is read once (mapping Stakeholder-to-Stakeholder relationships through
 * Spring Data is slow).
 */
@Component
public class AccountModelReader {

    /** The one query; parameter {@code account}. Values come back as plain Java values, as the history holds them. */
    public static final String ACCOUNT = """
            MATCH (a:Account {key: $account})
            RETURN a{.*} AS a,
              COLLECT { MATCH (s:Stakeholder {account: $account})
                        RETURN s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} ORDER BY s.key } AS people,
              COLLECT { MATCH (f:Stakeholder {account: $account})-[r:INFLUENCES]->(t)
                        RETURN [f.key, t.key, r.strength, r.note] ORDER BY f.key, t.key } AS influences,
              COLLECT { MATCH (f:Stakeholder {account: $account})-[r:CONFLICTS_WITH]->(t)
                        RETURN [f.key, t.key, r.note] ORDER BY f.key, t.key } AS conflicts,
              COLLECT { MATCH (t:TeamMember {account: $account}) RETURN t{.*} ORDER BY t.key } AS team,
              COLLECT { MATCH (t:TeamMember {account: $account})-[c:HAS_CONTACT]->(s)
                        RETURN [t.key, s.key, c{.*}] ORDER BY t.key, s.key } AS contacts,
              COLLECT { MATCH (c:Competitor {account: $account}) RETURN c{.*} ORDER BY c.key } AS competitors,
              COLLECT { MATCH (o:Opportunity {account: $account})
                        RETURN o{.*, competitor: [(o)-[:AGAINST]->(c) | c.key][0]} ORDER BY o.key } AS opportunities,
              COLLECT { MATCH (s:Stakeholder {account: $account})-[i:INVOLVED_IN]->(o:Opportunity)
                        RETURN [s.key, o.key, i{.*}] ORDER BY o.key, s.key } AS involvements
            """;

    private final Neo4jClient neo4j;

    public AccountModelReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @Transactional(readOnly = true)
    public Optional<AccountModel> read(String account) {
        return neo4j.query(ACCOUNT).bind(account).to("account")
                .fetchAs(AccountModel.class).mappedBy((t, r) -> model(account, r)).one();
    }

    static AccountModel model(String account, Record r) {
        Map<String, Object> a = r.get("a").asMap();
        List<Person> people = r.get("people").asList(Value::asMap).stream()
                .map(p -> Person.of((String) p.get("key"), p, (String) p.get("reportsTo"))).toList();
        List<InfluenceRow> influences = r.get("influences").asList(v -> v).stream()
                .map(v -> new InfluenceRow(v.get(0).asString(), v.get(1).asString(), v.get(2).asInt(),
                        str(v.get(3)))).toList();
        List<ConflictRow> conflicts = r.get("conflicts").asList(v -> v).stream()
                .map(v -> new ConflictRow(v.get(0).asString(), v.get(1).asString(), str(v.get(2)))).toList();
        List<TeamMember> team = r.get("team").asList(Value::asMap).stream()
                .map(t -> AccountModel.teamMember(account, (String) t.get("key"), t)).toList();
        List<ContactRow> contacts = r.get("contacts").asList(v -> v).stream()
                .map(v -> ContactRow.of(v.get(0).asString(), v.get(1).asString(), v.get(2).asMap())).toList();
        List<Competitor> competitors = r.get("competitors").asList(Value::asMap).stream()
                .map(c -> AccountModel.competitor(account, (String) c.get("key"), c)).toList();
        List<Opportunity> opportunities = r.get("opportunities").asList(Value::asMap).stream()
                .map(o -> AccountModel.opportunity(account, (String) o.get("key"), o, (String) o.get("competitor")))
                .toList();
        List<InvolvementRow> involvements = r.get("involvements").asList(v -> v).stream()
                .map(v -> InvolvementRow.of(v.get(0).asString(), v.get(1).asString(), v.get(2).asMap())).toList();
        Object version = a.get("version");
        return new AccountModel(AccountModel.account(account, a, version == null ? 0 : ((Number) version).longValue()),
                people, influences, conflicts, team, contacts, competitors, opportunities, involvements);
    }

    private static String str(Value v) {
        return v == null || v.isNull() ? null : v.asString();
    }
}
