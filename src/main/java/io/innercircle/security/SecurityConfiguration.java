package io.innercircle.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Who may call what, at the door. Every request except the login page and the liveness check needs a user:
 * HTTP Basic for API clients, the login form ({@code /login}, fields username and password) for the browser,
 * and a bearer JWT when an OIDC issuer is configured (spring.security.oauth2.resourceserver.jwt.issuer-uri).
 * Which account a user may touch is decided later, per argument and path, by {@link AccountAccess}.
 *
 * <p>CSRF: browser sessions must send the token; the cookie XSRF-TOKEN is readable by the page's JavaScript,
 * which sends it back in the header X-XSRF-TOKEN. Requests that carry their own credentials in an
 * Authorization header (Basic or Bearer) are stateless API calls and need no token: a forged cross-site
 * request cannot set that header (the login page, not a Basic prompt, is what browsers get, so browsers do not
 * hold Basic credentials to replay).
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // Understands "{bcrypt}$2a$..." (and the other ids) so the stored hash says how it was made.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
                                            SecurityProperties properties) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // The sign-in page and what it loads (the product's own page, not the stock one).
                        .requestMatchers("/login", "/login.html", "/app/login.js", "/app/api.js", "/app/app.css",
                                "/error", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> { })
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.permitAll())
                .csrf(csrf -> csrf.spa()
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
                                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        if (jwtDecoder.getIfAvailable() != null) {
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(jwt -> CurrentUser.roles(
                    jwt.getClaim(properties.jwt().roleClaim())).stream()
                    .map(r -> (org.springframework.security.core.GrantedAuthority)
                            new SimpleGrantedAuthority(r.authority())).toList());
            http.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(jwtDecoder.getObject())
                    .jwtAuthenticationConverter(converter)));
        }
        return http.build();
    }

    /**
     * Makes sure the XSRF-TOKEN cookie is written on the first page a browser loads, so the page's JavaScript
     * has a token before its first POST (the token is otherwise only created when a request needs it).
     */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                    && request.getHeader("Authorization") == null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
