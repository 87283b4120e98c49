package dev.authpack.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers of both doors. No inline script or style may run (the CSP), no page may be
 * framed, no URL (which can carry a case id) leaks as a referrer, and Spring Security's default
 * {@code Cache-Control: no-cache, no-store, max-age=0, must-revalidate} stays on every answer, so
 * no browser or proxy keeps a copy of a case page or a packet PDF.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private SecurityHeaders() {
    }

    /** The same headers written by hand, for answers Spring Security never sees (the container's own error pages). */
    static void writeTo(jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> strict() {
        return h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                .contentTypeOptions(Customizer.withDefaults())
                .cacheControl(Customizer.withDefaults());
    }
}
