package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.io.IOException;
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
 * Repeated wrong passwords lock an account for a while (5 and 15 minutes by default). The API
 * keeps answering a plain 401, the login page the same message as for a wrong password: neither
 * tells an attacker which part was wrong or that the account exists.
 */
@SharedServiceTest
class LoginLockoutTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration admin;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LockoutProperties lockout;

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheApiStillAnswers401() {
        String user = TestUsers.billing(admin, "lock.api");
        assertThat(call(user, TestUsers.PASSWORD)).isEqualTo(200);
        for (int i = 0; i < lockout.maxAttempts(); i++) {
            assertThat(call(user, "wrong-password-" + i)).as("attempt %d", i + 1).isEqualTo(401);
        }

        assertThat(call(user, TestUsers.PASSWORD)).as("right password while locked").isEqualTo(401);
        assertThat(call(user, "wrong-again-xyz")).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where username = ? and action = 'ACCOUNT_LOCKED'",
                Long.class, user)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where username = ? and outcome = 'LOCKED'"
                + " and action = 'API_LOGIN'", Long.class, user)).isEqualTo(2);
    }

    @Test
    void simultaneousWrongPasswordsAreAllCounted() throws Exception {
        String user = TestUsers.billing(admin, "lock.burst");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(lockout.maxAttempts());
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < lockout.maxAttempts(); i++) {
                String guess = "burst-guess-" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return call(user, guess);
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<Integer> a : answers) {
                assertThat(a.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(call(user, TestUsers.PASSWORD)).as("locked after %d simultaneous guesses", lockout.maxAttempts())
                .isEqualTo(401);
    }

    @Test
    void theLockEndsAfterItsDurationAndASuccessResetsTheCount() {
        String user = TestUsers.billing(admin, "lock.ends");
        for (int i = 0; i < lockout.maxAttempts(); i++) {
            call(user, "wrong-password-" + i);
        }
        assertThat(call(user, TestUsers.PASSWORD)).isEqualTo(401);

        // as if the lock duration had passed
        jdbc.update("update users set locked_until = ? where username = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), user);
        assertThat(call(user, TestUsers.PASSWORD)).isEqualTo(200);

        for (int i = 0; i < lockout.maxAttempts() - 1; i++) {
            call(user, "wrong-password-" + i);
        }
        assertThat(call(user, TestUsers.PASSWORD)).as("a success in between resets the count").isEqualTo(200);
        call(user, "wrong-password-last");
        assertThat(call(user, TestUsers.PASSWORD)).isEqualTo(200);
    }

    @Test
    void theLoginPageSaysTheSameForAWrongPasswordAnUnknownUserAndALockedAccount() {
        String user = TestUsers.billing(admin, "lock.web");
        for (int i = 0; i < lockout.maxAttempts(); i++) {
            call(user, "wrong-password-" + i);
        }

        String locked = errorPage(user, TestUsers.PASSWORD);
        String wrong = errorPage(TestUsers.billing(admin, "lock.wrong"), "not-the-password");
        String unknown = errorPage("nobody.at.all", "not-the-password");

        assertThat(locked).isEqualTo(wrong).isEqualTo(unknown).contains("locked");
    }

    /** Only the password is typed again; the name is kept in the session, never in the address, and says nothing of the account. */
    @Test
    void aFailedSignInKeepsTheNameTypedButNotThePasswordAndPutsNeitherInTheAddress() {
        String user = TestUsers.billing(admin, "keep.name");
        FormClient browser = new FormClient(port);

        HttpResponse<String> answer = browser.trySignIn(user, "not-the-password-7");

        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/login?error").doesNotContain(user);
        String page = browser.get(URI.create(location).getPath() + "?error").body();
        assertThat(input(page, "username")).contains("value=\"" + user + "\"").doesNotContain("autofocus");
        assertThat(input(page, "password")).doesNotContain("value").contains("autofocus");
        assertThat(page).doesNotContain("not-the-password-7");
        assertThat(input(browser.get("/login").body(), "username")).as("kept for the next page only")
                .doesNotContain(user);

        FormClient stranger = new FormClient(port);
        stranger.trySignIn("nobody.at.all", "not-the-password-7");
        assertThat(input(stranger.get("/login?error").body(), "username")).as("an unknown name is kept alike")
                .contains("value=\"nobody.at.all\"");
    }

    /**
     * Sessions are rows in the database. Spring's default failure handler kept the failed attempt there, the
     * password as typed inside it (found by the PHI canary audit, session 24), until the session expired.
     */
    @Test
    void aFailedSignInLeavesNoPasswordInTheSessionTable() {
        String password = "typed-secret-" + java.util.UUID.randomUUID();
        String name = "nobody." + java.util.UUID.randomUUID();
        FormClient browser = new FormClient(port);

        browser.trySignIn(name, password);

        assertThat(sessionAttributesContaining(password)).as("session attributes holding the typed password").isZero();
        assertThat(input(browser.get("/login?error").body(), "username")).contains("value=\"" + name + "\"");
        assertThat(sessionAttributesContaining(name)).as("the name typed, once the form has shown it").isZero();
        assertThat(sessionAttributesContaining(password)).isZero();
    }

    private long sessionAttributesContaining(String text) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        return jdbc.queryForList("select attribute_bytes from spring_session_attributes", byte[].class).stream()
                .filter(bytes -> indexOf(bytes, wanted) >= 0).count();
    }

    private static int indexOf(byte[] in, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= in.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (in[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String input(String page, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<input\\b[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(page);
        assertThat(m.find()).as("input %s", id).isTrue();
        return m.group();
    }

    @Test
    void lockoutDefaultsAreFiveAttemptsAndFifteenMinutes() {
        assertThat(lockout.maxAttempts()).isEqualTo(5);
        assertThat(lockout.duration()).hasMinutes(15);
    }

    private String errorPage(String user, String password) {
        FormClient browser = new FormClient(port);
        HttpResponse<String> answer = browser.trySignIn(user, password);
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/login?error");
        String page = browser.get("/login?error").body();
        int start = page.indexOf("role=\"alert\"");
        return page.substring(start, page.indexOf("</p>", start));
    }

    private int call(String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
