package io.innercircle.map;

import java.time.OffsetDateTime;

/** A customer account: the unit that owns a political map. Its id is its key. */
public record Account(String key, String name, String industry, String notes, long version,
                      OffsetDateTime archivedAt, String archivedBy) {

    /** An account that is not archived. */
    public Account(String key, String name, String industry, String notes, long version) {
        this(key, name, industry, notes, version, null, null);
    }

    /** Archived accounts are hidden from the lists and the coach view until restored. */
    public boolean archived() {
        return archivedAt != null;
    }

    public String id() {
        return key;
    }
}
