package io.innercircle.map;

/** One of our people working the account. */
public record TeamMember(String account, String key, String name, String role) {

    public String id() {
        return ItemId.of(account, key);
    }
}
