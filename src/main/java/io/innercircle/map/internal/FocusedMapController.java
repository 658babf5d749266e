package io.innercircle.map.internal;

import graphql.GraphQLContext;
import io.innercircle.map.FocusPeople;
import io.innercircle.map.FocusedMaps;
import io.innercircle.map.ItemId;
import io.innercircle.map.OpportunityReads;
import io.innercircle.map.PastMaps;
import io.innercircle.map.PoliticalMap;
import io.innercircle.api.InvalidInputException;
import io.innercircle.map.FocusedMaps.AccountShape;
import io.innercircle.map.FocusedMaps.Position;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code politicalMap} with its focus (the whole account, or only the people who matter to the deal, widened by
 * N influence lines), the account's shape for the overview, and the box positions the rep saved.
 */
@Controller
class FocusedMapController {

    static final int MAX_HOPS = 6;

    private final OpportunityReads opportunityReads;
    private final FocusedMaps focused;
    private final PastMaps pastMaps;
    private final FocusPeople focusPeople;

    FocusedMapController(OpportunityReads opportunityReads, FocusedMaps focused, PastMaps pastMaps,
                         FocusPeople focusPeople) {
        this.opportunityReads = opportunityReads;
        this.focused = focused;
        this.pastMaps = pastMaps;
        this.focusPeople = focusPeople;
    }

    /** The map with its focus; the record is what the PoliticalMap type's fields read. */
    @QueryMapping
    PoliticalMap politicalMap(@Argument String opportunity, @Argument OffsetDateTime asOf, @Argument String focus,
                              @Argument Integer hops, GraphQLContext context) {
        ItemId id = ItemId.parse("opportunity", opportunity);
        int widen = hops == null ? 0 : hops;
        if (widen < 0 || widen > MAX_HOPS) {
            throw new InvalidInputException("hops", "must be between 0 and " + MAX_HOPS + ", was " + widen);
        }
        if (focus == null || focus.equals("ALL")) {
            if (asOf != null) {
                return pastMaps.politicalMap(id, asOf).orElse(null);
            }
            PoliticalMap map = opportunityReads.politicalMap(id).orElse(null);
            if (map != null) {
                PoliticalMapResponses.noteRead(context, map.account().version(), map.people().size());
            }
            return map;
        }
        Optional<Set<String>> people = focusPeople.dealFocus(id, widen);
        if (people.isEmpty()) {
            return null;
        }
        return asOf == null ? focused.politicalMap(id, people.get()).orElse(null)
                : pastMaps.politicalMap(id, asOf).map(m -> FocusedMaps.restrict(m, people.get())).orElse(null);
    }

    @SchemaMapping(typeName = "PoliticalMap")
    AccountShape shape(PoliticalMap map) {
        return focused.shape(map);
    }

    /** Saved positions with the stakeholder's full id, as the page names its boxes. */
    @SchemaMapping(typeName = "PoliticalMap")
    List<Position> positions(PoliticalMap map) {
        String account = map.account().key();
        return focused.positions(new ItemId(account, map.opportunity().key())).values().stream()
                .map(p -> new Position(ItemId.of(account, p.stakeholder()), p.x(), p.y())).toList();
    }

    /** GraphQL {@code MapPositionInput}: where the rep left one box on the opportunity's map. */
    record MapPositionInput(String stakeholder, double x, double y) {}

    /** GraphQL {@code SavePositionsPayload}. */
    record SavePositionsPayload(int saved) {}

    @MutationMapping
    SavePositionsPayload saveMapPositions(@Argument String opportunity, @Argument List<MapPositionInput> positions,
                                          @Argument List<String> forget) {
        ItemId id = ItemId.parse("opportunity", opportunity);
        List<Position> moved = new ArrayList<>();
        List<MapPositionInput> given = positions == null ? List.of() : positions;
        for (int i = 0; i < given.size(); i++) {
            MapPositionInput p = given.get(i);
            ItemId person = ItemId.parse("positions[" + i + "].stakeholder", p.stakeholder());
            if (!person.account().equals(id.account())) {
                throw new InvalidInputException("positions[" + i + "].stakeholder",
                        "belongs to another account than the opportunity");
            }
            moved.add(new Position(person.key(), p.x(), p.y()));
        }
        List<String> forgotten = new ArrayList<>();
        for (String f : forget == null ? List.<String>of() : forget) {
            forgotten.add(ItemId.parse("forget", f).key());
        }
        return new SavePositionsPayload(focused.savePositions(id, moved, forgotten).size());
    }
}
