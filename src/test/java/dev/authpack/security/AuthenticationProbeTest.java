package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.SharedServiceTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The two attacks of issue #16, over real HTTP Basic. (1) While an account is locked its password
 * is never checked: the right and the wrong password get the same answer, and the stored hash is
 * never handed to the encoder (no timing oracle, whatever the encoder does). (2) Simultaneous guesses
 * are counted exactly and nothing succeeds after the lock, even a right password whose check was
 * already running when the lock landed.
 */
@SharedServiceTest
@Import(RecordingPasswordEncoder.Install.class)
class AuthenticationProbeTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration admin;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LockoutProperties lockout;
    @Autowired
    PasswordEncoder encoder;

    final HttpClient http = HttpClient.newHttpClient();

    RecordingPasswordEncoder recorder() {
        return (RecordingPasswordEncoder) encoder;
    }

    @Test
    void aLockedAccountAnswersTheRightAndAWrongPasswordAlikeAndNeverChecksEither() {
        String user = TestUsers.billing(admin, "probe.locked");
        String storedHash = jdbc.queryForObject("select password_hash from users where username = ?", String.class,
                user);
        for (int i = 0; i < lockout.maxAttempts(); i++) {
            assertThat(call(user, "wrong-guess-" + i).statusCode()).isEqualTo(401);
        }
        recorder().forget();

        List<Long> rightMs = new ArrayList<>();
        List<Long> wrongMs = new ArrayList<>();
        HttpResponse<String> right = null;
        HttpResponse<String> wrong = null;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            right = call(user, TestUsers.PASSWORD);
            rightMs.add((System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();
            wrong = call(user, "another-wrong-guess-" + i);
            wrongMs.add((System.nanoTime() - t0) / 1_000_000);
        }

        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).isEqualTo(wrong.body());
        assertThat(headers(right)).isEqualTo(headers(wrong));
        assertThat(recorder().comparedWith()).as("hashes compared while locked").doesNotContain(storedHash)
                .hasSize(10); // one dummy comparison per attempt: a refusal costs what a wrong password costs
        assertThat(jdbc.queryForObject("select count(*) from audit_events where username = ? and action = 'API_LOGIN'"
                + " and outcome = 'LOCKED'", Long.class, user)).isEqualTo(10);
        System.out.printf("locked account, ms per attempt: right %s, wrong %s%n", rightMs, wrongMs);
    }

    @Test
    void aRightPasswordWhoseCheckIsOvertakenByTheLockIsRefused() throws Exception {
        String user = TestUsers.billing(admin, "probe.overtaken");
        recorder().hold(TestUsers.PASSWORD);
        CompletableFuture<Integer> right;
        try {
            right = CompletableFuture.supplyAsync(() -> call(user, TestUsers.PASSWORD).statusCode());
            recorder().awaitHeldCheck();
            for (int i = 0; i < lockout.maxAttempts(); i++) {
                assertThat(call(user, "parallel-guess-" + i).statusCode()).isEqualTo(401);
            }
        } finally {
            recorder().releaseHeld();
        }

        assertThat(right.get()).as("the right password, checked while the lock landed").isEqualTo(401);
        assertThat(outcomes(user)).isEqualTo(Map.of("API_LOGIN BAD_CREDENTIALS", lockout.maxAttempts(),
                "ACCOUNT_LOCKED LOCKED", 1, "API_LOGIN LOCKED", 1));
    }

    @Test
    void twelveSimultaneousGuessesWithTheRightOneAmongThemAreCountedExactly() throws Exception {
        String user = TestUsers.billing(admin, "probe.burst");
        int burst = 12;
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        List<Future<Integer>> answers = new ArrayList<>();
        int rightIndex = 7;
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < burst; i++) {
                String guess = i == rightIndex ? TestUsers.PASSWORD : "burst-guess-" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return call(user, guess).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get());
            }
            boolean rightGotIn = statuses.get(rightIndex) == 200;
            Map<String, Integer> outcomes = outcomes(user);
            int bad = outcomes.getOrDefault("API_LOGIN BAD_CREDENTIALS", 0);
            int locked = outcomes.getOrDefault("API_LOGIN LOCKED", 0);
            System.out.printf("burst of %d: answers %s, trail %s%n", burst, statuses, outcomes);

            // the right password gets in only if it committed before the lock: at most one 200, never anything else
            assertThat(statuses).filteredOn(s -> s != 401).allMatch(s -> s == 200).hasSizeLessThanOrEqualTo(1);
            assertThat(outcomes.get("ACCOUNT_LOCKED LOCKED")).as("one lock").isEqualTo(1);
            assertThat(bad + locked).as("every refusal recorded once").isEqualTo(rightGotIn ? burst - 1 : burst);
            if (rightGotIn) {
                // it came within the limit: at most max-1 failures before it, the limit's worth after it
                assertThat(bad).isBetween(lockout.maxAttempts(), 2 * lockout.maxAttempts() - 1);
            } else {
                assertThat(bad).as("failures counted before the lock, none after").isEqualTo(lockout.maxAttempts());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(call(user, TestUsers.PASSWORD).statusCode()).as("locked after the burst").isEqualTo(401);
        assertThat(jdbc.queryForObject("select failed_logins from users where username = ?", Integer.class, user))
                .isZero();
    }

    @Test
    void manySimultaneousCallsWithTheRightPasswordAllSucceed() throws Exception {
        String user = TestUsers.billing(admin, "probe.script");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> call(user, TestUsers.PASSWORD).statusCode()));
            }
            for (Future<Integer> a : answers) {
                assertThat(a.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
    }

    private Map<String, Integer> outcomes(String user) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.query("select action, outcome from audit_events where username = ?", rs -> {
            counts.merge(rs.getString(1) + " " + rs.getString(2), 1, Integer::sum);
        }, user);
        return counts;
    }

    private static Map<String, List<String>> headers(HttpResponse<String> r) {
        Map<String, List<String>> h = new TreeMap<>(r.headers().map());
        h.remove("date");
        return h;
    }

    private HttpResponse<String> call(String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
