package dev.authpack.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The contract's 1 MiB limit for every JSON body of the API, also for the endpoints that Spring's own
 * reader binds ({@link JsonBodyReader} already enforces it for the case and event bodies). Reading
 * past the limit stops with {@link PayloadTooLargeException}, answered 413, whether or not the
 * client declared a length. The FHIR import has a larger limit of its own (a bundle carries
 * documents) and is left to it.
 */
@Component
class JsonBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    JsonBodyLimitFilter(@Value("${authpack.api.max-json-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || path.equals("/api/v1/fhir/import")
                || !JsonBodyReader.isJson(request.getContentType());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                if (getContentLengthLong() > limit) {
                    throw new PayloadTooLargeException(limit);
                }
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ObservedInputStream {

        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        protected void observe(byte[] buf, int off, int len) {
            read += len;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
    }
}
