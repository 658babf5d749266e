package io.innercircle.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Lets a metrics scraper (Prometheus) read /actuator/prometheus with the configured scrape token
 * ({@code innercircle.operations.metrics-token}, sent as {@code Authorization: Bearer <token>}) instead of an
 * administrator's password. The token opens the metrics endpoints only (role METRICS); no token configured,
 * no such sign-in.
 */
final class MetricsScrapeFilter extends OncePerRequestFilter {

    static final String ROLE = "ROLE_METRICS";

    private final byte[] token;

    MetricsScrapeFilter(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the request is a scrape with the configured token. */
    boolean matches(HttpServletRequest request) {
        if (token == null || !request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")) {
            return false;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, ApiTokenFilter.SCHEME, 0, ApiTokenFilter.SCHEME.length())) {
            return false;
        }
        byte[] sent = header.substring(ApiTokenFilter.SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, token);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (matches(request)) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                    List.of(new SimpleGrantedAuthority(ROLE))));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
