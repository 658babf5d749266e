package io.innercircle.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The embedded users of {@code innercircle.security.users}, for HTTP Basic and the login page. */
@Component
class ConfiguredUsers implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);

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

    private final List<String> weakPasswords = new ArrayList<>();

    /**
     * Users whose password is their user name (the demo users) are kept while the demo data is in use or the
     * server listens on loopback only; otherwise they are left out, so a server opened to the network without the
     * demo never lets anyone in as admin/admin.
     */
    ConfiguredUsers(SecurityProperties properties, PasswordEncoder encoder, Environment environment) {
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
            if (encoder.matches(u.username(), u.password())) {
                weakPasswords.add(u.username());
            }
        }
        boolean demo = environment.getProperty("innercircle.demo.load", Boolean.class, true);
        if (!weakPasswords.isEmpty() && !demo && !loopback(environment.getProperty("server.address"))) {
            weakPasswords.forEach(users::remove);
            log.warn("Left out the users {}: their password is their user name, the demo data is off and the "
                    + "server listens beyond loopback (server.address). Give them real passwords.", weakPasswords);
        }
    }

    /** Users (still signed in with) whose password is their user name. */
    List<String> weakPasswords() {
        return weakPasswords.stream().filter(users::containsKey).toList();
    }

    private static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    boolean exists(String username) {
        return users.containsKey(username);
    }

    /** The user as configured now, for an API token made by them. */
    Optional<AppUser> find(String username) {
        return Optional.ofNullable(users.get(username)).map(Details::user);
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
