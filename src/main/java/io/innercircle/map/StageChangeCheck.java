package io.innercircle.map;

/**
 * Lets the feature that runs the sales process vet a change of an opportunity's stage made by a map edit
 * ({@code updateOpportunity}), without the map depending on that feature. Called inside the edit's transaction
 * before the stage is written; throwing {@link io.innercircle.api.InvalidInputException} refuses the whole edit.
 */
public interface StageChangeCheck {

    /** @param from the stage now, or null; @param to the new stage, or null when it is cleared */
    void stageChanging(ItemId opportunity, String from, String to);
}
