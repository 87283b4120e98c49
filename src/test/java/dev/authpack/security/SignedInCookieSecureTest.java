package dev.authpack.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.FormClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The signed-in marker cookie ({@link SignedInCookie}) is {@code Secure} wherever the session cookie is. Without
 * {@code server.servlet.session.cookie.secure} (an instance on H2, which has no postgres profile) the session cookie is
 * {@code Secure} when the request came over HTTPS, behind a TLS proxy its {@code X-Forwarded-Proto}: the marker read
 * the setting alone and went out without {@code Secure} beside it. The same settings as ForwardedClientAddressTest, so
 * the two can share one cached context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "server.forward-headers-strategy=native",
    "spring.datasource.url=jdbc:h2:mem:forwarded-client-address;DB_CLOSE_DELAY=-1"})
class SignedInCookieSecureTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern SESSION = Pattern.compile("(JSESSIONID=[^;]+)");

    @LocalServerPort
    int port;

    @Test
    void signedInBehindATlsProxyTheMarkerIsSecureLikeTheSessionCookie() throws Exception {
        Map<String, String> cookies = signIn(Optional.of("https"));

        assertThat(cookies.get("JSESSIONID")).as("the session cookie, as Spring Session sets it").contains("; Secure");
        assertThat(cookies.get(SignedInCookie.NAME)).as("the signed-in marker").contains("; Secure");
    }

    @Test
    void signedInOverPlainHttpNeitherIsSecure() throws Exception {
        Map<String, String> cookies = signIn(Optional.empty());

        assertThat(cookies.get("JSESSIONID")).startsWith("JSESSIONID=").doesNotContain("Secure");
        assertThat(cookies.get(SignedInCookie.NAME)).startsWith(SignedInCookie.NAME + "=1").doesNotContain("Secure");
    }

    /** Signs north.billing in, through a proxy saying {@code X-Forwarded-Proto} if given; the sign-in's Set-Cookie lines by name. */
    private Map<String, String> signIn(Optional<String> forwardedProto) throws IOException, InterruptedException {
        HttpResponse<String> page = HTTP.send(request("/login", forwardedProto).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher session = SESSION.matcher(String.join(";", page.headers().allValues("Set-Cookie")));
        assertThat(session.find()).as("the sign-in page's session").isTrue();
        String form = "_csrf=" + URLEncoder.encode(FormClient.csrfOf(page.body()), StandardCharsets.UTF_8)
                + "&username=north.billing&password=demo-pass-2026";
        HttpResponse<String> answer = HTTP.send(request("/login", forwardedProto).header("Cookie", session.group(1))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Location")).as("signed in").get().asString().doesNotContain("error");
        List<String> set = answer.headers().allValues("Set-Cookie");
        return Map.of("JSESSIONID", set.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse(""),
                SignedInCookie.NAME, set.stream().filter(c -> c.startsWith(SignedInCookie.NAME + "=")).findFirst()
                        .orElse(""));
    }

    private HttpRequest.Builder request(String path, Optional<String> forwardedProto) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        forwardedProto.ifPresent(proto -> b.header("X-Forwarded-Proto", proto));
        return b;
    }
}
