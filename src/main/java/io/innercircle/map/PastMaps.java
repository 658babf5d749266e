package io.innercircle.map;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Maps as they were at a moment, replayed from the history (implemented by the history feature). */
public interface PastMaps {

    /** The opportunity's political map as it was at {@code asOf}; empty when it did not exist then. */
    Optional<PoliticalMap> politicalMap(ItemId opportunity, OffsetDateTime asOf);
}
