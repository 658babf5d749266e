package io.innercircle.security.internal;

import io.innercircle.security.AccountAccess;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST and web-page half of access control, for every controller without code in it: a path variable
 * that names an account is checked before the handler runs. A variable names an account when it is called
 * {@code account} or {@code accountKey}, or when it directly follows an {@code /accounts/} segment
 * (GET /api/accounts/{key}/bundle). GET and HEAD need read access, every other method edit access. A denied
 * request gets the same 404 as an account that does not exist.
 */
@Configuration
class AccountPathInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final Pattern AFTER_ACCOUNTS = Pattern.compile("/accounts/\\{([^}:/]+)(:[^}]*)?}");

    private final AccountAccess access;

    AccountPathInterceptor(AccountAccess access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || variables.isEmpty()) {
            return true;
        }
        String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        Matcher m = AFTER_ACCOUNTS.matcher(pattern);
        String afterAccounts = m.find() ? m.group(1) : null;
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        for (Map.Entry<String, String> v : variables.entrySet()) {
            if (v.getKey().equals("account") || v.getKey().equals("accountKey") || v.getKey().equals(afterAccounts)) {
                String account = v.getValue();
                if (!access.canRead(account)) {
                    notFound(response, account);
                    return false;
                }
                if (!read && !access.canEdit(account)) {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    write(response, access.who() + " may not change account '" + account + "'");
                    return false;
                }
            }
        }
        return true;
    }

    /** The answer to a missing account, and to one the caller may not see: they must look the same. */
    static String missingAccount(String key) {
        return "There is no account with the key '" + key + "'.";
    }

    private static void notFound(HttpServletResponse response, String account) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        write(response, missingAccount(account));
    }

    private static void write(HttpServletResponse response, String message) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"message\":\"" + escaped + "\"}");
    }
}
