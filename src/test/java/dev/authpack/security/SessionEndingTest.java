package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sessions end when they should (issue #16): a password reset, disabling the account, or a new role
 * or clinic ends every web session of that user at its next request, while other users' sessions
 * go on; a disabled account cannot sign in. Administrators' changes that open a clinic's patient
 * data are flagged in the audit trail and on the pages.
 */
@SharedServiceTest
class SessionEndingTest {

    static final String NEW_PASSWORD = "violet-anchor-meadow-71";

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration admin;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPasswordResetEndsEverySessionOfThatUserAtOnce() {
        String user = TestUsers.billing(admin, "end.reset");
        FormClient reading = signedIn(user, TestUsers.PASSWORD);
        FormClient writing = signedIn(user, TestUsers.PASSWORD);
        String csrf = FormClient.csrfOf(writing.get("/cases/new").body());
        FormClient bystander = signedIn("north.clinic", ApiClient.PASSWORD);

        HttpResponse<String> reset = signedIn("admin", ApiClient.PASSWORD).submit("/admin/users",
                "/admin/users/" + user + "/password", "password", NEW_PASSWORD);
        assertThat(reset.statusCode()).isEqualTo(302);

        assertThat(reading.get("/cases")).satisfies(SessionEndingTest::isSignInRedirect);
        HttpResponse<String> create = writing.postWithToken(csrf, "/cases/new", "_action", "save",
                "patient.lastName", "Afterreset");
        assertThat(create.statusCode()).isIn(302, 403);
        assertThat(create.headers().firstValue("Location").orElse("")).doesNotContain("/cases/");
        assertThat(jdbc.queryForObject("select count(*) from cases where created_by = ?", Long.class, user)).isZero();
        assertThat(bystander.get("/cases").statusCode()).as("another user's session goes on").isEqualTo(200);
        assertThat(signedIn(user, NEW_PASSWORD).get("/cases").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where username = ? and action = "
                + "'SESSION_ENDED' and outcome = 'REVOKED'", Long.class, user)).isEqualTo(2);
    }

    @Test
    void aDisabledAccountLosesItsSessionsAndCannotSignInUntilEnabled() {
        String user = TestUsers.billing(admin, "end.disable");
        FormClient session = signedIn(user, TestUsers.PASSWORD);

        assertThat(adminApi("POST", "/api/v1/users/" + user + "/disable").body()).contains("\"enabled\":false");

        assertThat(session.get("/cases")).satisfies(SessionEndingTest::isSignInRedirect);
        assertThat(new FormClient(port).trySignIn(user, TestUsers.PASSWORD).headers().firstValue("Location")
                .orElseThrow()).endsWith("/login?error");
        assertThat(basic(user, TestUsers.PASSWORD)).isEqualTo(401);
        assertThat(jdbc.queryForList("select outcome from audit_events where username = ? and action in "
                + "('LOGIN', 'API_LOGIN') order by id", String.class, user)).containsExactly("OK", "DISABLED", "DISABLED");

        assertThat(adminApi("POST", "/api/v1/users/" + user + "/enable").statusCode()).isEqualTo(200);
        assertThat(basic(user, TestUsers.PASSWORD)).isEqualTo(200);
        assertThat(adminApi("POST", "/api/v1/users/admin/disable").statusCode()).as("not one's own account")
                .isEqualTo(400);
        assertThat(adminApi("POST", "/api/v1/users/nobody-" + System.nanoTime() + "/disable").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aNewRoleEndsTheSessionsThatCarryTheOldOne() {
        String user = TestUsers.billing(admin, "end.role");
        FormClient session = signedIn(user, TestUsers.PASSWORD);
        assertThat(session.get("/cases/new").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = signedIn("admin", ApiClient.PASSWORD).submit("/admin/users",
                "/admin/users/" + user + "/access", "role", "CLINIC", "clinicId", "north");
        assertThat(changed.statusCode()).isEqualTo(302);

        assertThat(session.get("/cases/new")).satisfies(SessionEndingTest::isSignInRedirect);
        assertThat(signedIn(user, TestUsers.PASSWORD).get("/cases/new").statusCode()).isEqualTo(403);
    }

    /**
     * A clerk whose session an administrator's change ended was sent to the sign-in page without a word, in the
     * middle of their work, as if they had never signed in. The sign-in page now says why.
     */
    @Test
    void aClerkWhoseSessionWasEndedIsToldWhyOnTheSignInPage() {
        String user = TestUsers.billing(admin, "end.told");
        FormClient session = signedIn(user, TestUsers.PASSWORD);
        signedIn("admin", ApiClient.PASSWORD).submit("/admin/users", "/admin/users/" + user + "/access",
                "role", "CLINIC", "clinicId", "north");

        HttpResponse<String> next = session.get("/cases");

        assertThat(next.statusCode()).isEqualTo(302);
        String signIn = next.headers().firstValue("Location").orElseThrow();
        assertThat(signIn).endsWith("/login?ended");
        assertThat(session.get(signIn.replaceFirst("^https?://[^/]+", "")).body())
                .contains("You were signed out because your account was changed");
        assertThat(new FormClient(port).get("/cases").headers().firstValue("Location").orElseThrow())
                .as("a browser that was never signed in is sent to sign in as before").endsWith("/login");
    }

    /**
     * A form sent in a session that an administrator's change ended led to a sign-in page saying the session "ended
     * after a while without activity": not why. It now says why, and still that what was sent was not saved and the
     * typing waits in the browser (nothing removed the drafts: the clerk did not sign out).
     */
    @Test
    void aFormSentAfterTheAccountChangedSaysWhyTheSessionEndedNotInactivity() {
        String user = TestUsers.billing(admin, "end.form");
        FormClient session = signedIn(user, TestUsers.PASSWORD);
        String csrf = FormClient.csrfOf(session.get("/cases/new").body());
        signedIn("admin", ApiClient.PASSWORD).submit("/admin/users", "/admin/users/" + user + "/password",
                "password", NEW_PASSWORD);

        HttpResponse<String> save = session.postWithToken(csrf, "/cases/new", "_action", "save",
                "patient.lastName", "Afterchange");

        assertThat(save.statusCode()).isEqualTo(302);
        String signIn = save.headers().firstValue("Location").orElseThrow();
        assertThat(signIn).endsWith("/login?endedUnsaved");
        assertThat(session.get(signIn.replaceFirst("^https?://[^/]+", "")).body())
                .contains("You were signed out because your account was changed")
                .contains("what you last sent was not saved")
                .contains("is still in this browser")
                .doesNotContain("without activity");
    }

    /**
     * The same when a page in another tab met the ended session first: it was sent to {@code /login?ended}, which
     * says why, but the case form's Save in the first tab, sent next in the same browser, was then told the session
     * "ended after a while without activity". It now says why there too, and that the typing waits in the browser.
     */
    @Test
    void aFormSentAfterAnotherTabWasToldTheAccountChangedSaysWhyNotInactivity() {
        String user = TestUsers.billing(admin, "end.tabs");
        FormClient browser = signedIn(user, TestUsers.PASSWORD);
        String csrf = FormClient.csrfOf(browser.get("/cases/new").body());
        signedIn("admin", ApiClient.PASSWORD).submit("/admin/users", "/admin/users/" + user + "/access",
                "role", "BILLING", "clinicId", "south");
        assertThat(browser.get("/worklist")).as("the other tab").satisfies(SessionEndingTest::isSignInRedirect);

        HttpResponse<String> save = browser.postWithToken(csrf, "/cases/new", "_action", "save",
                "patient.lastName", "Aftertabs");

        assertThat(save.statusCode()).isEqualTo(302);
        String signIn = save.headers().firstValue("Location").orElseThrow();
        assertThat(signIn).endsWith("/login?endedUnsaved");
        assertThat(browser.get(signIn.replaceFirst("^https?://[^/]+", "")).body())
                .contains("You were signed out because your account was changed")
                .contains("what you last sent was not saved")
                .contains("is still in this browser")
                .doesNotContain("without activity");
        assertThat(jdbc.queryForObject("select count(*) from cases where created_by = ?", Long.class, user)).isZero();
        assertThat(browser.trySignIn(user, TestUsers.PASSWORD).headers().firstValue("Location").orElseThrow())
                .as("back to the form, where the draft waits").endsWith("/cases/new");
    }

    @Test
    void aNewClinicEndsTheSessionsThatCouldReadTheOldClinicsCases() {
        String user = TestUsers.billing(admin, "end.clinic");
        String northCase = new ApiClient(port).post("/api/v1/cases", "north.billing",
                dev.authpack.support.Samples.text("01-complete-esketamine")).json().get("id").asString();
        FormClient session = signedIn(user, TestUsers.PASSWORD);
        assertThat(session.get("/cases/" + northCase).statusCode()).isEqualTo(200);

        admin.changeAccess(user, Role.BILLING, "south", "admin");

        assertThat(session.get("/cases/" + northCase)).satisfies(SessionEndingTest::isSignInRedirect);
        assertThat(signedIn(user, TestUsers.PASSWORD).get("/cases/" + northCase).statusCode()).isEqualTo(404);
    }

    @Test
    void adminActionsThatOpenAClinicsPatientDataAreFlaggedInTheTrailAndOnThePages() {
        FormClient administrator = signedIn("admin", ApiClient.PASSWORD);
        String clinicUser = "flag.clinic." + System.nanoTime() % 1_000_000;
        String adminUser = "flag.admin." + System.nanoTime() % 1_000_000;

        HttpResponse<String> created = administrator.submit("/admin/users", "/admin/users", "username",
                clinicUser, "role", "CLINIC", "clinicId", "south", "password", NEW_PASSWORD);
        assertThat(administrator.get(created.headers().firstValue("Location").orElseThrow().replaceFirst(
                "^https?://[^/]+", "")).body()).contains("This grants access to clinic south");
        administrator.submit("/admin/users", "/admin/users", "username", adminUser, "role", "ADMIN",
                "password", NEW_PASSWORD);
        administrator.submit("/admin/users", "/admin/users/" + clinicUser + "/password",
                "password", "a-different-phrase-88");
        administrator.submit("/admin/users", "/admin/users/" + clinicUser + "/disable");
        administrator.submit("/admin/users", "/admin/users/" + clinicUser + "/enable");

        assertThat(jdbc.queryForList("select action || ' ' || coalesce(grants_access_to, '-') from audit_events "
                + "where target_user in (?, ?) order by id", String.class, clinicUser, adminUser)).containsExactly(
                "USER_CREATED south", "USER_CREATED -", "PASSWORD_RESET south", "USER_DISABLED -",
                "USER_ENABLED south");
        assertThat(administrator.get("/admin/audit?action=PASSWORD_RESET").body())
                .contains("grants access to clinic south");
        assertThat(adminApi("GET", "/api/v1/audit?action=USER_CREATED&size=5").body())
                .contains("\"grantsAccessTo\":\"south\"");
    }

    private FormClient signedIn(String user, String password) {
        FormClient b = new FormClient(port);
        HttpResponse<String> answer = b.trySignIn(user, password);
        assertThat(answer.headers().firstValue("Location").orElse("")).as("sign-in of " + user)
                .doesNotContain("error");
        return b;
    }

    private static void isSignInRedirect(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
    }

    private HttpResponse<String> adminApi(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", auth("admin", ApiClient.PASSWORD))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private int basic(String user, String password) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
                .header("Authorization", auth(user, password)).GET()).statusCode();
    }

    private static String auth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
