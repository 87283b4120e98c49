package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clerk's web session whose row another transaction holds (a request of the same clerk on another instance
 * stalled in the middle of saving it, or cut off by the network): each request of that session gave up
 * waiting for the row after the lock timeout and answered 500, the page several timeouts late and an API call
 * carrying the cookie with an empty body. Now pages are answered as usual, the API does not wait at all, and
 * the clerk stays signed in under the same session; a form saved meanwhile is stored and answered with its
 * redirect (a "Busy, send it again" there would have had the clerk store it twice); signing out, which must
 * delete the row, is "Busy", and so is signing in, which must rename it.
 */
@SharedServiceTest
class SessionRowLockedTest {

    static final String CLERK = "north.billing";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAdministration admin;

    @Test
    void pagesAndApiCallsOfASessionWhoseRowIsHeldAreAnsweredAndTheClerkStaysSignedIn() throws Exception {
        FormClient browser = new FormClient(port).signIn(CLERK, "demo-pass-2026");
        String cookie = browser.sessionId();
        String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        assertThat(browser.get("/cases").statusCode()).isEqualTo(200);

        HttpResponse<String> page;
        HttpResponse<String> api;
        HttpResponse<String> apiDocs;
        Duration apiTook;
        try (HeldSessionRow held = holdRowOf(id)) {
            page = within(() -> browser.open("/cases"));
            long start = System.nanoTime();
            api = within(() -> send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
                    .header("Cookie", "JSESSIONID=" + cookie).header("Authorization", "Basic "
                            + Base64.getEncoder().encodeToString((CLERK + ":demo-pass-2026").getBytes(StandardCharsets.UTF_8)))));
            apiTook = Duration.ofNanos(System.nanoTime() - start);
            // the API's description is read with the web session (the browsable /api-docs page)
            apiDocs = within(() -> send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                    .header("Cookie", "JSESSIONID=" + cookie)));
        }

        assertThat(page.statusCode()).as("the page").isEqualTo(200);
        assertThat(page.body()).contains("</html>").doesNotContain("Exception");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(api.headers().allValues("Set-Cookie")).as("the API neither renames nor starts a session").isEmpty();
        assertThat(apiTook).as("the API does not wait for the web session's row").isLessThan(Duration.ofSeconds(1));
        assertThat(apiDocs.statusCode()).as("the API description through the session").isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE session_id = ?", Long.class, id))
                .as("the session is kept under its name").isEqualTo(1);
        assertThat(browser.get("/cases").statusCode()).as("still signed in once the row is free").isEqualTo(200);
        assertThat(browser.sessionId()).as("with the same session").isEqualTo(cookie);
    }

    @Test
    void aDraftSavedWhileTheSessionsRowIsHeldIsStoredAndOpensAsAfterAnySave() throws Exception {
        FormClient browser = new FormClient(port).signIn(CLERK, "demo-pass-2026");
        String id = new String(Base64.getDecoder().decode(browser.sessionId()), StandardCharsets.UTF_8);
        browser.get("/cases/new");

        HttpResponse<String> saved;
        try (HeldSessionRow held = holdRowOf(id)) {
            saved = within(() -> browser.post("/cases/new", "patient.lastName", "Heldrow", "patient.firstName", "Dana"));
        }

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String casePage = saved.headers().firstValue("Location").orElseThrow();
        assertThat(casePage).contains("/cases/");
        assertThat(browser.get(casePage.replaceFirst("^https?://[^/]+", "")).body()).contains("Heldrow");
    }

    @Test
    void signingOutWhileTheSessionsRowIsHeldIsBusyAndLeavesTheClerkSignedInToTryAgain() throws Exception {
        FormClient browser = new FormClient(port).signIn(CLERK, "demo-pass-2026");
        String cookie = browser.sessionId();
        String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        String token = FormClient.csrfOf(browser.get("/cases").body());

        HttpResponse<String> out;
        try (HeldSessionRow held = holdRowOf(id)) {
            out = within(() -> browser.postWithToken(token, "/logout"));
        }

        assertThat(out.statusCode()).as(out.body()).isEqualTo(503);
        assertThat(out.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(out.body()).contains("Busy for a moment").contains("still signed in");
        assertThat(browser.get("/cases").statusCode()).as("still signed in once the row is free").isEqualTo(200);
        assertThat(browser.sessionId()).isEqualTo(cookie);
        HttpResponse<String> again = browser.postWithToken(token, "/logout");
        assertThat(again.headers().firstValue("Location").orElseThrow()).as("and signs out then").endsWith("/login?logout");
    }

    @Test
    void signingInWhileTheSignInPagesSessionRowIsHeldIsBusyNotASilentSignOutAndSigningInAgainWorks() throws Exception {
        // an account of its own, so that its audit rows are this attempt's and the next one's
        String clerk = TestUsers.billing(admin, "rowheld.signin");
        FormClient browser = new FormClient(port);
        browser.get("/login");
        String cookie = browser.sessionId();
        assertThat(cookie).as("the sign-in page starts a session for its form token").isNotNull();
        String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);

        HttpResponse<String> in;
        try (HeldSessionRow held = holdRowOf(id)) {
            in = within(() -> browser.post("/login", "username", clerk, "password", TestUsers.PASSWORD));
        }

        // before: 302 to the start page with a new cookie no row answered to, and from there back to sign-in
        assertThat(in.statusCode()).as(in.body()).isEqualTo(503);
        assertThat(in.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(in.body()).contains("Busy for a moment").contains("You are not signed in yet")
                .doesNotContain("still signed in");
        assertThat(in.headers().allValues("Set-Cookie")).as("the browser keeps the session it had").isEmpty();
        assertThat(browser.get("/cases").headers().firstValue("Location")).as("not signed in")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        browser.signIn(clerk, TestUsers.PASSWORD);
        assertThat(browser.get("/cases").statusCode()).as("signed in at the next try").isEqualTo(200);
        // before: LOGIN OK for the busy attempt too, the trail saying the clerk had signed in when they had not
        assertThat(signInTrail(clerk)).as("every attempt audited as it ended")
                .containsExactly("LOGIN SESSION_BUSY north", "LOGIN OK north");
    }

    private List<String> signInTrail(String user) {
        return jdbc.query("SELECT action, outcome, clinic_id FROM audit_events WHERE username = ? AND action = 'LOGIN' "
                + "ORDER BY id", (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3), user);
    }

    /**
     * The session's row locked by a transaction of another connection, as a stalled request of the same clerk
     * holds it, until closed: then rolled back, which frees the row.
     */
    private HeldSessionRow holdRowOf(String sessionId) throws SQLException {
        Connection held = dataSource.getConnection();
        held.setAutoCommit(false);
        try (PreparedStatement hold = held.prepareStatement(
                "SELECT primary_id FROM spring_session WHERE session_id = ? FOR UPDATE")) {
            hold.setString(1, sessionId);
            assertThat(hold.executeQuery().next()).as("the session's row is held").isTrue();
        }
        return new HeldSessionRow(held);
    }

    private record HeldSessionRow(Connection connection) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (connection) {
                connection.rollback();
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every answer within a minute: before, a page waited several lock timeouts; for ever would hang the test. */
    private static HttpResponse<String> within(Supplier<HttpResponse<String>> request) throws Exception {
        return CompletableFuture.supplyAsync(request).get(60, TimeUnit.SECONDS);
    }
}
