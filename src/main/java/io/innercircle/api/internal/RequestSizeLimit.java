package io.innercircle.api.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses GraphQL request bodies larger than {@code innercircle.graphql.max-request-size} before they are read
 * into memory: by their declared length, or, for a body sent without one (chunked), once that many bytes have been
 * read; both get 413 with a JSON body.
 * (POST /api/bundles has its own limit, innercircle.bundle.max-size.)
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private final long limit;

    RequestSizeLimit(@Value("${innercircle.graphql.max-request-size:21MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/graphql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            tooLarge(response);
            return;
        }
        if (request.getContentLengthLong() >= 0) {
            chain.doFilter(request, response);
            return;
        }
        // A body of unknown length (chunked): read up to the limit here, so that an oversize one gets the same
        // 413 as a declared one. The GraphQL handler reads the whole body into memory anyway.
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Connection", "close");
        response.getWriter().write("{\"status\":413,\"message\":\"The request is larger than the limit of " + limit
                + " bytes (setting innercircle.graphql.max-request-size)\"}");
    }

    /** The body, already read. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }
    }
}
