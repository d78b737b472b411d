package org.healthclaims.api.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a GraphQL request body over GUARD_MAX_REQUEST_BODY with HTTP 413 and a DOCUMENT_TOO_LARGE error, before
 * it is read: by its Content-Length, or, for a chunked body, after reading one byte more than the limit. Without
 * it, Jackson would read a body of any size into memory before the document limit could look at the query.
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    private final int maxBytes;
    private final byte[] tooLarge;

    RequestBodyLimit(GuardProperties limits, JsonMapper json) {
        this.maxBytes = (int) limits.maxRequestBody().toBytes();
        this.tooLarge = Refusal.DOCUMENT_TOO_LARGE.body(json, "the request body is larger than " + maxBytes + " bytes");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            refuse(response);
        } else if (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) refuse(response);
            else chain.doFilter(new ReadBody(request, body), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(tooLarge.length);
        response.getOutputStream().write(tooLarge);
    }

    /** A chunked request whose body the filter has already read, whole and within the limit. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
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
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
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
                    throw new UnsupportedOperationException("the body is already read; read it blocking");
                }
            };
        }
    }
}
