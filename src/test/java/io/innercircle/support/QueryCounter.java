package io.innercircle.support;

import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.gqlstatus.ErrorGqlStatusObject;
import org.neo4j.kernel.api.query.ExecutingQuery;
import org.neo4j.kernel.impl.query.QueryExecutionMonitor;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.Monitors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts the Cypher queries the database itself executes, seen from inside Neo4j (a kernel monitor), so a test
 * of "how many queries does this GraphQL request cost" does not depend on the app's own bookkeeping.
 */
public final class QueryCounter implements QueryExecutionMonitor {

    private static QueryCounter instance;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    private QueryCounter() {
    }

    public static synchronized QueryCounter get() {
        if (instance == null) {
            instance = new QueryCounter();
            ((GraphDatabaseAPI) Neo4jHarness.database()).getDependencyResolver()
                    .resolveDependency(Monitors.class).addMonitorListener(instance);
        }
        return instance;
    }

    public void reset() {
        queries.clear();
    }

    /** The queries run since the last reset, without the driver's own housekeeping (routing, bookmarks). */
    public List<String> queries() {
        return queries.stream().filter(q -> !q.startsWith("CALL dbms.") && !q.startsWith("SHOW ")).toList();
    }

    @Override
    public void startProcessing(ExecutingQuery query) {
    }

    @Override
    public void startExecution(ExecutingQuery query) {
        queries.add(query.rawQueryText().strip());
    }

    @Override
    public void endFailure(ExecutingQuery query, Throwable failure) {
    }

    @Override
    public void endFailure(ExecutingQuery query, String reason, Status status, ErrorGqlStatusObject gqlStatus) {
    }

    @Override
    public void endSuccess(ExecutingQuery query) {
    }
}
