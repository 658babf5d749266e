package io.innercircle.history.internal;

import io.innercircle.history.ChangesSince;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link ChangesSince} read from the recorded change sets, worded like the history page. */
@Component
class ChangeDescriptions implements ChangesSince {

    private final Neo4jClient neo4j;
    private final History history;

    ChangeDescriptions(Neo4jClient neo4j, History history) {
        this.neo4j = neo4j;
        this.history = history;
    }

    @Override
    public List<String> describe(String account, long afterVersion, int max) {
        List<String> lines = new ArrayList<>();
        int total = 0;
        for (ChangeSetWords set : changeSets(account, afterVersion, Integer.MAX_VALUE)) {
            for (String line : set.changes()) {
                if (++total <= max) {
                    lines.add(line + Wording.when(set.at(), set.by()));
                }
            }
        }
        if (total > max) {
            lines.add("... and " + (total - max) + " more changes");
        }
        return lines;
    }

    @Override
    public List<ChangeSetWords> changeSets(String account, long afterVersion, int max) {
        List<Map<String, Object>> rows = new ArrayList<>(neo4j.query("""
                        MATCH (c:ChangeSet {account: $account}) WHERE c.version > $version
                        RETURN c.version AS version, c.at AS at, c.by AS by, c.changes AS changes,
                               c.packed AS packed
                        ORDER BY c.version LIMIT $max""")
                .bindAll(Map.of("account", account, "version", afterVersion, "max", max)).fetch().all());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = new HashMap<>();
        history.current(account).values().forEach(f -> {
            if (!f.isRelationship() && f.props().get("name") != null) {
                names.put(f.id(), String.valueOf(f.props().get("name")));
            }
        });
        List<ChangeSetWords> sets = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            OffsetDateTime at = ((ZonedDateTime) row.get("at")).toOffsetDateTime();
            String by = (String) row.get("by");
            List<String> lines = new ArrayList<>();
            for (String json : StoredChanges.entries(row.get("changes"), row.get("packed"))) {
                ChangeEntry entry = ChangeEntry.read(json);
                for (Wording.Described d : Wording.describe(account, entry, at, by,
                        id -> names.getOrDefault(id, Fact.keyOf(id)))) {
                    String line = d.description();
                    String when = Wording.when(at, by);
                    lines.add(line.endsWith(when) ? line.substring(0, line.length() - when.length()) : line);
                }
            }
            sets.add(new ChangeSetWords(((Number) row.get("version")).longValue(), by, at, lines));
        }
        return sets;
    }
}
