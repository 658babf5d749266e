package io.innercircle.crm.internal;

import io.innercircle.map.ItemId;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The CRM fields of the map, for GraphQL: one query per field and batch, never one per item. */
@Component
@Transactional(readOnly = true)
class CrmReads {

    private final Neo4jClient neo4j;

    CrmReads(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Map<ItemId, CrmPerson> people(Collection<ItemId> ids) {
        Map<ItemId, CrmPerson> found = new HashMap<>();
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (s:Stakeholder {account: id.account, key: id.key}) WHERE s.crmKey IS NOT NULL
                        RETURN s.account AS account, s.key AS key, s.crmKey AS crmKey, s.email AS email,
                               toString(s.crmSeenAt) AS seenAt, toString(s.crmMissingSince) AS missingSince""")
                .bind(params(ids)).to("ids")
                .fetch().all()
                .forEach(r -> found.put(new ItemId((String) r.get("account"), (String) r.get("key")),
                        new CrmPerson((String) r.get("crmKey"), (String) r.get("email"), (String) r.get("seenAt"),
                                r.get("missingSince") != null, (String) r.get("missingSince"))));
        return found;
    }

    /** The CRM ids of the given accounts (those that have one). */
    Map<String, String> accountCrmKeys(Collection<String> accounts) {
        Map<String, String> found = new HashMap<>();
        neo4j.query("""
                        MATCH (a:Account) WHERE a.key IN $keys AND a.crmKey IS NOT NULL
                        RETURN a.key AS key, a.crmKey AS crmKey""")
                .bind(accounts).to("keys").fetch().all()
                .forEach(r -> found.put((String) r.get("key"), (String) r.get("crmKey")));
        return found;
    }

    Map<ItemId, String> opportunityCrmKeys(Collection<ItemId> ids) {
        Map<ItemId, String> found = new HashMap<>();
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (o:Opportunity {account: id.account, key: id.key}) WHERE o.crmKey IS NOT NULL
                        RETURN o.account AS account, o.key AS key, o.crmKey AS crmKey""")
                .bind(params(ids)).to("ids").fetch().all()
                .forEach(r -> found.put(new ItemId((String) r.get("account"), (String) r.get("key")),
                        (String) r.get("crmKey")));
        return found;
    }

    /** Per account, the keys of the people missing from the latest contacts import. */
    Map<String, List<ItemId>> notInLastImport(Collection<String> accounts) {
        Map<String, List<ItemId>> found = new HashMap<>();
        neo4j.query("""
                        MATCH (s:Stakeholder) WHERE s.account IN $accounts AND s.crmMissingSince IS NOT NULL
                        RETURN s.account AS account, s.key AS key ORDER BY s.key""")
                .bind(accounts).to("accounts").fetch().all()
                .forEach(r -> found.computeIfAbsent((String) r.get("account"), a -> new java.util.ArrayList<>())
                        .add(new ItemId((String) r.get("account"), (String) r.get("key"))));
        return found;
    }

    private static List<Map<String, String>> params(Collection<ItemId> ids) {
        return ids.stream().map(id -> Map.of("account", id.account(), "key", id.key())).toList();
    }
}
