package io.innercircle.bundle.internal;

import org.neo4j.driver.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the bundle writer sends its statements: rows in batches of {@link #BATCH} as one parameter list each, on the
 * driver's query runner inside the Spring transaction.
 */
final class BundleStatements {

    private static final Logger log = LoggerFactory.getLogger(BundleStatements.class);

    /** Rows per statement: large enough to keep round trips few, small enough to bound one message's size. */
    static final int BATCH = 20_000;

    private final Neo4jClient neo4j;

    BundleStatements(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A map that, unlike Map.of, keeps null values: a null is how a property gets removed. */
    static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * Writes nodes (the statement ends without RETURN; this adds it) and answers their element ids by key. The
     * ids come back as two lists in one record rather than one record per node: one message instead of a
     * fetch round trip per thousand nodes.
     */
    Map<String, String> upsert(String cypher, String account, List<Map<String, Object>> rows) {
        Map<String, String> ids = new HashMap<>();
        for (List<Map<String, Object>> batch : batches(rows)) {
            Record r = run(cypher + " RETURN collect(row.key) AS keys, collect(elementId(n)) AS ids",
                    props("account", account, "rows", batch)).get(0);
            List<String> keys = r.get("keys").asList(org.neo4j.driver.Value::asString);
            List<String> elementIds = r.get("ids").asList(org.neo4j.driver.Value::asString);
            for (int i = 0; i < keys.size(); i++) {
                ids.put(keys.get(i), elementIds.get(i));
            }
        }
        return ids;
    }

    void unwind(String cypher, String account, List<?> rows) {
        for (List<?> batch : batches(rows)) {
            run(cypher, props("account", account, "rows", batch));
        }
    }

    /** An empty list gives no batch: a round trip that does nothing is skipped. */
    private static <T> List<List<T>> batches(List<T> rows) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            batches.add(rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        return batches;
    }

    /**
     * Runs one statement on the driver's query runner inside the Spring transaction (Neo4jClient hands out the
     * transaction's runner). Neo4jClient's own {@code bind} converts every parameter value through Spring's
     * conversion service; measured here, statements of a few rows took tens of milliseconds more that way than
     * on the runner, which converts plain maps and lists itself.
     */
    List<Record> run(String cypher, Map<String, Object> parameters) {
        long start = System.nanoTime();
        Function<org.neo4j.driver.QueryRunner, Optional<List<Record>>> call =
                runner -> Optional.of(runner.run(cypher, parameters).list());
        List<Record> records = neo4j.delegateTo(call).run().orElseThrow();
        if (log.isDebugEnabled()) {
            Object rows = parameters.get("rows");
            log.debug("{} ms for {} rows: {}", (System.nanoTime() - start) / 1_000_000,
                    rows instanceof List<?> l ? l.size() : 0,
                    Stream.of(cypher.split("\n")).map(String::strip).collect(Collectors.joining(" ")));
        }
        return records;
    }
}
