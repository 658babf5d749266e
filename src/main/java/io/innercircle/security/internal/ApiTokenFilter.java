package io.innercircle.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Signs in requests that send {@code Authorization: Bearer ic_...} (a personal API token). Other bearer tokens
 * are left to the JWT resource server. An unknown or revoked token is answered 401 here and goes no further.
 * Nothing is put in a session: the token is sent with every request.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    static final String SCHEME = "Bearer ";

    /** An API token's sign-in: the principal is the user it acts as. */
    static final class ApiTokenAuthentication extends AbstractAuthenticationToken {
        private final AppUser user;

        ApiTokenAuthentication(AppUser user) {
            super(user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            this.user = user;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return user;
        }

        @Override
        public String getName() {
            return user.username();
        }
    }

    private final ApiTokens tokens;
    private final JsonAuthenticationEntryPoint entryPoint;
    private final SignInLimiter limiter;

    ApiTokenFilter(ApiTokens tokens, JsonAuthenticationEntryPoint entryPoint, SignInLimiter limiter) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
        this.limiter = limiter;
    }

    /** The API token in the request's Authorization header, or null when it sends none. */
    static String apiToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            String token = header.substring(SCHEME.length()).trim();
            return token.startsWith(ApiTokens.PREFIX) ? token : null;
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = apiToken(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<AppUser> user;
        try {
            limiter.check(null, address);
            user = tokens.authenticate(token);
        } catch (SignInRateLimitedException e) {
            entryPoint.commence(request, response, e);
            return;
        }
        if (user.isEmpty()) {
            limiter.failed(null, address);
            SecurityContextHolder.clearContext();
            entryPoint.refuse(request, response, "The API token is unknown or was revoked");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(user.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
