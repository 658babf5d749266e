package io.innercircle.assessment;

import io.innercircle.assessment.internal.Answer;
import io.innercircle.assessment.internal.StrategyAdvice;
import io.innercircle.assessment.internal.StrategyChoice;
import io.innercircle.assessment.internal.StrategyQuestions;
import io.innercircle.assessment.internal.StrategyQuestionsInput;
import io.innercircle.assessment.internal.StrategyState;
import io.innercircle.assessment.internal.StrategyTree;
import io.innercircle.api.InvalidInputException;
import io.innercircle.api.NotFoundException;
import io.innercircle.map.AccountVersions;
import io.innercircle.map.Checks;
import io.innercircle.map.ItemId;
import io.innercircle.map.AccountReads;
import io.innercircle.map.OpportunityReads;
import io.innercircle.map.Opportunity;
import io.innercircle.vocabulary.CompetitiveStrategy;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the assessment and the strategy of opportunities. Graph model (see cypher/README.md): ratings
 * of us and of the primary competitor are {@code (:Opportunity)-[:HAS_RATING]->(:Rating)} as in the map bundle;
 * other competitors in the deal are {@code (:Opportunity)-[:ALSO_AGAINST {ratings}]->(:Competitor)}, their 20
 * ratings a list ("" for not rated); the answers to the tree's questions are properties of the opportunity;
 * every strategy choice is a {@code (:Opportunity)-[:CHOSE_STRATEGY]->(:StrategyChoice)}.
 *
 * <p>Every write is one transaction that ends by bumping the account's version ({@link AccountVersions}).
 */
@Service
@Transactional(readOnly = true)
public class AssessmentStore {

    static final List<String> QUESTION_PROPERTIES = List.of("canCreateCompellingEvent", "threeToOneAdvantage",
            "canChangeBuyingCriteria", "profitableSubset", "positionToProtect");

    private final Neo4jClient neo4j;
    private final AccountReads accountReads;
    private final OpportunityReads opportunityReads;
    private final AccountVersions versions;
    private final Clock clock;

    AssessmentStore(Neo4jClient neo4j, AccountReads accountReads, OpportunityReads opportunityReads,
                    AccountVersions versions, Clock clock) {
        this.neo4j = neo4j;
        this.accountReads = accountReads;
        this.opportunityReads = opportunityReads;
        this.versions = versions;
        this.clock = clock;
    }

    // ---- reads

    /** The assessments of many opportunities in one query; opportunities that do not exist are left out. */
    public Map<ItemId, Assessment> assessments(Collection<ItemId> opportunities) {
        Map<ItemId, Assessment> result = new HashMap<>();
        for (Map<String, Object> row : neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (o:Opportunity {account: id[0], key: id[1]})
                        RETURN id,
                          [(o)-[:AGAINST]->(c:Competitor) | c.key][0] AS primary,
                          COLLECT { MATCH (o)-[r:ALSO_AGAINST]->(c:Competitor)
                                    RETURN {key: c.key, ratings: properties(r).ratings}
                                    ORDER BY properties(r).since, c.key } AS others,
                          [(o)-[:HAS_RATING]->(x:Rating) | properties(x)] AS ratings""")
                .bind(ids(opportunities)).to("ids").fetch().all()) {
            @SuppressWarnings("unchecked")
            List<String> id = (List<String>) row.get("id");
            result.put(new ItemId(id.get(0), id.get(1)), assessment(row));
        }
        return result;
    }

    public Assessment assessment(ItemId opportunity) {
        return assessments(List.of(opportunity)).get(opportunity);
    }

    @SuppressWarnings("unchecked")
    private static Assessment assessment(Map<String, Object> row) {
        String primary = (String) row.get("primary");
        List<String> competitors = new ArrayList<>();
        Map<Criterion, Map<String, Rating>> them = new HashMap<>();
        Map<Criterion, Rating> us = new HashMap<>();
        Map<Criterion, String> notes = new HashMap<>();
        if (primary != null) {
            competitors.add(primary);
            for (Map<String, Object> other : (List<Map<String, Object>>) row.get("others")) {
                String key = (String) other.get("key");
                if (key.equals(primary)) {
                    continue;
                }
                competitors.add(key);
                List<String> ratings = other.get("ratings") == null ? List.of() : (List<String>) other.get("ratings");
                for (int i = 0; i < Math.min(ratings.size(), Criterion.COUNT); i++) {
                    Rating r = Rating.ofSymbol(ratings.get(i));
                    if (r != null) {
                        them.computeIfAbsent(Criterion.of(i + 1), c -> new HashMap<>()).put(key, r);
                    }
                }
            }
        }
        for (Map<String, Object> x : (List<Map<String, Object>>) row.get("ratings")) {
            Criterion c = Criterion.of(((Number) x.get("criterion")).intValue());
            us.put(c, Rating.ofSymbol((String) x.get("us")));
            notes.put(c, (String) x.get("note"));
            Rating primaryRating = Rating.ofSymbol((String) x.get("competitor"));
            if (primary != null && primaryRating != null) {
                them.computeIfAbsent(c, k -> new HashMap<>()).put(primary, primaryRating);
            }
        }
        Map<Criterion, Assessment.Entry> entries = new HashMap<>();
        for (Criterion c : Criterion.values()) {
            entries.put(c, new Assessment.Entry(us.get(c), them.getOrDefault(c, Map.of()), notes.get(c)));
        }
        return new Assessment(competitors, entries);
    }

    public Map<ItemId, StrategyState> strategies(Collection<ItemId> opportunities) {
        Map<ItemId, StrategyState> result = new HashMap<>();
        for (Map<String, Object> row : neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (o:Opportunity {account: id[0], key: id[1]})
                        RETURN id, properties(o) AS o,
                          COLLECT { MATCH (o)-[:CHOSE_STRATEGY]->(s:StrategyChoice)
                                    RETURN properties(s) AS s ORDER BY s.chosenAt DESC } AS choices""")
                .bind(ids(opportunities)).to("ids").fetch().all()) {
            @SuppressWarnings("unchecked")
            List<String> id = (List<String>) row.get("id");
            result.put(new ItemId(id.get(0), id.get(1)), strategyState(row));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static StrategyState strategyState(Map<String, Object> row) {
        Map<String, Object> o = (Map<String, Object>) row.get("o");
        List<Answer> answers = QUESTION_PROPERTIES.stream()
                .map(p -> o.get(p) == null ? null : Answer.valueOf((String) o.get(p))).toList();
        StrategyQuestions questions = new StrategyQuestions(answers.get(0), answers.get(1), answers.get(2),
                answers.get(3), answers.get(4));
        List<StrategyChoice> choices = ((List<Map<String, Object>>) row.get("choices")).stream()
                .map(s -> new StrategyChoice(CompetitiveStrategy.valueOf((String) s.get("strategy")),
                        (String) s.get("rationale"), (LocalDate) s.get("chosenOn"),
                        CompetitiveStrategy.valueOf((String) s.get("recommended")),
                        (List<String>) s.get("usThen"), (List<String>) s.get("themThen")))
                .toList();
        String current = (String) o.get("strategy");
        return new StrategyState(current == null ? null : CompetitiveStrategy.valueOf(current), questions, choices);
    }

    public StrategyState strategy(ItemId opportunity) {
        return strategies(List.of(opportunity)).get(opportunity);
    }

    // ---- writes

    /** One criterion's new ratings, a patch: a field left out is unchanged, an explicit null clears it. */
    public record RatingPatch(Criterion criterion, ArgumentValue<Rating> us, Map<ItemId, Rating> competitors,
                              ArgumentValue<String> note) {
    }

    @Transactional
    public Assessment rate(ItemId opportunity, List<RatingPatch> patches) {
        Opportunity o = requireOpportunity("input.opportunity", opportunity);
        Assessment current = assessment(opportunity);
        Set<Criterion> seen = new HashSet<>();
        for (int i = 0; i < patches.size(); i++) {
            RatingPatch p = patches.get(i);
            String field = "input.ratings[" + i + "]";
            if (!seen.add(p.criterion())) {
                throw new InvalidInputException(field + ".criterion", "criterion " + p.criterion().number()
                        + " is listed twice");
            }
            Checks.text(field + ".note", p.note().value());
            for (ItemId c : p.competitors().keySet()) {
                if (!c.account().equals(opportunity.account()) || !current.competitors().contains(c.key())) {
                    throw new InvalidInputException(field + ".competitors", "'" + c + "' is not a competitor in "
                            + "this deal" + (o.competitorKey() == null ? " (it has no primary competitor yet)"
                            : "; add it with addDealCompetitor"));
                }
            }
        }
        Map<String, List<String>> others = new LinkedHashMap<>();
        for (String k : current.competitors().subList(Math.min(1, current.competitors().size()),
                current.competitors().size())) {
            others.put(k, new ArrayList<>(current.competitorSymbols(k)));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RatingPatch p : patches) {
            Assessment.Entry e = current.entry(p.criterion());
            Rating us = p.us().isOmitted() ? e.us() : p.us().value();
            String note = p.note().isOmitted() ? e.note() : p.note().value();
            String primary = current.primaryCompetitor();
            Rating them = primary == null ? null : e.competitor(primary);
            for (Map.Entry<ItemId, Rating> c : p.competitors().entrySet()) {
                if (c.getKey().key().equals(primary)) {
                    them = c.getValue();
                } else {
                    others.get(c.getKey().key()).set(p.criterion().number() - 1, Rating.symbol(c.getValue()) == null
                            ? "" : c.getValue().symbol());
                }
            }
            Map<String, Object> row = new HashMap<>();
            row.put("criterion", p.criterion().number());
            row.put("us", Rating.symbol(us));
            row.put("competitor", Rating.symbol(them));
            row.put("note", note == null || note.isBlank() ? null : note);
            rows.add(row);
        }
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key})
                        UNWIND $rows AS row
                        MERGE (o)-[:HAS_RATING]->(r:Rating {account: $account, criterion: row.criterion})
                        SET r.us = row.us, r.competitor = row.competitor, r.note = row.note
                        WITH r WHERE r.us IS NULL AND r.competitor IS NULL AND r.note IS NULL
                        DETACH DELETE r""")
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key(), "rows", rows)).run();
        for (Map.Entry<String, List<String>> other : others.entrySet()) {
            neo4j.query("""
                            MATCH (o:Opportunity {account: $account, key: $key})-[r:ALSO_AGAINST]->
                                  (:Competitor {account: $account, key: $competitor})
                            SET r.ratings = $ratings""")
                    .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key(),
                            "competitor", other.getKey(), "ratings", other.getValue())).run();
        }
        versions.bumpKeepingStructure(opportunity.account());
        return assessment(opportunity);
    }

    @Transactional
    public Assessment addCompetitor(ItemId opportunity, ItemId competitor) {
        Opportunity o = requireOpportunity("opportunity", opportunity);
        requireCompetitor(opportunity, competitor);
        if (o.competitorKey() == null) {
            throw new InvalidInputException("opportunity", "the opportunity has no primary competitor yet; set it "
                    + "with updateOpportunity(competitor) first");
        }
        Assessment current = assessment(opportunity);
        if (current.competitors().contains(competitor.key())) {
            throw new InvalidInputException("competitor", "'" + competitor + "' is already in this deal");
        }
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key})
                        MATCH (c:Competitor {account: $account, key: $competitor})
                        CREATE (o)-[:ALSO_AGAINST {since: datetime(), ratings: $ratings}]->(c)""")
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key(),
                        "competitor", competitor.key(), "ratings", Collections.nCopies(Criterion.COUNT, "")))
                .run();
        versions.bumpKeepingStructure(opportunity.account());
        return assessment(opportunity);
    }

    @Transactional
    public Assessment removeCompetitor(ItemId opportunity, ItemId competitor) {
        requireOpportunity("opportunity", opportunity);
        requireCompetitor(opportunity, competitor);
        long removed = neo4j.query("""
                        MATCH (:Opportunity {account: $account, key: $key})-[r:ALSO_AGAINST]->
                              (:Competitor {account: $account, key: $competitor})
                        DELETE r RETURN count(r)""")
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key(),
                        "competitor", competitor.key()))
                .fetchAs(Long.class).one().orElse(0L);
        if (removed == 0) {
            throw new InvalidInputException("competitor", "'" + competitor + "' is not an added competitor of this "
                    + "deal (the primary competitor is changed with updateOpportunity)");
        }
        versions.bumpKeepingStructure(opportunity.account());
        return assessment(opportunity);
    }

    /** Sets the given answers (a patch: a question left out keeps its answer, null clears it). */
    @Transactional
    public void answerQuestions(ItemId opportunity, StrategyQuestionsInput input) {
        Map<String, Answer> answers = input.given();
        if (answers.isEmpty()) {
            throw new InvalidInputException("input", "answer at least one question");
        }
        requireOpportunity("input.opportunity", opportunity);
        Map<String, Object> props = new HashMap<>();
        answers.forEach((question, answer) -> props.put(question, answer == null ? null : answer.name()));
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key})
                        SET o += $props""")
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key()))
                .bind(props).to("props").run();
        versions.bumpKeepingStructure(opportunity.account());
    }

    /** Records the choice, with today's date, the tree's advice and the assessment now, and sets the strategy. */
    @Transactional
    public void choose(ItemId opportunity, CompetitiveStrategy strategy, String rationale) {
        requireOpportunity("input.opportunity", opportunity);
        if (rationale == null || rationale.isBlank()) {
            throw new InvalidInputException("input.rationale", "must say why this strategy was chosen");
        }
        Checks.longText("input.rationale", rationale);
        Assessment assessment = assessment(opportunity);
        StrategyAdvice advice = StrategyTree.advise(assessment, strategy(opportunity).questions());
        Map<String, Object> choice = new HashMap<>();
        choice.put("strategy", strategy.name());
        choice.put("rationale", rationale.strip());
        choice.put("chosenOn", LocalDate.now(clock).toString());
        choice.put("recommended", advice.recommended().name());
        choice.put("usThen", assessment.usSymbols());
        choice.put("themThen", assessment.competitorSymbols(assessment.primaryCompetitor()));
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key})
                        SET o.strategy = $choice.strategy
                        CREATE (o)-[:CHOSE_STRATEGY]->(s:StrategyChoice {account: $account})
                        SET s += $choice, s.chosenOn = date($choice.chosenOn), s.chosenAt = datetime()""")
                .bindAll(Map.of("account", opportunity.account(), "key", opportunity.key(), "choice", choice)).run();
        versions.bumpKeepingStructure(opportunity.account());
    }

    /**
     * The primary competitor changes from {@code from} to {@code to} (keys, either may be null): the ratings stay
     * with their competitor. The new primary's ratings, if it was already in the deal, become the primary
     * ratings; the old primary's, if it had any, stay in the deal as an added competitor. Runs inside the map
     * edit's transaction, which bumps the version.
     */
    public void primaryChanging(ItemId opportunity, String from, String to) {
        Assessment current = assessment(opportunity);
        List<String> old = current.competitorSymbols(from);
        List<String> incoming = to != null && current.competitors().contains(to)
                ? current.competitorSymbols(to) : Collections.nCopies(Criterion.COUNT, "");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < Criterion.COUNT; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("criterion", i + 1);
            row.put("competitor", incoming.get(i).isEmpty() ? null : incoming.get(i));
            rows.add(row);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("account", opportunity.account());
        params.put("key", opportunity.key());
        params.put("rows", rows);
        params.put("from", from);
        params.put("to", to);
        params.put("old", old);
        params.put("keepOld", from != null && old.stream().anyMatch(r -> !r.isEmpty()));
        neo4j.query("""
                        MATCH (o:Opportunity {account: $account, key: $key})
                        CALL (o) {
                          UNWIND $rows AS row
                          WITH o, row WHERE row.competitor IS NOT NULL
                          MERGE (o)-[:HAS_RATING]->(r:Rating {account: $account, criterion: row.criterion})
                        }
                        CALL (o) {
                          MATCH (o)-[:HAS_RATING]->(r:Rating)
                          WITH r, [x IN $rows WHERE x.criterion = r.criterion][0] AS row
                          SET r.competitor = row.competitor
                          WITH r WHERE r.us IS NULL AND r.competitor IS NULL AND r.note IS NULL
                          DETACH DELETE r
                        }
                        CALL (o) {
                          MATCH (o)-[a:ALSO_AGAINST]->(:Competitor {account: $account, key: $to}) DELETE a
                        }
                        CALL (o) {
                          MATCH (c:Competitor {account: $account, key: $from}) WHERE $keepOld
                          MERGE (o)-[a:ALSO_AGAINST]->(c)
                          ON CREATE SET a.since = datetime()
                          SET a.ratings = $old
                        }""")
                .bindAll(params).run();
    }

    private Opportunity requireOpportunity(String field, ItemId id) {
        return opportunityReads.opportunity(id)
                .orElseThrow(() -> new NotFoundException(field, "opportunity", id.toString()));
    }

    private void requireCompetitor(ItemId opportunity, ItemId competitor) {
        if (!competitor.account().equals(opportunity.account())) {
            throw new InvalidInputException("competitor", "'" + competitor + "' belongs to another account than '"
                    + opportunity.account() + "'");
        }
        if (accountReads.competitorsById(List.of(competitor)).isEmpty()) {
            throw new NotFoundException("competitor", "competitor", competitor.toString());
        }
    }

    private static List<List<String>> ids(Collection<ItemId> ids) {
        return ids.stream().distinct().map(i -> List.of(i.account(), i.key())).toList();
    }
}
