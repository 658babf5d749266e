package io.innercircle.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One opportunity's assessment: for each of the 20 criteria our rating, each competitor's rating and a note.
 * {@code competitors} are the keys of the competitors in the deal, the primary one first. A criterion nobody
 * rated yet has an empty entry.
 */
public record Assessment(List<String> competitors, Map<Criterion, Entry> entries) {

    /** Ratings of one criterion; a missing rating is null (not rated yet). */
    public record Entry(Rating us, Map<String, Rating> competitors, String note) {

        public static final Entry EMPTY = new Entry(null, Map.of(), null);

        public Entry {
            competitors = Map.copyOf(competitors);
        }

        public Rating competitor(String key) {
            return competitors.get(key);
        }
    }

    public Assessment {
        competitors = List.copyOf(competitors);
        Map<Criterion, Entry> all = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            all.put(c, entries.getOrDefault(c, Entry.EMPTY));
        }
        entries = all;
    }

    public Entry entry(Criterion criterion) {
        return entries.get(criterion);
    }

    public Rating us(Criterion criterion) {
        return entry(criterion).us();
    }

    public String primaryCompetitor() {
        return competitors.isEmpty() ? null : competitors.get(0);
    }

    /** Criteria rated ? (or not rated) for us or for any competitor in the deal, in criterion order. */
    public List<Criterion> unknowns() {
        List<Criterion> unknown = new ArrayList<>();
        for (Criterion c : Criterion.values()) {
            Entry e = entry(c);
            boolean any = unknown(e.us()) || competitors.stream().anyMatch(k -> unknown(e.competitor(k)));
            if (any) {
                unknown.add(c);
            }
        }
        return unknown;
    }

    /** Criteria explicitly rated ? for us or for a competitor: the information the plan must retrieve. */
    public List<Criterion> ratedUnknown() {
        return Arrays.stream(Criterion.values()).filter(c -> {
            Entry e = entry(c);
            return e.us() == Rating.UNKNOWN
                    || competitors.stream().anyMatch(k -> e.competitor(k) == Rating.UNKNOWN);
        }).toList();
    }

    private static boolean unknown(Rating r) {
        return r == null || r == Rating.UNKNOWN;
    }

    /** Our ratings as 20 symbols ("" when not rated): the form a strategy choice keeps as its snapshot. */
    public List<String> usSymbols() {
        return Arrays.stream(Criterion.values()).map(c -> symbol(us(c))).toList();
    }

    public List<String> competitorSymbols(String competitor) {
        return Arrays.stream(Criterion.values())
                .map(c -> competitor == null ? "" : symbol(entry(c).competitor(competitor))).toList();
    }

    private static String symbol(Rating r) {
        return r == null ? "" : r.symbol();
    }
}
