package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sign-ins in the audit trail: form sign-in success and failure, sign-out, HTTP Basic failures;
 * HTTP Basic successes are deliberately not recorded (docs/security.md).
 */
@SharedServiceTest
class SignInAuditTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration admin;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void formSignInFailureSuccessAndSignOutAreRecordedInOrder() {
        String user = TestUsers.billing(admin, "audit.form");
        FormClient browser = new FormClient(port);
        browser.trySignIn(user, "not-the-password");
        browser.signIn(user, TestUsers.PASSWORD);
        browser.submit("/cases", "/logout");

        assertThat(trail(user)).containsExactly(
                "LOGIN BAD_CREDENTIALS null 127.0.0.1",
                "LOGIN OK north 127.0.0.1",
                "LOGOUT OK north 127.0.0.1");
    }

    @Test
    void basicFailuresAreRecordedButBasicSuccessesAreNot() {
        String user = TestUsers.billing(admin, "audit.basic");
        assertThat(basic(user, TestUsers.PASSWORD)).isEqualTo(200);
        assertThat(basic(user, "not-the-password")).isEqualTo(401);
        assertThat(basic(user, TestUsers.PASSWORD)).isEqualTo(200);

        assertThat(trail(user)).containsExactly("API_LOGIN BAD_CREDENTIALS null 127.0.0.1");
    }

    private List<String> trail(String user) {
        return jdbc.query("select action, outcome, clinic_id, client_address from audit_events "
                        + "where username = ? and action in ('LOGIN', 'API_LOGIN', 'LOGOUT') order by id",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4),
                user);
    }

    private int basic(String user, String password) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
