package io.innercircle.map;

import java.time.LocalDate;

/** A sales opportunity in the account; {@code competitorKey} is the primary competitor's key or null. */
public record Opportunity(String account, String key, String name, Double amount, String currency,
                          LocalDate closeDate, String stage, String competitorKey, String strategy, String goal,
                          String objective) {

    public String id() {
        return ItemId.of(account, key);
    }
}
