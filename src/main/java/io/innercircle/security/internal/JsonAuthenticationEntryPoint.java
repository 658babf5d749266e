package io.innercircle.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a request without (valid) credentials gets. A browser opening a page is sent to the login page. Anything
 * else gets a JSON 401; only a plain client (curl, a script) gets the {@code WWW-Authenticate: Basic} challenge:
 * a fetch or XHR from the web page (JSON, or X-Requested-With) gets a Bearer challenge instead, so the browser
 * never shows its own password pop-up. Too many failed sign-ins: 429 with Retry-After.
 */
@Component
class JsonAuthenticationEntryPoint implements AuthenticationEntryPoint, AuthenticationFailureHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
    private final SimpleUrlAuthenticationFailureHandler loginFailure =
            new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInRateLimitedException limited) {
            tooMany(response, limited);
        } else if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && isPageNavigation(request)) {
            try {
                loginPage.commence(request, response, e);
            } catch (jakarta.servlet.ServletException ex) {
                throw new IOException(ex);
            }
        } else {
            refuse(request, response, request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    ? "Sign in first: send a Basic or Bearer Authorization header (docs/graphql-clients.md, API tokens)"
                    : "The credentials are not valid");
        }
    }

    /** The login form's failures: 429 when rate-limited, otherwise back to the form with an error. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException, jakarta.servlet.ServletException {
        if (e instanceof SignInRateLimitedException limited) {
            tooMany(response, limited);
        } else {
            loginFailure.onAuthenticationFailure(request, response, e);
        }
    }

    void refuse(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, isScript(request)
                ? "Bearer realm=\"InnerCircle\"" : "Basic realm=\"InnerCircle\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, Map.of("status", 401, "message", message));
    }

    private static void tooMany(HttpServletResponse response, SignInRateLimitedException e) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 429);
        body.put("message", e.getMessage());
        body.put("retryAfterSeconds", e.retryAfterSeconds());
        write(response, 429, body);
    }

    static void write(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static boolean isPageNavigation(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !isScript(request) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /** A request from a page's script: the browser would show its pop-up for a Basic challenge. */
    private static boolean isScript(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String type = request.getContentType();
        return "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))
                || request.getHeader("Sec-Fetch-Mode") != null && !"navigate".equals(request.getHeader("Sec-Fetch-Mode"))
                || accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)
                || type != null && type.startsWith(MediaType.APPLICATION_JSON_VALUE);
    }
}
