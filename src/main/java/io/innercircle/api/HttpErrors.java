package io.innercircle.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.io.IOException;
import java.util.Map;

/**
 * Every HTTP error as JSON, never a server's HTML page: an over-large upload is 413, a path the app refuses
 * (an encoded slash "%2F", "..", a semicolon) is 400, and {@code /error} asked for directly is 404 (it is only
 * where the server forwards its own errors).
 */
@Configuration(proxyBeanMethods = false)
class HttpErrors {

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }

    /**
     * Tomcat would answer an encoded slash itself with an HTML 400; passed through, Spring Security's firewall
     * refuses it below, as JSON.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }

    @Bean
    RequestRejectedHandler jsonRequestRejected() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_BAD_REQUEST,
                "The address is not one this server answers (encoded or unusual characters in the path)");
    }

    @RestControllerAdvice
    static class Advice {
        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("status", 413, "message", "The upload is larger than the limit "
                            + "(settings spring.servlet.multipart.max-file-size and max-request-size)"));
        }
    }

    /** GET /error by hand: not found, rather than the error page's "500" for an error that never happened. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class DirectErrorPath extends OncePerRequestFilter {
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().equals(request.getContextPath() + "/error");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getDispatcherType() == DispatcherType.REQUEST) {
                write(response, HttpServletResponse.SC_NOT_FOUND, "There is nothing at /error");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
