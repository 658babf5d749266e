package io.innercircle.map;

import io.innercircle.map.Lines.InfluenceLine;

/**
 * Draws an influence line for another feature (an accepted activity suggestion) through the same edit as the
 * {@code setInfluence} mutation: the same checks, one version bump, {@link MapChanged} and so the history and the
 * write guard. Runs in the caller's transaction, which must hold the account's lock.
 */
public interface InfluenceLineEdit {

    /**
     * @param from     id of the influencer ("account/key")
     * @param to       id of the person influenced
     * @param strength 1 weak, 2 medium, 3 strong
     * @param note     kept on the line, or null
     */
    InfluenceLine drawInfluence(String from, String to, int strength, String note);
}
