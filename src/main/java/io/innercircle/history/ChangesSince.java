package io.innercircle.history;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What changed in an account after a version, in plain words ("name of Bob Tech: Bob → Robert, 2 Oct, by
 * nicole"): what a rep whose write was refused as stale is told, so they know what to look at after reloading.
 */
public interface ChangesSince {

    /** At most {@code max} lines, oldest first, then "... and N more changes" when there are more. */
    List<String> describe(String account, long afterVersion, int max);

    /** One recorded change set: the version it made, who, when, and each change in words ("status of Sam Ortiz: neutral → supporter"). */
    record ChangeSetWords(long version, String by, OffsetDateTime at, List<String> changes) {
    }

    /** The change sets after a version, oldest first, at most {@code max} of them (the oldest). */
    List<ChangeSetWords> changeSets(String account, long afterVersion, int max);
}
