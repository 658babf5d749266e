package io.innercircle.analysis.internal.store;

import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.analysis.health.HealthWarning;
import io.innercircle.analysis.innercircle.Measure;
import io.innercircle.analysis.innercircle.PersonInfluence;
import io.innercircle.analysis.MapSnapshot;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Writes an account's analysis next to its map, tagged with the account version it was computed from:
 * one {@code (:StakeholderAnalysis)} per person, one {@code (:HealthWarning)} per warning of each opportunity,
 * and one {@code (:AnalysisState {account, version, asOf})} that says which version they reflect.
 *
 * <p>The write is conditional and safe across app instances: it first takes the write lock on the account's
 * {@code AnalysisState} (a {@code SET}), and only then compares versions, so two instances refreshing at once
 * serialise on that lock and the one holding the older version writes nothing. Nothing here touches the map
 * itself, so the lock order of map writes (account first) is never crossed.
 */
@Component
public class AnalysisStore {

    /** Which version of an account the stored analysis reflects, and on which day the health was checked. */
    public record State(String account, long version, LocalDate asOf) {}

    private final Neo4jClient neo4j;

    public AnalysisStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Stores the analysis unless a result as new or newer is already stored.
     *
     * <p>The people's results are rewritten only when they may differ from the stored ones: when the analysis
     * computed its centralities, or reused them from a version other than the stored one.
     *
     * @return true when written, false when a newer version, or the same one as of today, was already there
     */
    @Transactional
    public boolean write(AnalysedAccount analysis, LocalDate today) {
        return write(analysis, today, () -> false);
    }

    /**
     * A write that gives way: {@code superseded} is asked before each slice of {@value #ROWS_PER_SLICE} people or
     * warnings and each opportunity's health check, and when it answers true the write stops with {@link Superseded}
     * and its transaction rolls back, leaving the stored analysis as it was. The background refresher uses it so
     * that storing an analysis that a newer edit is about to replace does not take the cores from that newer edit's
     * analysis.
     */
    @Transactional
    public boolean write(AnalysedAccount analysis, LocalDate today, BooleanSupplier superseded) {
        AccountNetwork network = analysis.network();
        MapSnapshot source = network.source();
        String account = source.accountKey();
        long version = source.version();
        // SET first: the lock is taken before the versions are read, so they are the latest committed ones.
        Map<String, Object> stored = neo4j.query("""
                        MERGE (s:AnalysisState {account: $account})
                        SET s.locked = true
                        REMOVE s.locked
                        RETURN s.version AS version, s.peopleVersion AS peopleVersion, s.asOf AS asOf
                        """)
                .bind(account).to("account").fetch().one().orElseThrow();
        Long storedVersion = (Long) stored.get("version");
        LocalDate storedAsOf = (LocalDate) stored.get("asOf");
        // The same version is written again on a later day: the warnings count days (a contact goes stale), and a
        // state left at yesterday would send every coverageGaps call to re-analyse the account.
        boolean sameVersionLaterDay = storedVersion != null && storedVersion == version
                && (storedAsOf == null || storedAsOf.isBefore(today));
        if (storedVersion != null && storedVersion >= version && !sameVersionLaterDay) {
            return false;
        }
        Long peopleVersion = (Long) stored.get("peopleVersion");
        boolean rewritePeople = peopleVersion == null || analysis.reusedFrom() != peopleVersion;
        if (rewritePeople) {
            writePeople(account, version, analysis, superseded);
        }
        writeWarnings(account, version, analysis, today, superseded);
        giveWayIf(superseded);
        neo4j.query("""
                        MATCH (s:AnalysisState {account: $account})
                        SET s.version = $version, s.asOf = $asOf, s.people = $people,
                            s.peopleVersion = CASE WHEN $rewritePeople THEN $version ELSE s.peopleVersion END
                        """)
                .bindAll(Map.of("account", account, "version", version, "asOf", today,
                        "people", network.size(), "rewritePeople", rewritePeople))
                .run();
        return true;
    }

    /** Thrown by a write that gave way to a newer analysis; its transaction rolls back. */
    public static final class Superseded extends RuntimeException {
        Superseded() {
            super("The analysis being stored is about to be replaced by a newer one", null, false, false);
        }
    }

    /** People (or warnings) written per statement: few enough that a write gives way within a fraction of a second. */
    static final int ROWS_PER_SLICE = 500;

    private static void giveWayIf(BooleanSupplier superseded) {
        if (superseded.getAsBoolean()) {
            throw new Superseded();
        }
    }

    /**
     * Runs {@code cypher} once per slice of {@value #ROWS_PER_SLICE} rows (bound as {@code $rows}, beside
     * {@code parameters}), asking {@code superseded} before each.
     */
    private void runInSlices(String cypher, Map<String, Object> parameters, List<Map<String, Object>> rows,
                             BooleanSupplier superseded) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_SLICE) {
            giveWayIf(superseded);
            Map<String, Object> slice = new HashMap<>(parameters);
            slice.put("rows", rows.subList(from, Math.min(rows.size(), from + ROWS_PER_SLICE)));
            neo4j.query(cypher).bindAll(slice).run();
        }
    }

    private void writePeople(String account, long version, AnalysedAccount analysis, BooleanSupplier superseded) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PersonInfluence p : analysis.innerCircle().people()) {
            Map<String, Object> row = new HashMap<>();
            row.put("key", p.key());
            row.put("computedInfluence", p.computedInfluence());
            row.put("computedLevel", p.computedLevel());
            row.put("band", p.band().name());
            row.put("candidate", p.candidate());
            row.put("innerCircle", p.treatedAsInnerCircle());
            row.put("measureKinds", p.measures().stream().map(m -> m.kind().name()).toList());
            row.put("measureValues", p.measures().stream().map(Measure::value).toList());
            row.put("measurePercentiles", p.measures().stream().map(Measure::percentile).toList());
            rows.add(row);
        }
        neo4j.query("""
                        MATCH (p:StakeholderAnalysis {account: $account})
                        WHERE NOT p.key IN $keys
                        DETACH DELETE p
                        """)
                .bindAll(Map.of("account", account, "keys", rows.stream().map(r -> r.get("key")).toList())).run();
        runInSlices("""
                        UNWIND $rows AS row
                        MERGE (p:StakeholderAnalysis {account: $account, key: row.key})
                        SET p += row, p.analysisVersion = $version
                        """, Map.of("account", account, "version", version), rows, superseded);
    }

    private void writeWarnings(String account, long version, AnalysedAccount analysis, LocalDate today,
                               BooleanSupplier superseded) {
        AccountNetwork network = analysis.network();
        List<Map<String, Object>> rows = new ArrayList<>();
        HealthParameters parameters = HealthParameters.asOf(today);
        for (MapSnapshot.Deal deal : network.deals().values()) {
            giveWayIf(superseded);
            int position = 0;
            for (HealthWarning w : analysis.health(deal.key(), parameters).warnings()) {
                Map<String, Object> row = new HashMap<>();
                row.put("opportunity", deal.key());
                row.put("position", position++);
                row.put("code", w.code().name());
                row.put("severity", w.severity().name());
                row.put("severityRank", w.severity().ordinal());
                row.put("rank", rank(w.severity().ordinal(), deal.amount(), account, deal.key(), w.code().name(),
                        position - 1));
                row.put("amount", deal.amount());
                row.put("stage", deal.stage());
                row.put("people", w.people());
                row.put("peopleNames", w.people().stream()
                        .map(k -> network.contains(k) ? network.name(k) : k).toList());
                row.put("message", w.message());
                rows.add(row);
            }
        }
        // Updated in place, not deleted and created again: under read committed, a coach's coverageGaps read that
        // meets a warning deleted by an overlapping refresh fails ("got deleted by an overlapping committed
        // transaction"); one that meets a warning being updated reads it whole, before or after. Only warnings
        // that no longer exist are deleted. Refreshes of one account are serialised on its AnalysisState.
        runInSlices("""
                        CALL () { MATCH (t:TeamMember {account: $account}) RETURN collect(t.key) AS teamMembers }
                        UNWIND $rows AS row
                        MERGE (w:HealthWarning {account: $account, opportunity: row.opportunity,
                                                position: row.position})
                        SET w += row, w.teamMembers = teamMembers, w.analysisVersion = $version, w.asOf = $asOf
                        """, Map.of("account", account, "version", version, "asOf", today), rows, superseded);
        giveWayIf(superseded);
        neo4j.query("""
                        MATCH (w:HealthWarning {account: $account})
                        WHERE NOT [w.opportunity, w.position] IN $kept
                        DETACH DELETE w
                        """)
                .bindAll(Map.of("account", account, "kept",
                        rows.stream().map(r -> List.of(r.get("opportunity"), r.get("position"))).toList()))
                .run();
        writeWarningCounts(account, rows);
    }

    /**
     * How many warnings of each severity each opportunity has, so that a coach's unfiltered total is a sum over
     * opportunities rather than a count of every warning (which grew with the portfolio). Updated in place, as the
     * warnings are, so an overlapping read never meets a deleted count.
     */
    private void writeWarningCounts(String account, List<Map<String, Object>> warnings) {
        Map<Object, int[]> bySeverity = new java.util.LinkedHashMap<>();
        for (Map<String, Object> w : warnings) {
            bySeverity.computeIfAbsent(w.get("opportunity"), o -> new int[3])[(Integer) w.get("severityRank")]++;
        }
        List<Map<String, Object>> counts = bySeverity.entrySet().stream()
                .map(e -> Map.<String, Object>of("opportunity", e.getKey(), "high", e.getValue()[0],
                        "medium", e.getValue()[1], "low", e.getValue()[2]))
                .toList();
        neo4j.query("""
                        UNWIND $counts AS row
                        MERGE (c:WarningCount {account: $account, opportunity: row.opportunity})
                        SET c.high = row.high, c.medium = row.medium, c.low = row.low
                        WITH collect(row.opportunity) AS kept
                        CALL (kept) {
                          MATCH (c:WarningCount {account: $account}) WHERE NOT c.opportunity IN kept DETACH DELETE c
                        }
                        """)
                .bindAll(Map.of("account", account, "counts", counts)).run();
    }

    /**
     * The coach's order of warnings as one string, so that a page is read from an index in order and the read stops
     * after the page (its cost does not grow with the number of accounts): most severe first, then largest amount
     * (no amount as 0), then opportunity id, code and position, exactly as {@link StoredWarnings} sorted them
     * before. The space separators sort before every character a key or a code may hold.
     */
    static String rank(int severityRank, Double amount, String account, String opportunity, String code,
                       int position) {
        double value = amount == null || amount == 0.0 ? 0.0 : amount;
        long bits = Double.doubleToLongBits(value);
        // Doubles ordered as unsigned longs (negative ones flipped), then inverted for the largest first.
        long ascending = (bits ^ ((bits >> 63) & Long.MAX_VALUE)) ^ Long.MIN_VALUE;
        String descending = Long.toHexString(~ascending);
        return severityRank + "0".repeat(16 - descending.length()) + descending + account + "/" + opportunity
                + " " + code + " " + "%06d".formatted(position);
    }

    /** How many people the account's map has now (as the current transaction sees it). */
    public long people(String account) {
        return neo4j.query("MATCH (s:Stakeholder {account: $account}) RETURN count(s)").bind(account).to("account")
                .fetchAs(Long.class).one().orElse(0L);
    }

    /** What is stored for each account (version reflected, day checked). */
    @Transactional(readOnly = true)
    public Map<String, State> states() {
        Map<String, State> states = new HashMap<>();
        neo4j.query("MATCH (s:AnalysisState) WHERE s.version IS NOT NULL RETURN s.account AS account, "
                        + "s.version AS version, s.asOf AS asOf")
                .fetch().all().forEach(r -> states.put((String) r.get("account"), new State((String) r.get("account"),
                        (Long) r.get("version"), (LocalDate) r.get("asOf"))));
        return states;
    }

    @Transactional(readOnly = true)
    public Optional<State> state(String account) {
        return neo4j.query("MATCH (s:AnalysisState {account: $account}) WHERE s.version IS NOT NULL "
                        + "RETURN s.version AS version, s.asOf AS asOf")
                .bind(account).to("account")
                .fetchAs(State.class).mappedBy((t, r) -> new State(account, r.get("version").asLong(),
                        r.get("asOf").asLocalDate())).one();
    }
}
