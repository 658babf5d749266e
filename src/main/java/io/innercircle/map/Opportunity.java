package io.innercircle.map;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A sales opportunity in the account; {@code competitorKey} is the primary competitor's key or null. */
public record Opportunity(String account, String key, String name, Double amount, String currency,
                          LocalDate closeDate, String stage, String competitorKey, String strategy, String goal,
                          String objective, OffsetDateTime archivedAt, String archivedBy) {

    /** An opportunity that is not archived. */
    public Opportunity(String account, String key, String name, Double amount, String currency,
                       LocalDate closeDate, String stage, String competitorKey, String strategy, String goal,
                       String objective) {
        this(account, key, name, amount, currency, closeDate, stage, competitorKey, strategy, goal, objective,
                null, null);
    }

    /** Archived opportunities are hidden from their account's list and the coach view until restored. */
    public boolean archived() {
        return archivedAt != null;
    }

    public String id() {
        return ItemId.of(account, key);
    }
}
