package dev.authpack.rendering;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before an upload is read, the scratch folder the container writes it to is there, owner-only: a folder
 * deleted under the running service was made again by the container, readable by every user of the host.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class ScratchFolderFilter extends OncePerRequestFilter {

    private final ScratchSpace scratch;

    ScratchFolderFilter(ScratchSpace scratch) {
        this.scratch = scratch;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        scratch.ensureFolder();
        chain.doFilter(request, response);
    }
}
