package io.innercircle.map;

import java.util.Collection;

/**
 * Which accounts the caller may see, for reads that list several accounts. Implemented by the access control
 * (security.AccountAccess), declared here so the map depends on no other feature.
 */
public interface AccountVisibility {

    /** The keys of the accounts the caller may read, or null when they may read all of them. */
    Collection<String> readableAccountsOrAll();

    /** Whether the caller may read this account. */
    default boolean mayRead(String account) {
        Collection<String> readable = readableAccountsOrAll();
        return readable == null || readable.contains(account);
    }
}
