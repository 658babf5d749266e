package io.innercircle.map;

import java.util.Optional;
import java.util.Set;

/**
 * Who a deal-focused map shows (implemented by the analysis feature, which knows the Inner Circle candidates and
 * the routes from our allies; the map must not depend on it).
 */
public interface FocusPeople {

    /**
     * Keys of the people a deal-focused map of the opportunity draws, widened by {@code hops} influence lines in
     * either direction; empty when there is no such opportunity.
     */
    Optional<Set<String>> dealFocus(ItemId opportunity, int hops);
}
