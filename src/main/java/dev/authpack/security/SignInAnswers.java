package dev.authpack.security;

import dev.authpack.core.LockWaits;
import dev.authpack.security.SignInAnsweredEvent.Answer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Says how a form sign-in ended ({@link SignInAnsweredEvent}), for the audit trail. Signing in holds only once the
 * session is stored under its new id, which the session filter does as the answer's redirect is sent: when the
 * sign-in page's session row was held, that failed and the clerk was told "not signed in yet", while the trail,
 * written on Spring's success event before it, said they had signed in.
 */
final class SignInAnswers implements AuthenticationSuccessHandler {

    private final AuthenticationSuccessHandler answer;
    private final ApplicationEventPublisher events;
    private final SignedInCookie signedIn;

    SignInAnswers(AuthenticationSuccessHandler answer, ApplicationEventPublisher events, SignedInCookie signedIn) {
        this.answer = answer;
        this.events = events;
        this.signedIn = signedIn;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        // before the answer, whose redirect sends the headers
        signedIn.set(request, response);
        try {
            answer.onAuthenticationSuccess(request, response, authentication);
        } catch (IOException | ServletException | RuntimeException e) {
            events.publishEvent(new SignInAnsweredEvent(authentication,
                    LockWaits.gaveUp(e) ? Answer.SESSION_BUSY : Answer.NOT_STORED));
            throw e;
        }
        events.publishEvent(new SignInAnsweredEvent(authentication, Answer.SIGNED_IN));
    }
}
