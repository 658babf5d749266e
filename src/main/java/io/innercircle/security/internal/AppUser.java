package io.innercircle.security.internal;

import java.util.Set;

/**
 * A signed-in user as the access rules see them, whether they came from configuration or from a JWT.
 *
 * @param teamMember          the key of the TeamMember records that are this user (the same key in every account
 *                            they work on), or null
 * @param coachedTeamMembers  team member keys of the reps this user coaches
 */
public record AppUser(String username, Set<Role> roles, String teamMember, Set<String> coachedTeamMembers) {

    public AppUser {
        roles = Set.copyOf(roles);
        coachedTeamMembers = Set.copyOf(coachedTeamMembers);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
