package io.innercircle.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code innercircle.security}: the embedded users (passwords bcrypt-hashed, "{bcrypt}$2a$..."), and how to read
 * a user out of a JWT when an OIDC issuer is configured.
 */
@ConfigurationProperties("innercircle.security")
public record SecurityProperties(List<User> users, Jwt jwt) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        jwt = jwt == null ? new Jwt(null, null, null, null) : jwt;
    }

    /**
     * @param teamMember the TeamMember key that is this user
     * @param coaches    usernames of the users (reps) this user coaches
     */
    public record User(String username, String password, List<Role> roles, String teamMember, List<String> coaches) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
            coaches = coaches == null ? List.of() : List.copyOf(coaches);
        }
    }

    /** Claim names; the defaults suit Keycloak-style tokens. */
    public record Jwt(String usernameClaim, String roleClaim, String teamMemberClaim, String coachesClaim) {
        public Jwt {
            usernameClaim = usernameClaim == null ? "preferred_username" : usernameClaim;
            roleClaim = roleClaim == null ? "roles" : roleClaim;
            teamMemberClaim = teamMemberClaim == null ? "team_member" : teamMemberClaim;
            coachesClaim = coachesClaim == null ? "coaches" : coachesClaim;
        }
    }
}
