package io.innercircle.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The embedded users of {@code innercircle.security.users}, for HTTP Basic and the login page. */
@Component
class ConfiguredUsers implements UserDetailsService {

    /** A configured user as Spring Security sees them; it carries the {@link AppUser} for the access rules. */
    record Details(AppUser user, String password) implements UserDetails {
        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        }

        @Override
        public String getPassword() {
            return password;
        }

        @Override
        public String getUsername() {
            return user.username();
        }
    }

    private final Map<String, Details> users = new HashMap<>();

    ConfiguredUsers(SecurityProperties properties) {
        Map<String, String> teamMemberOf = new HashMap<>();
        properties.users().forEach(u -> teamMemberOf.put(u.username(), u.teamMember()));
        for (SecurityProperties.User u : properties.users()) {
            if (u.username() == null || u.password() == null || u.roles().isEmpty()) {
                throw new IllegalStateException("innercircle.security.users: every user needs a username, a "
                        + "password and at least one role (" + u.username() + ")");
            }
            Set<String> coached = new HashSet<>();
            for (String rep : u.coaches()) {
                String key = teamMemberOf.get(rep);
                if (key == null) {
                    throw new IllegalStateException("innercircle.security.users: " + u.username() + " coaches '"
                            + rep + "', who is not a configured user with a team member");
                }
                coached.add(key);
            }
            users.put(u.username(), new Details(new AppUser(u.username(), Set.copyOf(u.roles()), u.teamMember(),
                    coached), u.password()));
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Details d = users.get(username);
        if (d == null) {
            throw new UsernameNotFoundException("No such user");
        }
        return d;
    }
}
