package io.innercircle.bundle.internal;

import io.innercircle.map.Account;

/**
 * What an import did.
 *
 * @param account the account as it is now (its version already one higher)
 * @param merged  true when the bundle was merged into the account, false when it replaced it
 * @param counts  how many of each thing the bundle held, i.e. what was written
 */
public record ImportResult(Account account, boolean merged, Bundle.Counts counts) {
}
