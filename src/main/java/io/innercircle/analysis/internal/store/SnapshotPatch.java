package io.innercircle.analysis.internal.store;

import io.innercircle.analysis.MapSnapshot;
import io.innercircle.analysis.MapSnapshot.ConflictLine;
import io.innercircle.analysis.MapSnapshot.Contact;
import io.innercircle.analysis.MapSnapshot.Deal;
import io.innercircle.analysis.MapSnapshot.InfluenceLine;
import io.innercircle.analysis.MapSnapshot.Involvement;
import io.innercircle.analysis.MapSnapshot.NextStep;
import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.MapSnapshot.ReportingLine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A snapshot brought up to date with what was read back at the people a write changed: every row at those people
 * is replaced by the rows read now, and each list is put in the order of {@link MapSnapshotReader#read}'s
 * {@code ORDER BY} (keys are ASCII, so Java's string order is Cypher's). The analysis must not see a difference
 * between the two: the order of the influence lines decides the order in which the sweep adds up betweenness.
 */
final class SnapshotPatch {

    private SnapshotPatch() {
    }

    /**
     * The patched snapshot, or empty when it cannot be made exactly: a changed row names an opportunity
     * {@code base} does not hold, or two rows share their sort key and at least one of them was read now (the whole
     * read would then leave their order to the database).
     */
    static Optional<MapSnapshot> apply(MapSnapshot base, Set<String> changed, long version, List<Person> people,
                                       List<ReportingLine> reports, List<InfluenceLine> influences,
                                       List<ConflictLine> conflicts, List<Contact> contacts,
                                       List<Map.Entry<String, Involvement>> involvements,
                                       List<Map.Entry<String, NextStep>> nextSteps) {
        Map<String, List<Involvement>> involvementsByDeal = byDeal(involvements);
        Map<String, List<NextStep>> nextStepsByDeal = byDeal(nextSteps);
        Set<String> deals = base.deals().stream().map(Deal::key).collect(Collectors.toSet());
        if (!deals.containsAll(involvementsByDeal.keySet()) || !deals.containsAll(nextStepsByDeal.keySet())) {
            return Optional.empty();
        }
        try {
            List<Deal> patchedDeals = new ArrayList<>(base.deals().size());
            for (Deal d : base.deals()) {
                patchedDeals.add(new Deal(d.key(), d.name(), d.stage(), d.amount(), d.currency(), d.closeDate(),
                        merge(d.involvements(), i -> changed.contains(i.stakeholder()),
                                involvementsByDeal.getOrDefault(d.key(), List.of()),
                                Comparator.comparing(Involvement::stakeholder)),
                        merge(d.nextSteps(), n -> changed.contains(n.stakeholder()),
                                nextStepsByDeal.getOrDefault(d.key(), List.of()),
                                Comparator.comparing(NextStep::stakeholder))));
            }
            return Optional.of(new MapSnapshot(base.accountKey(), version,
                    merge(base.people(), p -> changed.contains(p.key()), people, Comparator.comparing(Person::key)),
                    merge(base.reportingLines(), l -> changed.contains(l.person()) || changed.contains(l.manager()),
                            reports, Comparator.comparing(ReportingLine::person)),
                    merge(base.influenceLines(), l -> changed.contains(l.from()) || changed.contains(l.to()),
                            influences, Comparator.comparing(InfluenceLine::from).thenComparing(InfluenceLine::to)),
                    merge(base.conflictLines(), l -> changed.contains(l.a()) || changed.contains(l.b()), conflicts,
                            Comparator.comparing(ConflictLine::a).thenComparing(ConflictLine::b)),
                    merge(base.contacts(), c -> changed.contains(c.stakeholder()), contacts,
                            Comparator.comparing(Contact::teamMember).thenComparing(Contact::stakeholder)),
                    patchedDeals));
        } catch (Ambiguous e) {
            return Optional.empty();
        }
    }

    private static <T> Map<String, List<T>> byDeal(List<Map.Entry<String, T>> rows) {
        Map<String, List<T>> result = new HashMap<>();
        rows.forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return result;
    }

    /**
     * The base rows not at a changed person, in their order, plus the rows read now, sorted (stably) by the whole
     * read's order.
     */
    private static <T> List<T> merge(List<T> base, Predicate<T> atChanged, List<T> read, Comparator<T> order) {
        List<T> merged = new ArrayList<>(base.size() + read.size());
        for (T row : base) {
            if (!atChanged.test(row)) {
                merged.add(row);
            }
        }
        merged.addAll(read);
        merged.sort(order);
        Set<T> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        fresh.addAll(read);
        for (int i = 1; i < merged.size(); i++) {
            T a = merged.get(i - 1);
            T b = merged.get(i);
            if ((fresh.contains(a) || fresh.contains(b)) && order.compare(a, b) == 0) {
                throw new Ambiguous();
            }
        }
        return List.copyOf(merged);
    }

    /** Two rows the whole read would order as the database holds them. */
    private static final class Ambiguous extends RuntimeException {
        Ambiguous() {
            super(null, null, false, false);
        }
    }
}
