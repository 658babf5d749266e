package io.innercircle.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.core.context.DeferredSecurityContext;

/**
 * A request that sends its own credentials (Basic or Bearer) is authenticated by them alone: the session's
 * sign-in is not loaded for it. Such requests are exempt from CSRF (a cross-site form cannot set the header),
 * and this makes the exemption sound: a session cookie with a bogus header is not let in on the cookie, past
 * the CSRF check; the header either signs the request in or it is refused.
 */
final class HeaderCredentialsContextRepository implements SecurityContextRepository {

    private final RequestAttributeSecurityContextRepository requestOnly = new RequestAttributeSecurityContextRepository();
    private final SecurityContextRepository withSession = new DelegatingSecurityContextRepository(
            requestOnly, new HttpSessionSecurityContextRepository());

    /** Whether the request carries Basic or Bearer credentials of its own. */
    static boolean carriesCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && (header.regionMatches(true, 0, "Basic ", 0, 6)
                || header.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return carriesCredentials(holder.getRequest()) ? requestOnly.loadContext(holder) : withSession.loadContext(holder);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return carriesCredentials(request) ? requestOnly.loadDeferredContext(request)
                : withSession.loadDeferredContext(request);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        (carriesCredentials(request) ? requestOnly : withSession).saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return carriesCredentials(request) ? requestOnly.containsContext(request) : withSession.containsContext(request);
    }
}
