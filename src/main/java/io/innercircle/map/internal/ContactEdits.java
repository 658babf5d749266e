package io.innercircle.map.internal;

import io.innercircle.map.ItemId;
import io.innercircle.map.MapChanged;
import io.innercircle.map.Stakeholder;
import io.innercircle.map.TeamMember;
import io.innercircle.api.InvalidInputException;
import io.innercircle.map.Lines.Contact;
import io.innercircle.map.internal.MapInputs.ContactInput;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.innercircle.map.internal.EditSupport.params;
import static io.innercircle.map.internal.EditSupport.sameAccount;
import static io.innercircle.map.internal.EditSupport.stored;

/** Edits of our coverage: a team member's contact with a stakeholder. One transaction each. */
@Service
@Transactional
public class ContactEdits {

    private final Neo4jClient neo4j;
    private final ContactReads contactReads;
    private final EditSupport support;
    private final Clock clock;

    ContactEdits(Neo4jClient neo4j, ContactReads contactReads, EditSupport support, Clock clock) {
        this.clock = clock;
        this.neo4j = neo4j;
        this.contactReads = contactReads;
        this.support = support;
    }

    public Contact recordContact(ContactInput input) {
        ItemId member = ItemId.parse("input.teamMember", input.teamMember());
        ItemId person = sameAccount("input.stakeholder", member.account(),
                ItemId.parse("input.stakeholder", input.stakeholder()));
        LocalDate last = input.lastContact();
        // A day ahead of UTC is still today somewhere (a rep in Auckland writes tomorrow's UTC date).
        if (last != null && last.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new InvalidInputException("input.lastContact", "is in the future (" + last + ")");
        }
        support.requireTeamMember("input.teamMember", member);
        support.requireStakeholder("input.stakeholder", person);
        neo4j.query("""
                        MATCH (t:TeamMember {account: $account, key: $member})
                        MATCH (s:Stakeholder {account: $account, key: $person})
                        MERGE (t)-[c:HAS_CONTACT]->(s)
                        SET c.coverage = $coverage, c.lastContact = $last, c.relationship = $relationship""")
                .bindAll(params("account", member.account(), "member", member.key(), "person", person.key(),
                        "coverage", stored(input.coverage()), "last", last,
                        "relationship", stored(input.relationship())))
                .run();
        support.bumpKeepingStructure(member.account(), MapChanged.node("Stakeholder", person.key()));
        return contactReads.contacts(List.of(person), false).get(person).stream()
                .filter(c -> c.teamMember().key().equals(member.key())).findFirst().orElseThrow();
    }

    public List<String> removeContact(String memberText, String personText) {
        ItemId member = ItemId.parse("teamMember", memberText);
        ItemId person = sameAccount("stakeholder", member.account(), ItemId.parse("stakeholder", personText));
        long removed = neo4j.query("""
                        MATCH (:TeamMember {account: $account, key: $member})-[c:HAS_CONTACT]->
                              (:Stakeholder {account: $account, key: $person})
                        DELETE c RETURN count(c)""")
                .bindAll(Map.of("account", member.account(), "member", member.key(), "person", person.key()))
                .fetchAs(Long.class).one().orElse(0L);
        if (removed == 0) {
            throw new InvalidInputException("teamMember", "'" + member + "' has no contact with '" + person + "'");
        }
        support.bumpKeepingStructure(member.account(), MapChanged.node("Stakeholder", person.key()));
        return List.of(member + " -> " + person);
    }
}
