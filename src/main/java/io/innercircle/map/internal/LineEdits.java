package io.innercircle.map.internal;

import io.innercircle.map.Checks;
import io.innercircle.map.InfluenceLineEdit;
import io.innercircle.map.ItemId;
import io.innercircle.map.MapChanged;
import io.innercircle.map.Stakeholder;
import io.innercircle.api.InvalidInputException;
import io.innercircle.map.Lines.ConflictLine;
import io.innercircle.map.Lines.InfluenceLine;
import io.innercircle.map.internal.MapInputs.ConflictInput;
import io.innercircle.map.internal.MapInputs.InfluenceInput;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

import static io.innercircle.map.internal.EditSupport.given;
import static io.innercircle.map.internal.EditSupport.params;
import static io.innercircle.map.internal.EditSupport.sameAccount;

/** Edits of the political structure: influence lines and conflict lines. One transaction each. */
@Service
@Transactional
public class LineEdits implements InfluenceLineEdit {

    private final Neo4jClient neo4j;
    private final LineReads lineReads;
    private final EditSupport support;

    LineEdits(Neo4jClient neo4j, LineReads lineReads, EditSupport support) {
        this.neo4j = neo4j;
        this.lineReads = lineReads;
        this.support = support;
    }

    public InfluenceLine setInfluence(InfluenceInput input) {
        ItemId from = ItemId.parse("input.from", input.from());
        ItemId to = sameAccount("input.to", from.account(), ItemId.parse("input.to", input.to()));
        if (from.equals(to)) {
            throw new InvalidInputException("input.to", "a person cannot influence themselves");
        }
        Integer strength = Checks.range("input.strength", input.strength(), 1, 3);
        boolean hasNote = given(input.note());
        String note = Checks.text("input.note", hasNote ? input.note().value() : null);
        support.requireStakeholder("input.from", from);
        support.requireStakeholder("input.to", to);
        neo4j.query("""
                        MATCH (f:Stakeholder {account: $account, key: $from})
                        MATCH (t:Stakeholder {account: $account, key: $to})
                        MERGE (f)-[r:INFLUENCES]->(t)
                        SET r.strength = coalesce($strength, r.strength, 2)
                        SET r.note = CASE WHEN $hasNote THEN $note ELSE r.note END""")
                .bindAll(params("account", from.account(), "from", from.key(), "to", to.key(), "strength", strength,
                        "note", note, "hasNote", hasNote))
                .run();
        support.bump(from.account(), MapChanged.node("Stakeholder", from.key()));
        return lineReads.influenceLines(List.of(from), false).get(from).stream()
                .filter(l -> l.to().key().equals(to.key())).findFirst().orElseThrow();
    }

    @Override
    public InfluenceLine drawInfluence(String from, String to, int strength, String note) {
        return setInfluence(new InfluenceInput(from, to, strength, ArgumentValue.ofNullable(note)));
    }

    public List<String> removeInfluence(String fromText, String toText) {
        ItemId from = ItemId.parse("from", fromText);
        ItemId to = sameAccount("to", from.account(), ItemId.parse("to", toText));
        long removed = neo4j.query("""
                        MATCH (:Stakeholder {account: $account, key: $from})-[r:INFLUENCES]->
                              (:Stakeholder {account: $account, key: $to})
                        DELETE r RETURN count(r)""")
                .bindAll(Map.of("account", from.account(), "from", from.key(), "to", to.key()))
                .fetchAs(Long.class).one().orElse(0L);
        if (removed == 0) {
            throw new InvalidInputException("from", "there is no influence line from '" + from + "' to '" + to + "'");
        }
        support.bump(from.account(), MapChanged.node("Stakeholder", from.key()));
        return List.of(from + " -> " + to);
    }

    public ConflictLine setConflict(ConflictInput input) {
        ItemId[] pair = conflictPair("input.between", input.between());
        boolean hasNote = given(input.note());
        String note = Checks.text("input.note", hasNote ? input.note().value() : null);
        support.requireStakeholder("input.between", pair[0]);
        support.requireStakeholder("input.between", pair[1]);
        // Stored once, from the smaller key to the larger, so each pair has exactly one relationship.
        neo4j.query("""
                        MATCH (a:Stakeholder {account: $account, key: $a})
                        MATCH (b:Stakeholder {account: $account, key: $b})
                        MERGE (a)-[r:CONFLICTS_WITH]->(b)
                        SET r.note = CASE WHEN $hasNote THEN $note ELSE r.note END""")
                .bindAll(params("account", pair[0].account(), "a", pair[0].key(), "b", pair[1].key(), "note", note,
                        "hasNote", hasNote))
                .run();
        support.bumpKeepingStructure(pair[0].account(), MapChanged.node("Stakeholder", pair[0].key()));
        return lineReads.conflictLines(List.of(pair[0])).get(pair[0]).stream()
                .filter(c -> c.between().get(1).key().equals(pair[1].key())).findFirst().orElseThrow();
    }

    public List<String> removeConflict(List<String> between) {
        ItemId[] pair = conflictPair("between", between);
        long removed = neo4j.query("""
                        MATCH (:Stakeholder {account: $account, key: $a})-[r:CONFLICTS_WITH]->
                              (:Stakeholder {account: $account, key: $b})
                        DELETE r RETURN count(r)""")
                .bindAll(Map.of("account", pair[0].account(), "a", pair[0].key(), "b", pair[1].key()))
                .fetchAs(Long.class).one().orElse(0L);
        if (removed == 0) {
            throw new InvalidInputException("between",
                    "there is no conflict line between '" + pair[0] + "' and '" + pair[1] + "'");
        }
        support.bumpKeepingStructure(pair[0].account(), MapChanged.node("Stakeholder", pair[0].key()));
        return List.of(pair[0] + " <-> " + pair[1]);
    }

    private static ItemId[] conflictPair(String field, List<String> between) {
        List<String> ids = between == null ? List.of() : between;
        if (ids.size() != 2) {
            throw new InvalidInputException(field, "must name exactly two people");
        }
        ItemId a = ItemId.parse(field, ids.get(0));
        ItemId b = sameAccount(field, a.account(), ItemId.parse(field, ids.get(1)));
        if (a.equals(b)) {
            throw new InvalidInputException(field, "a person cannot be in conflict with themselves");
        }
        return a.key().compareTo(b.key()) < 0 ? new ItemId[]{a, b} : new ItemId[]{b, a};
    }
}
