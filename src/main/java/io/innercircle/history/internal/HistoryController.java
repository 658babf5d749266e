package io.innercircle.history.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.map.ItemId;
import io.innercircle.map.Page;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code changes} and {@code stakeholderTrend} (graphql-schema/history.graphqls). Access is checked before these
 * run, on their ID arguments, like every other field; everything they return belongs to that one account.
 */
@Controller
class HistoryController {

    record ChangeSetView(String account, long version, OffsetDateTime at, String by,
                         List<Wording.Described> changes) {}

    private final History history;

    HistoryController(History history) {
        this.history = history;
    }

    @QueryMapping
    Page<ChangeSetView> changes(@Argument String account, @Argument String opportunity,
                                @Argument OffsetDateTime from, @Argument OffsetDateTime to,
                                @Argument Integer first, @Argument String after) {
        ItemId deal = opportunity == null ? null : ItemId.parse("opportunity", opportunity);
        if (account == null && deal == null) {
            throw new InvalidInputException("account", "give an account or an opportunity");
        }
        if (account != null && deal != null && !account.equals(deal.account())) {
            throw new InvalidInputException("opportunity", "'" + opportunity + "' is not in account '" + account + "'");
        }
        String key = deal != null ? deal.account() : account;
        Map<String, String> names = names(key);
        List<ChangeSetView> sets = new ArrayList<>();
        for (History.StoredChangeSet set : history.changeSets(key, from, to, true)) {
            // Names as they were in this change, where it has them (a removed person keeps their name).
            set.entries().forEach(e -> remember(names, e.before()));
            set.entries().forEach(e -> remember(names, e.after()));
            List<Wording.Described> described = new ArrayList<>();
            for (ChangeEntry e : set.entries()) {
                if (deal == null || concerns(e, deal.key())) {
                    described.addAll(Wording.describe(key, e, set.at(), set.by(),
                            id -> names.getOrDefault(id, Fact.keyOf(id))));
                }
            }
            if (!described.isEmpty()) {
                sets.add(new ChangeSetView(key, set.version(), set.at(), set.by(), described));
            }
        }
        return Page.ofPositions(sets, first, after);
    }

    @QueryMapping
    List<History.TrendPoint> stakeholderTrend(@Argument String stakeholder, @Argument String opportunity,
                                              @Argument OffsetDateTime from, @Argument OffsetDateTime to) {
        ItemId person = ItemId.parse("stakeholder", stakeholder);
        ItemId deal = opportunity == null ? null : ItemId.parse("opportunity", opportunity);
        if (deal != null && !deal.account().equals(person.account())) {
            throw new InvalidInputException("opportunity", "'" + opportunity + "' is not in the account of '"
                    + stakeholder + "'");
        }
        return history.trend(person, deal, from, to);
    }

    private Map<String, String> names(String account) {
        Map<String, String> names = new HashMap<>();
        history.current(account).values().forEach(f -> remember(names, f));
        return names;
    }

    private static void remember(Map<String, String> names, Fact f) {
        if (f != null && !f.isRelationship() && f.props().get("name") != null) {
            names.put(f.id(), String.valueOf(f.props().get("name")));
        }
    }

    /**
     * Whether a change belongs to one opportunity's map: the opportunity itself and what hangs off it, and the
     * account's people, lines and team (every opportunity's map draws them); not other opportunities' things.
     */
    private static boolean concerns(ChangeEntry e, String opportunityKey) {
        Fact f = e.after() != null ? e.after() : e.before();
        String mine = Fact.nodeId("Opportunity", opportunityKey);
        if (f.isRelationship()) {
            boolean touchesOpportunity = f.from().startsWith("Opportunity:") || f.to().startsWith("Opportunity:");
            return !touchesOpportunity || f.from().equals(mine) || f.to().equals(mine);
        }
        if (f.type().equals("Opportunity")) {
            return f.id().equals(mine);
        }
        if (f.owner() != null && f.owner().startsWith("Opportunity:")) {
            return f.owner().equals(mine);
        }
        Object owner = f.props().get("opportunity");
        return owner == null || owner.equals(opportunityKey);
    }
}
