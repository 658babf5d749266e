package io.innercircle.security.internal;

/**
 * What a user may do. REP reads and edits the accounts whose team they are on; MANAGER does that too and
 * manages those accounts' teams; COACH reads the accounts of the reps they coach; ADMIN may do everything.
 */
public enum Role {
    REP, MANAGER, COACH, ADMIN;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
