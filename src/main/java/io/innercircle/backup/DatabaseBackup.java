package io.innercircle.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The whole database out and back in, as plain Cypher over the driver, so it works the same on the embedded Neo4j
 * and on a server or cluster: every account with its map, analysis, plans and its whole history (change sets and
 * the history mirror). Liquibase's bookkeeping is left out: the schema comes from the migrations.
 *
 * <p>The file is JSON lines ({@code innercircle-backup/v1}): a header, one line per node (its labels and
 * properties, numbered), one line per relationship (type, the numbers of its ends, properties), and an end line
 * with the counts, so a cut-off file is refused rather than half restored. Values keep their Neo4j type (see
 * {@link BackupValues}).
 *
 * <p>A restore is one transaction into a database that holds no account, streamed from the file: refused whole
 * on the first problem. Labels and relationship types come from the file, so they are passed as parameters
 * (Neo4j 5.26's dynamic labels), never spliced into the query, and must look like the app's own names.
 */
@Component
public class DatabaseBackup {

    static final String FORMAT = "innercircle-backup/v1";
    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final int BATCH = 2_000;

    private final Driver driver;
    private final String database;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    DatabaseBackup(Driver driver, @Value("${spring.data.neo4j.database:neo4j}") String database,
                   ObjectProvider<Clock> clock) {
        this.driver = driver;
        this.database = database;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What a backup or a restore moved. */
    public record Counts(long accounts, long nodes, long relationships) {}

    public Counts write(OutputStream out) throws IOException {
        try (Session session = driver.session(SessionConfig.builder().withDatabase(database)
                .withDefaultAccessMode(AccessMode.READ).build());
             Transaction tx = session.beginTransaction();
             JsonGenerator gen = json.getFactory().createGenerator(out)) {
            gen.setRootValueSeparator(null);
            long accounts = tx.run("MATCH (a:Account) RETURN count(a) AS n").single().get("n").asLong();
            ObjectNode header = json.createObjectNode().put("format", FORMAT)
                    .put("createdAt", Instant.now(clock).toString()).put("accounts", accounts);
            line(gen, header);

            Map<String, Long> numbers = new HashMap<>();
            Result nodes = tx.run("""
                    MATCH (n) WHERE NOT any(l IN labels(n) WHERE l STARTS WITH '__')
                    RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
                    """);
            while (nodes.hasNext()) {
                Record r = nodes.next();
                long number = numbers.size() + 1L;
                numbers.put(r.get("id").asString(), number);
                ObjectNode node = json.createObjectNode().put("node", number);
                node.set("labels", json.valueToTree(r.get("labels").asList(org.neo4j.driver.Value::asString)
                        .stream().sorted().toList()));
                node.set("properties", BackupValues.properties(r.get("properties").asMap(v -> v)));
                line(gen, node);
            }
            long relationships = 0;
            Result lines = tx.run("""
                    MATCH (a)-[r]->(b)
                    WHERE NOT any(l IN labels(a) WHERE l STARTS WITH '__') AND NOT any(l IN labels(b) WHERE l STARTS WITH '__')
                    RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, properties(r) AS properties
                    """);
            while (lines.hasNext()) {
                Record r = lines.next();
                ObjectNode rel = json.createObjectNode().put("relationship", r.get("type").asString())
                        .put("from", numbers.get(r.get("from").asString()))
                        .put("to", numbers.get(r.get("to").asString()));
                rel.set("properties", BackupValues.properties(r.get("properties").asMap(v -> v)));
                line(gen, rel);
                relationships++;
            }
            line(gen, json.createObjectNode().put("end", true).put("accounts", accounts)
                    .put("nodes", (long) numbers.size()).put("relationships", relationships));
            gen.flush();
            log.info("Backup written: {} accounts, {} nodes, {} relationships", accounts, numbers.size(),
                    relationships);
            return new Counts(accounts, numbers.size(), relationships);
        }
    }

    private void line(JsonGenerator gen, JsonNode node) throws IOException {
        json.writeTree(gen, node);
        gen.writeRaw('\n');
    }

    public Counts restore(InputStream in) throws IOException {
        try (Session session = driver.session(SessionConfig.builder().withDatabase(database).build())) {
            // A schema change cannot share the restore's transaction; the index makes linking the ends fast.
            session.run("CREATE INDEX backup_restore_number IF NOT EXISTS FOR (n:__Restoring) ON (n.__number)").consume();
            session.run("CALL db.awaitIndexes(300)").consume();
            Counts counts;
            try (Transaction tx = session.beginTransaction()) {
                long existing = tx.run("MATCH (a:Account) RETURN count(a) AS n").single().get("n").asLong();
                if (existing > 0) {
                    throw new DatabaseNotEmptyException(existing);
                }
                counts = restoreInto(tx, in);
                tx.run("MATCH (n:__Restoring) REMOVE n:__Restoring, n.__number").consume();
                tx.commit();
            }
            log.info("Backup restored: {} accounts, {} nodes, {} relationships", counts.accounts(), counts.nodes(),
                    counts.relationships());
            return counts;
        }
    }

    private Counts restoreInto(Transaction tx, InputStream in) throws IOException {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> rels = new ArrayList<>();
        long nodeCount = 0;
        long relCount = 0;
        long lineNumber = 0;
        boolean header = false;
        JsonNode end = null;
        try (JsonParser parser = json.getFactory().createParser(in)) {
            while (parser.nextToken() != null) {
                lineNumber++;
                String where = "line " + lineNumber;
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw new BackupFormatException(where + ": every line must be a JSON object");
                }
                JsonNode line = json.readTree(parser);
                if (end != null) {
                    throw new BackupFormatException(where + ": nothing may follow the end line");
                }
                if (!header) {
                    if (!FORMAT.equals(line.path("format").asText())) {
                        throw new BackupFormatException(where + ": not an InnerCircle backup (format must be '"
                                + FORMAT + "')");
                    }
                    header = true;
                } else if (line.has("node")) {
                    if (!rels.isEmpty() || relCount > 0) {
                        throw new BackupFormatException(where + ": nodes must come before relationships");
                    }
                    nodes.add(Map.of("number", number(line, "node", where), "labels", labels(line, where),
                            "properties", BackupValues.fromJson(line.get("properties"), where)));
                    nodeCount++;
                    if (nodes.size() == BATCH) {
                        createNodes(tx, nodes);
                    }
                } else if (line.has("relationship")) {
                    createNodes(tx, nodes);
                    String type = line.get("relationship").asText();
                    if (!NAME.matcher(type).matches()) {
                        throw new BackupFormatException(where + ": '" + type + "' is not a relationship type");
                    }
                    rels.add(Map.of("type", type, "from", number(line, "from", where), "to", number(line, "to", where),
                            "properties", BackupValues.fromJson(line.get("properties"), where)));
                    relCount++;
                    if (rels.size() == BATCH) {
                        createRelationships(tx, rels, where);
                    }
                } else if (line.has("end")) {
                    end = line;
                } else {
                    throw new BackupFormatException(where + ": neither a node, a relationship nor the end line");
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BackupFormatException("line " + (lineNumber + 1) + ": not valid JSON ("
                    + e.getOriginalMessage() + ")");
        }
        if (!header) {
            throw new BackupFormatException("the file is empty");
        }
        createNodes(tx, nodes);
        createRelationships(tx, rels, "the last lines");
        if (end == null) {
            throw new BackupFormatException("the file ends before its end line: it was cut off");
        }
        if (end.path("nodes").asLong(-1) != nodeCount || end.path("relationships").asLong(-1) != relCount) {
            throw new BackupFormatException("the end line counts " + end.path("nodes").asLong() + " nodes and "
                    + end.path("relationships").asLong() + " relationships, the file holds " + nodeCount + " and "
                    + relCount);
        }
        long accounts = tx.run("MATCH (a:Account) RETURN count(a) AS n").single().get("n").asLong();
        return new Counts(accounts, nodeCount, relCount);
    }

    private static long number(JsonNode line, String field, String where) {
        JsonNode n = line.get(field);
        if (n == null || !n.canConvertToLong() || n.asLong() < 1) {
            throw new BackupFormatException(where + ": '" + field + "' must be a node number");
        }
        return n.asLong();
    }

    private static List<String> labels(JsonNode line, String where) {
        List<String> labels = new ArrayList<>();
        line.path("labels").forEach(l -> labels.add(l.asText()));
        if (labels.isEmpty() || labels.stream().anyMatch(l -> !NAME.matcher(l).matches())) {
            throw new BackupFormatException(where + ": 'labels' must be a list of label names");
        }
        return labels;
    }

    private static void createNodes(Transaction tx, List<Map<String, Object>> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        tx.run("""
                UNWIND $rows AS row
                CREATE (n:$(row.labels))
                SET n = row.properties, n:__Restoring, n.__number = row.number
                """, Map.of("rows", List.copyOf(nodes))).consume();
        nodes.clear();
    }

    private static void createRelationships(Transaction tx, List<Map<String, Object>> rels, String where) {
        if (rels.isEmpty()) {
            return;
        }
        long created = tx.run("""
                UNWIND $rows AS row
                MATCH (a:__Restoring {__number: row.from}), (b:__Restoring {__number: row.to})
                CREATE (a)-[r:$(row.type)]->(b)
                SET r = row.properties
                RETURN count(r) AS n
                """, Map.of("rows", List.copyOf(rels))).single().get("n").asLong();
        if (created != rels.size()) {
            throw new BackupFormatException(where + ": " + (rels.size() - created)
                    + " relationship(s) name a node number the file does not have");
        }
        rels.clear();
    }
}
