package io.innercircle.bundle;

/**
 * The imported account as the GraphQL {@code Account} type needs it (its scalar fields, id = key).
 *
 * <p>The map feature is writing {@code io.innercircle.map.Account} with the same components; once it is on
 * main this record should give way to it, so that {@code Account}'s field resolvers (stakeholders, ...) also
 * work on the account an import returns.
 */
public record BundleAccount(String key, String name, String industry, String notes, long version) {

    public String id() {
        return key;
    }
}
