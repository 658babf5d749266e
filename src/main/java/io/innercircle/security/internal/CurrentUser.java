package io.innercircle.security.internal;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The {@link AppUser} behind an authentication: a configured user, an API token's user, or a JWT's claims. */
@Component
public class CurrentUser {

    private final SecurityProperties.Jwt claims;

    CurrentUser(SecurityProperties properties) {
        this.claims = properties.jwt();
    }

    public Optional<AppUser> of(Authentication auth) {
        if (auth.getPrincipal() instanceof ConfiguredUsers.Details details) {
            return Optional.of(details.user());
        }
        if (auth.getPrincipal() instanceof AppUser user) {
            return Optional.of(user);
        }
        if (auth.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(fromJwt(jwt));
        }
        return Optional.empty();
    }

    AppUser fromJwt(Jwt jwt) {
        String username = jwt.hasClaim(claims.usernameClaim()) ? jwt.getClaimAsString(claims.usernameClaim())
                : jwt.getSubject();
        return new AppUser(username, roles(jwt.getClaim(claims.roleClaim())), jwt.getClaimAsString(claims.teamMemberClaim()),
                Set.copyOf(strings(jwt.getClaim(claims.coachesClaim()))));
    }

    /** Role names from the role claim (a list or a space-separated string); unknown names are ignored. */
    static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(claim)) {
            String n = name.toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
            for (Role r : Role.values()) {
                if (r.name().equals(n)) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String s && !s.isBlank()) {
            return List.of(s.trim().split("[\\s,]+"));
        }
        return List.of();
    }
}
