package io.innercircle.map;

/** How an account's people are listed: by key, or by the stored analysis' computed influence, strongest first. */
public enum StakeholderOrder {
    KEY,
    COMPUTED_INFLUENCE
}
