package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A web session ends at its maximum lifetime however busy it is (issue #16): here 4 seconds
 * instead of the default 12 hours, with a request every second so the idle timeout never applies.
 */
@SharedServiceTest(
        properties = "authpack.security.session.max-lifetime=4s")
@Isolated // a session of seconds, measured on a clock (Surefire runs test classes two at a time)
class SessionLifetimeTest {

    @LocalServerPort
    int port;
    @Autowired
    SessionProperties sessions;

    @Test
    void aBusySessionEndsAtItsMaximumLifetime() throws InterruptedException {
        FormClient browser = new FormClient(port).signIn("north.clinic", ApiClient.PASSWORD);
        long start = System.nanoTime();
        HttpResponse<String> answer = browser.get("/cases");
        while (answer.statusCode() == 200 && System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
            Thread.sleep(1000);
            answer = browser.get("/cases");
        }
        long lived = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        assertThat(lived).isBetween(3L, 8L);
    }

    @Test
    void theLifetimeIsConfiguredAndDefaultsToTwelveHours() {
        assertThat(sessions.maxLifetime()).isEqualTo(Duration.ofSeconds(4));
        SessionProperties unset = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource())
                .bindOrCreate("authpack.security.session", SessionProperties.class);
        assertThat(unset.maxLifetime()).isEqualTo(Duration.ofHours(12));
    }
}
