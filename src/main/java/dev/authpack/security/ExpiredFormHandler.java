package dev.authpack.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * A form posted after the session ended (or with a token from an older session) is not a
 * forbidden act: the clerk simply has to sign in again. Instead of "Not allowed", the web door
 * remembers the page the form belongs to, sends the clerk through sign-in with a message that
 * says so, and back to that page afterwards, where the browser's local draft restores the input
 * (authpack.js). Only a path of our own, built from the posted path, is remembered: never a query
 * string, so no patient data passes through a URL. Other denials stay 403 pages.
 *
 * <p>Signing in without such a form goes on to the page Spring Security's request cache kept (a page asked for
 * while signed out, {@code SecurityConfig}), else to the start page. The form comes first: its draft waits there.
 */
final class ExpiredFormHandler implements AccessDeniedHandler, AuthenticationSuccessHandler {

    static final String RETURN_TO = ExpiredFormHandler.class.getName() + ".returnTo";
    static final String DEFAULT_TARGET = "/";

    private static final Pattern FORM = Pattern.compile("/cases/new|/cases/[0-9a-fA-F-]{36}/edit");
    private static final Pattern CASE = Pattern.compile("(/cases/[0-9a-fA-F-]{36})(?:/.*)?");
    private static final Pattern CLINIC_PAGE = Pattern.compile("/clinic(?:/[a-z-]{1,40})?");

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
    private final RequestCache pages;
    private final SavedRequestAwareAuthenticationSuccessHandler pageAskedFor = new SavedRequestAwareAuthenticationSuccessHandler();

    ExpiredFormHandler(RequestCache pages) {
        this.pages = pages;
        pageAskedFor.setRequestCache(pages);
        pageAskedFor.setDefaultTargetUrl(DEFAULT_TARGET);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) || !"POST".equals(request.getMethod())) {
            otherwise.handle(request, response, denied);
            return;
        }
        String target = returnTarget(request.getRequestURI().substring(request.getContextPath().length()));
        if (signedIn()) {
            // the session lives on but the page was older than it: back to the page, nothing lost
            response.sendRedirect(request.getContextPath() + target + "?resubmit");
            return;
        }
        request.getSession(true).setAttribute(RETURN_TO, target);
        response.sendRedirect(request.getContextPath() + "/login?expired");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        Object target = session == null ? null : session.getAttribute(RETURN_TO);
        if (!(target instanceof String path)) {
            pageAskedFor.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        session.removeAttribute(RETURN_TO);
        pages.removeRequest(request, response);
        response.sendRedirect(request.getContextPath() + path);
    }

    /** The page a posted path came from: the form itself, the case page for a case's buttons, else home. */
    static String returnTarget(String postedPath) {
        if (FORM.matcher(postedPath).matches() || CLINIC_PAGE.matcher(postedPath).matches()) {
            return postedPath;
        }
        Matcher onCase = CASE.matcher(postedPath);
        return onCase.matches() ? onCase.group(1) : DEFAULT_TARGET;
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
