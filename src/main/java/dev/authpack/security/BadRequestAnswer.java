package dev.authpack.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A 400 written before Spring MVC runs (by a filter, or for a request Spring Security's firewall
 * refused): a problem+json under {@code /api/}, a short page elsewhere, with the security headers
 * Spring Security would have added. Nothing the client sent is echoed: the refused part of an
 * address may hold a name or a member id.
 */
final class BadRequestAnswer {

    private BadRequestAnswer() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String apiDetail, String pageText)
            throws IOException {
        SecurityHeaders.writeTo(response);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        if (path.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,"
                    + "\"detail\":\"" + apiDetail + "\"}");
            return;
        }
        response.setContentType("text/html");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Bad request | Authpack</title></head><body><main><h1>Bad request</h1>"
                + "<p>" + pageText + " Go back, or start again from <a href=\"/\">the start page</a>."
                + "</p></main></body></html>");
    }
}
