package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/** Web sessions (kept in the database): a new id at sign-in, 15 minutes idle timeout, sign-out ends them, no remember-me. */
@SharedServiceTest
class SessionTest {

    @LocalServerPort
    int port;
    @Autowired
    SessionRepository<? extends Session> sessions;

    @Test
    void signingInIssuesANewSessionIdSoAPlantedOneIsUseless() {
        FormClient browser = new FormClient(port);
        browser.get("/login");
        String before = browser.sessionId();

        HttpResponse<String> answer = browser.trySignIn("north.billing", "demo-pass-2026");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(before).isNotNull();
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/cases").statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        FormClient browser = new FormClient(port);
        HttpResponse<String> page = browser.get("/login");

        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void signedInSessionsExpireAfterFifteenIdleMinutes() {
        FormClient browser = new FormClient(port).signIn("north.clinic", "demo-pass-2026");
        String id = browser.sessionId();

        Session session = storedSession(id);

        assertThat(session.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void signingOutEndsTheSession() {
        FormClient browser = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        String id = browser.sessionId();

        HttpResponse<String> out = browser.submit("/cases", "/logout");

        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(storedSessionOrNull(id)).isNull();
        HttpResponse<String> after = browser.get("/cases");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void thereIsNoRememberMe() {
        FormClient browser = new FormClient(port);
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.body()).doesNotContain("remember");

        HttpResponse<String> answer = browser.postWithToken(FormClient.csrfOf(login.body()), "/login",
                "username", "north.billing", "password", "demo-pass-2026", "remember-me", "on");

        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.toLowerCase().startsWith("remember"));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        FormClient browser = new FormClient(port).signIn("admin", "demo-pass-2026");

        HttpResponse<String> answer = browser.postWithToken(null, "/admin/users",
                "username", "csrf.victim", "role", "ADMIN", "password", "long-enough-password-1");

        // not processed: ExpiredFormHandler redirects (to sign-in, or back to resubmit), and no account exists
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(browser.get("/admin/users").body()).contains("admin").doesNotContain("csrf.victim");
    }

    private Session storedSession(String id) {
        Session s = storedSessionOrNull(id);
        assertThat(s).as("the database holds session " + id).isNotNull();
        return s;
    }

    /** The session behind a cookie value: Spring Session writes the id Base64-encoded into the cookie. */
    private Session storedSessionOrNull(String cookieValue) {
        String id = new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
        return sessions.findById(id);
    }
}
