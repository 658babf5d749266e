package io.innercircle.map;

import java.util.Set;

/**
 * Published inside the write transaction of every change to an account's map (an edit, a bundle import), so
 * that whatever is derived from the map (the analysis cache, the history) can follow the change: listeners run
 * in the same transaction, and a listener that throws rolls the write back.
 *
 * @param touched    the nodes the write changed, as "Label:key" ("Stakeholder:deng"): their own properties or the
 *                   relationships at them. A hint that lets the history compare only those; null means the write
 *                   may have changed anything in the account (the history then compares the whole map).
 * @param written    for a write that replaced the whole map (a bundle import without merge): what it left in the
 *                   account, so the history need not read the map back; null otherwise
 * @param structural false only for a write known to leave every person and every reporting and influence line as
 *                   it was (a status, a role, a contact, an opportunity, a plan): what the centralities and the
 *                   Inner Circle depend on is then unchanged. True when it may have changed them.
 */
public record MapChanged(String account, long version, Set<String> touched, WrittenMap written,
                         boolean structural) {

    /** A change that may have touched anything in the account (a bundle import, a new kind of write). */
    public MapChanged(String account, long version) {
        this(account, version, null, null, true);
    }

    public MapChanged(String account, long version, Set<String> touched) {
        this(account, version, touched, null, true);
    }

    /** A change of these nodes only (and of the relationships at them); "Label:key" each. */
    public static MapChanged touching(String account, long version, String... nodes) {
        return new MapChanged(account, version, Set.of(nodes), null, true);
    }

    /** A write that replaced the account's map with {@code written}. */
    public static MapChanged replaced(String account, long version, WrittenMap written) {
        return new MapChanged(account, version, null, written, true);
    }

    /** The same change, declared to leave the people and their reporting and influence lines as they were. */
    public MapChanged keepingStructure() {
        return new MapChanged(account, version, touched, written, false);
    }

    public static String node(String label, String key) {
        return label + ":" + key;
    }
}
