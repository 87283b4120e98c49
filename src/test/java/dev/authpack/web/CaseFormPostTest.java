package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case form as a browser without JavaScript posts it: rows added through the server, typed
 * text kept beside its message, and a stale version answered without losing the user's input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseFormPostTest {

    @LocalServerPort
    int port;
    WebSession clerk;

    @BeforeEach
    void signIn() {
        clerk = new WebSession(port).logIn("north.billing", "demo-pass-2026");
        clerk.get("/cases/new");
    }

    @Test
    void addRowButtonWithoutScriptReturnsTheFormWithOneRowMoreAndSavesNothing() {
        HttpResponse<String> page = clerk.post("/cases/new", "patient.lastName", "Nojs-Rowadd",
                "medicationTrials[0].drug", "sertraline", "_action", "add:medicationTrials");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"medicationTrials[1].drug\"", "value=\"Nojs-Rowadd\"",
                "<option value=\"SSRI\" selected=\"selected\">");
        assertThat(clerk.get("/cases?q=nojs-rowadd").body()).doesNotContain("Nojs-Rowadd");
    }

    @Test
    void textThatIsNotANumberComesBackAsTypedWithItsMessageBesideIt() {
        HttpResponse<String> page = clerk.post("/cases/new", "patient.lastName", "Typo", "request.sessions", "eight");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"eight\"", "aria-invalid=\"true\"",
                "aria-describedby=\"request-sessions-error\"", "id=\"request-sessions-error\"", "value=\"Typo\"");
    }

    @Test
    void staleVersionIsRefusedAndTheTypedChangeIsStillInTheForm() {
        String location = clerk.post("/cases/new", "patient.lastName", "Conflict").headers()
                .firstValue("Location").orElseThrow();
        String edit = java.net.URI.create(location).getPath() + "/edit";
        String version = versionOf(clerk.get(edit).body());

        assertThat(clerk.post(edit, "version", version, "patient.lastName", "First").statusCode()).isEqualTo(302);
        HttpResponse<String> stale = clerk.post(edit, "version", version, "patient.lastName", "Second");

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Someone else saved this case", "value=\"Second\"");
        assertThat(clerk.get(edit).body()).contains("value=\"First\"");
    }

    private static String versionOf(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("hidden version input").isTrue();
        return m.group(1);
    }
}
