package io.innercircle.history.internal;

import io.innercircle.history.ChangesSince;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

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
        List<Map<String, Object>> rows = new ArrayList<>(neo4j.query("""
                        MATCH (c:ChangeSet {account: $account}) WHERE c.version > $version
                        RETURN c.version AS version, c.at AS at, c.by AS by, c.changes AS changes
                        ORDER BY c.version""")
                .bindAll(Map.of("account", account, "version", afterVersion)).fetch().all());
        Map<String, String> names = new HashMap<>();
        history.current(account).values().forEach(f -> {
            if (!f.isRelationship() && f.props().get("name") != null) {
                names.put(f.id(), String.valueOf(f.props().get("name")));
            }
        });
        List<String> lines = new ArrayList<>();
        int total = 0;
        for (Map<String, Object> row : rows) {
            for (Object json : (List<?>) row.get("changes")) {
                ChangeEntry entry = ChangeEntry.read((String) json);
                for (Wording.Described d : Wording.describe(account, entry,
                        ((ZonedDateTime) row.get("at")).toOffsetDateTime(), (String) row.get("by"),
                        id -> names.getOrDefault(id, Fact.keyOf(id)))) {
                    if (++total <= max) {
                        lines.add(d.description());
                    }
                }
            }
        }
        if (total > max) {
            lines.add("... and " + (total - max) + " more changes");
        }
        return lines;
    }
}
