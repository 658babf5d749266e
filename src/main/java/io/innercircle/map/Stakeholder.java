package io.innercircle.map;

/**
 * A person in, or close to, the customer organization. {@code rank}, {@code influence} and {@code innerCircle}
 * are the rep's judgement and may be null (not judged). {@code reportsToKey} is the manager's key or null.
 */
public record Stakeholder(String account, String key, String name, String title, String department,
                          String adaptability, Integer rank, Integer influence, Boolean innerCircle,
                          boolean external, boolean placeholder, String businessAgenda, String personalAgenda,
                          String notes, String reportsToKey) {

    public String id() {
        return ItemId.of(account, key);
    }
}
