package io.innercircle.activity.internal;

import io.innercircle.activity.internal.Activity.Kind;

import java.time.Instant;

/**
 * One meeting or e-mail behind a suggested influence line.
 *
 * @param role     what it shows about the two people
 * @param supports true when it points the suggested way (the influencer organised, the other replied to the
 *                 influencer), false when it points the other way, null when it only shows that they met or
 *                 wrote to each other
 */
record Evidence(String ref, Kind kind, Instant at, String subject, Role role, Boolean supports) {

    enum Role { MET, EMAILED, ORGANISED, REPLIED_FIRST, REPLIED }

    Evidence flipped() {
        return new Evidence(ref, kind, at, subject, role, supports == null ? null : !supports);
    }
}
