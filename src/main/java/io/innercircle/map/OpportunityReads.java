package io.innercircle.map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of opportunities and of the political map of one opportunity. Each method is one Cypher query in a read-
 * only transaction (so a cluster routes it to a reader); the batch methods take many ids at once so that GraphQL
 * lists never cost one query per item.
 */
@Service
@Transactional(readOnly = true)
public class OpportunityReads {

    private final Neo4jClient neo4j;
    private final AccountModelReader models;

    public OpportunityReads(Neo4jClient neo4j, AccountModelReader models) {
        this.neo4j = neo4j;
        this.models = models;
    }

    public Optional<Opportunity> opportunity(ItemId id) {
        return neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key})
                        RETURN o, [(o)-[:AGAINST]->(c) | c.key][0] AS competitor""")
                .bindAll(Map.of("account", id.account(), "key", id.key()))
                .fetchAs(Opportunity.class)
                .mappedBy((t, r) -> Rows.opportunity(r.get("o"), Rows.str(r.get("competitor"))))
                .one();
    }

    public Map<String, List<Opportunity>> opportunities(Collection<String> accounts) {
        return Rows.groupBy(neo4j.query("""
                        MATCH (o:Opportunity) WHERE o.account IN $accounts
                        RETURN o, [(o)-[:AGAINST]->(c) | c.key][0] AS competitor ORDER BY o.key""")
                .bind(accounts).to("accounts")
                .fetchAs(Opportunity.class)
                .mappedBy((t, r) -> Rows.opportunity(r.get("o"), Rows.str(r.get("competitor"))))
                .all(), Opportunity::account);
    }

    /**
     * The whole map of one opportunity in one query: the account's read model, from which the opportunity's
     * people (with roles, status and best coverage) and lines are taken.
     */
    public Optional<PoliticalMap> politicalMap(ItemId opportunityId) {
        return models.read(opportunityId.account()).flatMap(m -> m.politicalMap(opportunityId.key()));
    }
}
