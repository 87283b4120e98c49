package dev.authpack.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A failed sign-in goes back to the form ({@code /login?error}, the one generic message whatever went
 * wrong), with the user name as typed kept for the form (never the password), so only the password is
 * typed again. The name travels as a flash attribute in the session, not in the address: user names
 * stay out of URLs and logs. The failure itself is not kept in the session, unlike Spring's default: it
 * holds the password typed. Counting the failure, locking and the audit record are done elsewhere (on
 * the authentication events), unchanged by this.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    static final String LOGIN = "/login";
    /** The flash attribute the sign-in form fills the user name from. */
    static final String TYPED_USERNAME = "typedUsername";
    /** Longer is no user name (they are at most 100 characters); not worth keeping in the session. */
    private static final int MAX_KEPT = 200;

    private static final FlashMapManager FLASH_MAPS = new SessionFlashMapManager();
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        keepTypedUsername(request, response);
        // Not Spring's SimpleUrlAuthenticationFailureHandler: it keeps the exception in the session for the
        // page to show, and the exception holds the sign-in attempt with the password as typed. Sessions are
        // rows in the database (spring_session_attributes), so every failed sign-in left a password in plain
        // text there until the session expired. The page says the same for every failure and reads none of it.
        redirects.sendRedirect(request, response, LOGIN + "?error");
    }

    /** Keeps the user name posted to the sign-in form for the sign-in page the answer redirects to. */
    static void keepTypedUsername(HttpServletRequest request, HttpServletResponse response) {
        String typed = request.getParameter("username");
        if (typed != null && !typed.isBlank() && typed.length() <= MAX_KEPT) {
            FlashMap flash = new FlashMap();
            flash.put(TYPED_USERNAME, typed);
            flash.setTargetRequestPath(request.getContextPath() + LOGIN);
            FLASH_MAPS.saveOutputFlashMap(flash, request, response);
        }
    }
}
