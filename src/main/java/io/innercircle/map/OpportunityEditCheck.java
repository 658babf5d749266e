package io.innercircle.map;

/**
 * Lets the features built on an opportunity (its assessment, its sales process) vet or follow an edit of the
 * opportunity made through {@code updateOpportunity}, without the map depending on them. Called inside the
 * edit's transaction before the change is written; throwing {@link io.innercircle.api.InvalidInputException}
 * refuses the whole edit.
 */
public interface OpportunityEditCheck {

    /** @param from the stage now, or null; @param to the new stage, or null when it is cleared */
    default void stageChanging(ItemId opportunity, String from, String to) {
    }

    /** @param from key of the primary competitor now, or null; @param to the new one's key, or null */
    default void primaryCompetitorChanging(ItemId opportunity, String from, String to) {
    }
}
