package io.innercircle.concurrency;

import java.util.List;

/**
 * A write sent with {@code ifVersion} (the account version the client last read) found the account at a later
 * version: someone else changed the map in between, so the write is refused rather than overwrite their change.
 */
public class StaleVersionException extends RuntimeException {

    private final String account;
    private final long currentVersion;
    private final long yourVersion;
    private final List<String> changes;

    public StaleVersionException(String account, long currentVersion, long yourVersion, List<String> changes) {
        super("Someone changed this map (account '" + account + "' is at version " + currentVersion
                + ", you read version " + yourVersion + "); reload to see their change"
                + (changes.isEmpty() ? "." : ": " + String.join("; ", changes)));
        this.account = account;
        this.currentVersion = currentVersion;
        this.yourVersion = yourVersion;
        this.changes = List.copyOf(changes);
    }

    public String account() {
        return account;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public long yourVersion() {
        return yourVersion;
    }

    public List<String> changes() {
        return changes;
    }
}
