package io.innercircle.scenario.internal;

import io.innercircle.analysis.account.AnalysedAccount;
import io.innercircle.analysis.deal.DealContext;
import io.innercircle.analysis.health.HealthParameters;
import io.innercircle.analysis.health.Severity;
import io.innercircle.analysis.health.WarningCode;
import io.innercircle.analysis.innercircle.PersonInfluence;
import io.innercircle.analysis.strategy.DealStrategy;
import io.innercircle.analysis.strategy.Priority;
import io.innercircle.analysis.strategy.RelationshipStrategy;
import io.innercircle.analysis.strategy.StakeholderStrategy;
import io.innercircle.assessment.MapSuggestions;
import io.innercircle.assessment.MapSuggestions.Advice;
import io.innercircle.assessment.MapSuggestions.Suggestion;
import io.innercircle.assessment.Rating;
import io.innercircle.map.ItemId;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Today's map and the scenario's changed map analysed the same way, side by side, and what differs: per person,
 * per warning code, per suggested rating and for the strategy advice. Codes, ids and before/after values for
 * programs; one sentence per difference for people.
 */
final class Comparison {

    record PersonRef(String id, String key, String name) {}

    record WarningView(WarningCode code, Severity severity, List<PersonRef> people, String message) {}

    record StrategyView(PersonRef person, Status status, List<BuyingRole> roles, RelationshipStrategy strategy,
                        Priority priority, boolean keyPlayer, boolean innerCircle) {}

    record RatingView(int criterion, String name, Rating rating, List<String> reasons) {}

    record Results(List<PersonRef> innerCircle, List<PersonRef> candidates, List<WarningView> warnings,
                   List<StrategyView> strategies, List<RatingView> ratings, Advice advice) {}

    enum PersonChange { JOINED, LEFT, CANDIDATE, INNER_CIRCLE, INFLUENCE_LEVEL, STATUS, ROLES, STRATEGY, PRIORITY }

    record PersonDifference(PersonRef person, List<PersonChange> changed, Boolean candidateBefore,
                            Boolean candidateAfter, Boolean innerCircleBefore, Boolean innerCircleAfter,
                            Integer influenceLevelBefore, Integer influenceLevelAfter, Status statusBefore,
                            Status statusAfter, List<BuyingRole> rolesBefore, List<BuyingRole> rolesAfter,
                            RelationshipStrategy strategyBefore, RelationshipStrategy strategyAfter,
                            Priority priorityBefore, Priority priorityAfter, String description) {}

    enum DifferenceKind { NEW, GONE, CHANGED }

    record WarningDifference(WarningCode code, DifferenceKind change, Severity severityBefore, Severity severityAfter,
                             List<PersonRef> peopleBefore, List<PersonRef> peopleAfter, String description) {}

    record RatingDifference(int criterion, String name, Rating before, Rating after, boolean changed) {}

    record AdviceDifference(Advice before, Advice after, boolean changed) {}

    record View(long version, Results today, Results scenario, List<PersonDifference> people,
                List<WarningDifference> warnings, List<RatingDifference> ratings, AdviceDifference advice) {}

    /** One person's standing on one side; {@code onMap} false when they are not on that side's map. */
    private record Standing(boolean onMap, Boolean candidate, Boolean innerCircle, Integer level, Status status,
                            List<BuyingRole> roles, RelationshipStrategy strategy, Priority priority) {}

    private Comparison() {
    }

    static View of(AnalysedAccount today, AnalysedAccount changed, ItemId opportunity, LocalDate day,
                   MapSuggestions suggestions) {
        String account = opportunity.account();
        Function<String, PersonRef> names = key -> new PersonRef(ItemId.of(account, key), key,
                today.network().contains(key) ? today.network().name(key)
                        : changed.network().contains(key) ? changed.network().name(key) : key);
        Results before = results(today, opportunity, day, suggestions, names);
        Results after = results(changed, opportunity, day, suggestions, names);
        return new View(today.version(), before, after, people(today, changed, opportunity.key(), names),
                warnings(before, after), ratings(before, after),
                new AdviceDifference(before.advice(), after.advice(), !before.advice().equals(after.advice())));
    }

    private static Results results(AnalysedAccount a, ItemId opportunity, LocalDate day, MapSuggestions suggestions,
                                   Function<String, PersonRef> names) {
        String deal = opportunity.key();
        List<PersonRef> circle = a.innerCircle().people().stream().filter(PersonInfluence::treatedAsInnerCircle)
                .map(p -> names.apply(p.key())).toList();
        List<PersonRef> candidates = a.innerCircle().candidates().stream().map(p -> names.apply(p.key())).toList();
        List<WarningView> warnings = a.health(deal, HealthParameters.asOf(day)).warnings().stream()
                .map(w -> new WarningView(w.code(), w.severity(), w.people().stream().map(names).toList(),
                        w.message()))
                .toList();
        List<StrategyView> strategies = a.strategy(deal).stakeholders().stream()
                .map(s -> new StrategyView(names.apply(s.key()), s.status(), s.roles(), s.strategy(), s.priority(),
                        s.keyPlayer(), s.innerCircle()))
                .toList();
        List<Suggestion> suggested = suggestions.suggest(a, deal);
        List<RatingView> ratings = suggested.stream().map(s -> new RatingView(s.criterion().number(),
                s.criterion().title(), s.rating(), s.reasons())).toList();
        return new Results(circle, candidates, warnings, strategies, ratings, suggestions.advice(opportunity, suggested));
    }

    private static List<PersonDifference> people(AnalysedAccount today, AnalysedAccount changed, String deal,
                                                  Function<String, PersonRef> names) {
        TreeSet<String> keys = new TreeSet<>(today.network().people().keySet());
        keys.addAll(changed.network().people().keySet());
        // The deal's context and strategies once per side: each is computed over the whole deal.
        DealContext todayDeal = today.deal(deal);
        DealContext changedDeal = changed.deal(deal);
        DealStrategy todayStrategy = today.strategy(deal);
        DealStrategy changedStrategy = changed.strategy(deal);
        List<PersonDifference> result = new ArrayList<>();
        for (String key : keys) {
            Standing b = standing(today, todayDeal, todayStrategy, key);
            Standing a = standing(changed, changedDeal, changedStrategy, key);
            List<PersonChange> changes = new ArrayList<>();
            List<String> words = new ArrayList<>();
            if (b.onMap() != a.onMap()) {
                changes.add(a.onMap() ? PersonChange.JOINED : PersonChange.LEFT);
                words.add(a.onMap() ? "joins" : "leaves");
            }
            if (b.onMap() && a.onMap()) {
                flag(changes, words, PersonChange.CANDIDATE, b.candidate(), a.candidate(), "candidate");
                flag(changes, words, PersonChange.INNER_CIRCLE, b.innerCircle(), a.innerCircle(), "Inner Circle");
                value(changes, words, PersonChange.INFLUENCE_LEVEL, b.level(), a.level(), "influence");
                value(changes, words, PersonChange.STATUS, b.status(), a.status(), "status");
                value(changes, words, PersonChange.ROLES, b.roles(), a.roles(), "roles");
                value(changes, words, PersonChange.STRATEGY, b.strategy(), a.strategy(), "strategy");
                value(changes, words, PersonChange.PRIORITY, b.priority(), a.priority(), "priority");
            }
            if (!changes.isEmpty()) {
                PersonRef person = names.apply(key);
                result.add(new PersonDifference(person, changes, b.candidate(), a.candidate(), b.innerCircle(),
                        a.innerCircle(), b.level(), a.level(), b.status(), a.status(), b.roles(), a.roles(),
                        b.strategy(), a.strategy(), b.priority(), a.priority(),
                        person.name() + ": " + String.join("; ", words)));
            }
        }
        return result;
    }

    private static Standing standing(AnalysedAccount a, DealContext context, DealStrategy strategy, String key) {
        if (!a.network().contains(key)) {
            return new Standing(false, null, null, null, null, List.of(), null, null);
        }
        PersonInfluence p = a.innerCircle().require(key);
        StakeholderStrategy s = strategy.stakeholder(key).orElse(null);
        List<BuyingRole> roles = context.roles(key).stream().sorted().toList();
        return new Standing(true, p.candidate(), p.treatedAsInnerCircle(), p.computedLevel(), context.status(key),
                roles, s == null ? null : s.strategy(), s == null ? null : s.priority());
    }

    private static void flag(List<PersonChange> changes, List<String> words, PersonChange kind, Boolean before,
                             Boolean after, String what) {
        if (!Objects.equals(before, after)) {
            changes.add(kind);
            words.add(Boolean.TRUE.equals(after) ? "not " + what + " → " + what : what + " → not");
        }
    }

    private static void value(List<PersonChange> changes, List<String> words, PersonChange kind, Object before,
                              Object after, String what) {
        if (!Objects.equals(before, after)) {
            changes.add(kind);
            words.add(what + " " + word(before) + " → " + word(after));
        }
    }

    private static String word(Object value) {
        if (value == null) {
            return "none";
        }
        return value instanceof List<?> list ? (list.isEmpty() ? "none" : list.stream().map(String::valueOf)
                .collect(Collectors.joining(", "))) : String.valueOf(value);
    }

    private static List<WarningDifference> warnings(Results before, Results after) {
        Map<WarningCode, List<WarningView>> b = byCode(before.warnings());
        Map<WarningCode, List<WarningView>> a = byCode(after.warnings());
        List<WarningDifference> result = new ArrayList<>();
        for (WarningCode code : WarningCode.values()) {
            List<WarningView> was = b.getOrDefault(code, List.of());
            List<WarningView> is = a.getOrDefault(code, List.of());
            if (was.isEmpty() && is.isEmpty()) {
                continue;
            }
            List<PersonRef> peopleBefore = people(was);
            List<PersonRef> peopleAfter = people(is);
            Severity severityBefore = worst(was);
            Severity severityAfter = worst(is);
            DifferenceKind kind;
            String words;
            if (was.isEmpty()) {
                kind = DifferenceKind.NEW;
                words = "new";
            } else if (is.isEmpty()) {
                kind = DifferenceKind.GONE;
                words = "gone";
            } else if (!new TreeSet<>(keys(peopleBefore)).equals(new TreeSet<>(keys(peopleAfter)))
                    || severityBefore != severityAfter || was.size() != is.size()) {
                kind = DifferenceKind.CHANGED;
                words = "now " + (peopleAfter.isEmpty() ? "about nobody in particular"
                        : "about " + peopleAfter.stream().map(PersonRef::name).collect(Collectors.joining(", ")))
                        + (peopleBefore.isEmpty() ? "" : " (was " + peopleBefore.stream().map(PersonRef::name)
                        .collect(Collectors.joining(", ")) + ")");
            } else {
                continue;
            }
            result.add(new WarningDifference(code, kind, severityBefore, severityAfter, peopleBefore, peopleAfter,
                    code + ": " + words));
        }
        return result;
    }

    private static Map<WarningCode, List<WarningView>> byCode(List<WarningView> warnings) {
        Map<WarningCode, List<WarningView>> map = new LinkedHashMap<>();
        warnings.forEach(w -> map.computeIfAbsent(w.code(), c -> new ArrayList<>()).add(w));
        return map;
    }

    private static List<PersonRef> people(List<WarningView> warnings) {
        Map<String, PersonRef> people = new LinkedHashMap<>();
        warnings.forEach(w -> w.people().forEach(p -> people.putIfAbsent(p.key(), p)));
        return List.copyOf(people.values());
    }

    private static List<String> keys(List<PersonRef> people) {
        return people.stream().map(PersonRef::key).toList();
    }

    private static Severity worst(List<WarningView> warnings) {
        return warnings.stream().map(WarningView::severity).min(Enum::compareTo).orElse(null);
    }

    private static List<RatingDifference> ratings(Results before, Results after) {
        Map<Integer, RatingView> b = before.ratings().stream()
                .collect(Collectors.toMap(RatingView::criterion, r -> r, (x, y) -> x, LinkedHashMap::new));
        Map<Integer, RatingView> a = after.ratings().stream()
                .collect(Collectors.toMap(RatingView::criterion, r -> r, (x, y) -> x, LinkedHashMap::new));
        TreeSet<Integer> criteria = new TreeSet<>(b.keySet());
        criteria.addAll(a.keySet());
        List<RatingDifference> result = new ArrayList<>();
        for (Integer c : criteria) {
            RatingView was = b.get(c);
            RatingView is = a.get(c);
            Rating rb = was == null ? null : was.rating();
            Rating ra = is == null ? null : is.rating();
            result.add(new RatingDifference(c, (was != null ? was : is).name(), rb, ra, rb != ra));
        }
        return result;
    }
}
