package io.innercircle.map;

public record Competitor(String account, String key, String name) {

    public String id() {
        return ItemId.of(account, key);
    }
}
