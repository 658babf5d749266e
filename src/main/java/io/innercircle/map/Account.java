package io.innercircle.map;

/** A customer account: the unit that owns a political map. Its id is its key. */
public record Account(String key, String name, String industry, String notes, long version) {

    public String id() {
        return key;
    }
}
