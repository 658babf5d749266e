package io.innercircle.map;

/**
 * Published inside the transaction that purges an archived opportunity, before it commits: features that keep
 * items of their own for an opportunity (what-if scenarios) delete them there, so that nothing of the purged deal
 * is left over, or reappears on a later opportunity given the same key. A listener that throws rolls the purge back.
 */
public record OpportunityPurged(ItemId opportunity) {}
