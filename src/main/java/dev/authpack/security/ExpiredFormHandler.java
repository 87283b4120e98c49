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
 * remembers the path the form was posted to, sends the clerk through sign-in with a message that
 * says so, and afterwards to the form's page, where the browser's local draft restores the input
 * (drafts.js), or, for a form whose page keeps no draft, to its page saying nothing was done
 * ({@link #landingAfterSignIn}). Only the posted path is remembered, in the session, never a query
 * string, and the page sent to is one of ours, matched from it: no patient data passes through a URL.
 * Other denials stay 403 pages. A form from a page loaded before a sign-out in another tab (no
 * {@link SignedInCookie} any more) goes the same way, but to a sign-in page saying only that the clerk
 * was no longer signed in: the sign-out left no draft to speak of.
 *
 * <p>The sign-in and sign-out forms are no such forms: nothing typed waits to be restored and no page to go back
 * to. A sign-in page left open until its session ended goes back to the sign-in page saying just that, with the
 * user name typed (not the password); a sign-out whose session had already ended says the clerk is signed out,
 * which they are. Both were told their case form was kept in the browser. A sign-out from a page older than the
 * sign-in (another tab signed in again) is refused like any stale form, but said: it left the clerk signed in, on
 * the start page without a word, as if it had worked.
 *
 * <p>Signing in without such a form goes on to the page Spring Security's request cache kept (a page asked for
 * while signed out, {@code SecurityConfig}), else to the start page. The form comes first: its draft waits there.
 */
final class ExpiredFormHandler implements AccessDeniedHandler, AuthenticationSuccessHandler {

    static final String RETURN_TO = ExpiredFormHandler.class.getName() + ".returnTo";
    static final String DEFAULT_TARGET = "/";
    static final String SIGN_OUT = "/logout";
    /** The flag the page header reads to say a Sign out was not done. */
    static final String NOT_SIGNED_OUT = "notSignedOut";

    private static final Pattern FORM = Pattern.compile("/cases/new|/cases/[0-9a-fA-F-]{36}/edit");
    private static final Pattern CASE = Pattern.compile("(/cases/[0-9a-fA-F-]{36})(?:/.*)?");
    private static final Pattern CLINIC_PAGE = Pattern.compile("/clinic(?:/[a-z-]{1,40})?");
    /** Forms posted to a path of their own, not to their page's: the searches of the lists and the administration's. */
    private static final Pattern LIST_SEARCH = Pattern.compile("(/cases|/documents)/search");
    private static final Pattern ADMIN_PAGE = Pattern.compile("(/admin/(?:users|clinics|policies))(?:/.*)?");
    private static final String IMPORT = "/cases/import";

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
    private final RequestCache pages;
    private final SignedInCookie signedIn;
    private final SavedRequestAwareAuthenticationSuccessHandler pageAskedFor = new SavedRequestAwareAuthenticationSuccessHandler();

    ExpiredFormHandler(RequestCache pages, SignedInCookie signedIn) {
        this.pages = pages;
        this.signedIn = signedIn;
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
        String posted = request.getRequestURI().substring(request.getContextPath().length());
        if (!signedIn() && answeredSignInOrOut(posted, request, response)) {
            return;
        }
        if (signedIn() && SIGN_OUT.equals(posted)) {
            // a Sign out pressed on a page older than this sign-in (another tab signed in again): not done, as
            // nothing posted with a stale token is; the start page says so, not silently, with a button that works
            response.sendRedirect(request.getContextPath() + startPage() + "?" + NOT_SIGNED_OUT);
            return;
        }
        if (signedIn()) {
            // the session lives on but the page was older than it: back to the page, nothing lost
            response.sendRedirect(request.getContextPath() + pageToResubmit(posted, currentRole()) + "?resubmit");
            return;
        }
        // The path posted, not yet its page: which page it is depends on who signs in (landingAfterSignIn). Only the
        // session keeps it; the address the browser is sent to is one of ours, never built from a query string.
        request.getSession(true).setAttribute(RETURN_TO, posted);
        String why = whySignedOut(request);
        // told now that the session ended: a link followed later from this sign-in page is not told it again
        signedIn.sentToSignIn(request, response);
        // Signed out in this browser since the page was loaded (in another tab: the sign-out removed the cookie
        // saying it had signed in), not timed out: the sign-out deleted every draft and such a page keeps none
        // (drafts.js), so the sign-in page must not say what was typed "is still in this browser". A timeout that
        // another tab met first leaves the cookie (SecurityConfig's entry point): the draft is there.
        response.sendRedirect(request.getContextPath() + SignInFailureHandler.LOGIN + "?" + why);
    }

    /**
     * The sign-in page's flag for a form sent signed out. Ended by {@link SessionValidityFilter} (account changed,
     * longest lifetime reached), in this very request or in an earlier one of this browser that was sent to sign in
     * for it (a page in another tab, {@link SignedInCookie#endedNotForIdleness}): that reason, not "after a while without
     * activity", which it said; the clerk did not sign out, so the draft is there. Else by the cookie, as
     * {@link #handle} says.
     */
    private static String whySignedOut(HttpServletRequest request) {
        if (request.getAttribute(SessionValidityFilter.ENDED) != null || SignedInCookie.endedNotForIdleness(request)) {
            return "endedUnsaved";
        }
        return SignedInCookie.notSignedOut(request) ? "expired" : "signedOut";
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        Object posted = session == null ? null : session.getAttribute(RETURN_TO);
        Actor actor = Actors.of(authentication);
        if (posted != null) {
            session.removeAttribute(RETURN_TO);
        }
        if (!(posted instanceof String path) || actor == null) {
            pageAskedFor.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        pages.removeRequest(request, response);
        response.sendRedirect(request.getContextPath() + landingAfterSignIn(path, actor.role()));
    }

    /**
     * Where a form posted while signed out leads once {@code role} has signed in. The case form, the case page and the
     * clinic profile: that page, where the browser's draft waits and puts back what was typed (the sign-in page said
     * so). Any other form (the import, a search, the administration's): the page {@link #pageToResubmit} names for a
     * stale form sent signed in, with its notice that nothing was done, as the user now signed in may open it (another
     * user may sign in); it went to "/", which redirects to the start page and drops the flag: not a word there.
     * Whoever signs in may also be of a role that may not open the form's page ("Not allowed"): their start page then,
     * saying nothing was done, as {@link #pageToResubmit} does.
     */
    static String landingAfterSignIn(String posted, Role role) {
        String page = returnTarget(posted);
        if (DEFAULT_TARGET.equals(page) || !mayOpen(page, role)) {
            return pageToResubmit(posted, role) + "?resubmit";
        }
        return page;
    }

    private boolean answeredSignInOrOut(String posted, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (SignInFailureHandler.LOGIN.equals(posted)) {
            SignInFailureHandler.keepTypedUsername(request, response);
            response.sendRedirect(request.getContextPath() + SignInFailureHandler.LOGIN + "?formExpired");
            return true;
        }
        if (SIGN_OUT.equals(posted)) {
            signedIn.clear(request, response);
            response.sendRedirect(request.getContextPath() + SignInFailureHandler.LOGIN + "?logout");
            return true;
        }
        return false;
    }

    /** The page a posted path came from: the form itself, the case page for a case's buttons, else home. */
    static String returnTarget(String postedPath) {
        if (FORM.matcher(postedPath).matches() || CLINIC_PAGE.matcher(postedPath).matches()) {
            return postedPath;
        }
        Matcher onCase = CASE.matcher(postedPath);
        return onCase.matches() ? onCase.group(1) : DEFAULT_TARGET;
    }

    /**
     * Signed in, the page a stale form goes back to with the flag, each naming its own notice: the form's own page
     * as {@link #returnTarget} finds it, or else the page whose search, import or administration form it was, when
     * the user now signed in may open it (another user may have signed in since); else that user's start page. Never
     * "/": it redirects again and drops the flag, and the clerk was told nothing (a file not imported, a user not
     * created).
     */
    static String pageToResubmit(String posted, Role role) {
        String target = returnTarget(posted);
        if (!DEFAULT_TARGET.equals(target)) {
            // sent to a page they may not open, an administrator or clinic user signed in since met "Not allowed",
            // not told that nothing was done
            return mayOpen(target, role) ? target : role.startPage();
        }
        Matcher admin = ADMIN_PAGE.matcher(posted);
        if (admin.matches() && role == Role.ADMIN) {
            return admin.group(1);
        }
        Matcher search = LIST_SEARCH.matcher(posted);
        if (search.matches() && role != Role.ADMIN) {
            return search.group(1);
        }
        return IMPORT.equals(posted) && role == Role.BILLING ? IMPORT : role.startPage();
    }

    /** Whether {@code role} may open a page {@link #returnTarget} names: the case form and the clinic profile are billing staff's, a case page its clinic's staff's too. */
    private static boolean mayOpen(String target, Role role) {
        Matcher onCase = CASE.matcher(target);
        return role == Role.BILLING || role == Role.CLINIC && onCase.matches() && onCase.group(1).equals(target);
    }

    /** The signed-in user's start page, named itself: "/" would redirect again and drop the flag. */
    private static String startPage() {
        return currentRole().startPage();
    }

    private static Role currentRole() {
        Actor actor = Actors.of(SecurityContextHolder.getContext().getAuthentication());
        return actor != null ? actor.role() : Role.BILLING;
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
