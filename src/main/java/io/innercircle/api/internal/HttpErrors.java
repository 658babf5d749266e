package io.innercircle.api.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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
        response.getWriter().write(body(status, message));
    }

    /** The one JSON shape of every HTTP error the app or its server answers: {@code {"status":…,"message":…}}. */
    static String body(int status, String message) {
        return "{\"status\":" + status + ",\"message\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}";
    }

    /**
     * Tomcat would answer an encoded slash itself with an HTML 400; passed through, Spring Security's firewall
     * refuses it below, as JSON.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }

    /**
     * Some requests Tomcat refuses before any filter of the app runs (a NUL or a backslash in the path, a path
     * above the root): its host's error report valve answers them, in HTML. Ours answers in JSON. Spring Boot adds
     * its own valve in a context customizer of order 0; this one runs after it and replaces it.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReportValve() {
        return new OrderedCustomizer();
    }

    static final class OrderedCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                    host.getPipeline().addValve(new JsonErrorReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's own error answers (status, no details) as JSON. */
    public static final class JsonErrorReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body(status, "The server refused the request (an address or header it does not accept)"));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the answer already started: nothing more to say.
            }
        }
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
