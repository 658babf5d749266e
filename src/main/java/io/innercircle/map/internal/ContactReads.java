package io.innercircle.map.internal;

import io.innercircle.map.ItemId;
import io.innercircle.map.Rows;
import io.innercircle.map.Lines.Contact;
import io.innercircle.map.Stakeholder;
import io.innercircle.map.TeamMember;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads of our team's contacts with the account's people. Each method is one Cypher query in a read-only
 * transaction (so a cluster routes it to a reader); the batch methods take many ids at once so that GraphQL lists
 * never cost one query per item.
 */
@Service
@Transactional(readOnly = true)
class ContactReads {

    private final Neo4jClient neo4j;

    ContactReads(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    private static final String CONTACTS_OF_MEMBERS = """
            UNWIND $ids AS id
            MATCH (tm:TeamMember {account: id.account, key: id.key})-[c:HAS_CONTACT]->(s:Stakeholder)
            RETURN id, tm, s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s, c ORDER BY tm.key, s.key""";

    private static final String CONTACTS_OF_PEOPLE = """
            UNWIND $ids AS id
            MATCH (tm:TeamMember)-[c:HAS_CONTACT]->(s:Stakeholder {account: id.account, key: id.key})
            RETURN id, tm, s{.*, reportsTo: [(s)-[:REPORTS_TO]->(m) | m.key][0]} AS s, c ORDER BY tm.key, s.key""";

    /** Contacts of the given stakeholders (byTeamMember false) or of the given team members (true). */
    public Map<ItemId, List<Contact>> contacts(Collection<ItemId> ids, boolean byTeamMember) {
        return Rows.group(neo4j.query(byTeamMember ? CONTACTS_OF_MEMBERS : CONTACTS_OF_PEOPLE)
                .bind(Rows.params(ids)).to("ids")
                .fetchAs(Map.Entry.class).mappedBy((t, r) -> Map.entry(Rows.itemId(r.get("id")),
                        contact(Rows.teamMember(r.get("tm")), Rows.stakeholder(r.get("s")), r.get("c"))))
                .all());
    }

    private static Contact contact(TeamMember tm, Stakeholder s, Value c) {
        return new Contact(tm, s, Rows.str(c, "coverage"), Rows.date(c, "lastContact"), Rows.str(c, "relationship"));
    }
}
