package dev.authpack.generation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests being served, less those only waiting for a document: when that is zero nobody
 * is waiting on a short answer, and the generation pool may lend the reserved core to packets.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InteractiveRequests extends OncePerRequestFilter {

    private final AtomicInteger serving = new AtomicInteger();
    private final ThreadLocal<Boolean> inRequest = ThreadLocal.withInitial(() -> false);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        serving.incrementAndGet();
        inRequest.set(true);
        try {
            chain.doFilter(request, response);
        } finally {
            inRequest.remove();
            serving.decrementAndGet();
        }
    }

    /** The current request (if the caller is one) only waits for a document from here until {@link #resumed}. */
    boolean waitingForDocument() {
        if (inRequest.get()) {
            serving.decrementAndGet();
            return true;
        }
        return false;
    }

    void resumed(boolean wasWaiting) {
        if (wasWaiting) {
            serving.incrementAndGet();
        }
    }

    /** Whether some request other than one waiting for a document is being served right now. */
    boolean busy() {
        return serving.get() > 0;
    }
}
