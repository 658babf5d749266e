package io.innercircle.security.internal;

import io.innercircle.security.AccountAccess;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Who may call what, at the door. Every request except the login page and the liveness check needs a user:
 * a personal API token ({@code Authorization: Bearer ic_...}, {@link ApiTokens}) or HTTP Basic for API
 * clients, the login form ({@code /login}, fields username and password) for the browser, and a bearer JWT when
 * an OIDC issuer is configured (spring.security.oauth2.resourceserver.jwt.issuer-uri). Which account a user may
 * touch is decided later, per argument and path, by {@link AccountAccess}.
 *
 * <p>Passwords: a verified Basic credential is cached for a few minutes ({@link CachedPasswordAuthentication}),
 * and failed sign-ins are limited per user name and client address ({@link SignInLimiter}, 429).
 *
 * <p>CSRF: browser sessions must send the token; the cookie XSRF-TOKEN is readable by the page's JavaScript,
 * which sends it back in the header X-XSRF-TOKEN. Requests that carry their own Basic or Bearer credentials are
 * stateless API calls and need no token: they are authenticated by that header alone, never by a session cookie
 * sent beside it ({@link HeaderCredentialsContextRepository}), and a cross-site form cannot set the header.
 */
@Configuration
@EnableConfigurationProperties({SecurityProperties.class, SignInProperties.class})
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // Understands "{bcrypt}$2a$..." (and the other ids) so the stored hash says how it was made.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
                                            SecurityProperties properties, SignInProperties signIn,
                                            ConfiguredUsers users, PasswordEncoder encoder, SignInLimiter limiter,
                                            ApiTokens tokens, JsonAuthenticationEntryPoint entryPoint,
                                            @Value("${innercircle.operations.metrics-token:}") String metricsToken,
                                            MeterRegistry registry)
            throws Exception {
        MetricsScrapeFilter scrape = new MetricsScrapeFilter(metricsToken);
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        AuthenticationManager signInManager =
                new ProviderManager(new CachedPasswordAuthentication(passwords, limiter, signIn, registry));
        http.authenticationManager(signInManager)
                .securityContext(context -> context.securityContextRepository(new HeaderCredentialsContextRepository()))
                .authorizeHttpRequests(auth -> auth
                        // The sign-in page and what it loads (the product's own page, not the stock one).
                        .requestMatchers("/login", "/login.html", "/app/login.js", "/app/api.js", "/app/app.css",
                                "/error", "/favicon.ico").permitAll()
                        // Operations: health and readiness for load balancers and orchestrators; the rest
                        // (metrics) for administrators or a scraper with the scrape token.
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority(Role.ADMIN.authority(), MetricsScrapeFilter.ROLE)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .formLogin(form -> form.loginPage("/login").permitAll().failureHandler(entryPoint))
                .logout(logout -> logout.permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.spa()
                        .ignoringRequestMatchers(HeaderCredentialsContextRepository::carriesCredentials))
                .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens, entryPoint, limiter), LogoutFilter.class)
                .addFilterBefore(scrape, LogoutFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                // GraphiQL's stylesheet (a WebJar, served here) carries its fonts as data: URIs.
                                + "img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "object-src 'none'; "
                                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        if (jwtDecoder.getIfAvailable() != null) {
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(jwt -> CurrentUser.roles(
                    jwt.getClaim(properties.jwt().roleClaim())).stream()
                    .map(r -> (org.springframework.security.core.GrantedAuthority)
                            new SimpleGrantedAuthority(r.authority())).toList());
            JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(jwtDecoder.getObject());
            jwtProvider.setJwtAuthenticationConverter(converter);
            // API tokens ("ic_...") are bearer tokens too; they are ApiTokenFilter's, not the JWT decoder's.
            DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
            http.oauth2ResourceServer(rs -> rs
                    .bearerTokenResolver(request -> ApiTokenFilter.apiToken(request) != null
                            || scrape.matches(request) ? null : resolver.resolve(request))
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(jwtProvider))));
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
