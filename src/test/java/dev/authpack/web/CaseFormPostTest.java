package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.Samples;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case pages as a browser without JavaScript uses them: rows added through the server, typed
 * text kept beside its message, a stale version answered without losing the user's input, the
 * list's filters, and code warnings on the case page.
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
        assertThat(clerk.post("/cases/search", "q", "nojs-rowadd").body()).doesNotContain("Nojs-Rowadd");
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

    @Test
    void caseListFiltersByStatusAndByPartOfThePatientsName() {
        ObjectNode complete = Samples.tree("01-complete-esketamine");
        ((ObjectNode) complete.get("patient")).put("lastName", "Filterready");
        assertThat(new ApiClient(port).post("/api/v1/cases", "north.billing", Samples.json(complete)).status())
                .isEqualTo(201);
        clerk.post("/cases/new", "patient.firstName", "Dana", "patient.lastName", "Filterdraft");

        assertThat(clerk.post("/cases/search", "q", "filter").body()).contains("Dana Filterready", "Dana Filterdraft");
        assertThat(clerk.post("/cases/search", "q", "FILTER", "status", "READY").body()).contains("Dana Filterready")
                .doesNotContain("Filterdraft");
        assertThat(clerk.post("/cases/search", "q", "filter", "status", "DRAFT").body()).contains("Dana Filterdraft")
                .doesNotContain("Filterready");
    }

    @Test
    void casePageWarnsOfARetiredBillingCode() {
        String location = clerk.post("/cases/new", "patient.lastName", "Oldcode", "request.startDate", "2026-11-30",
                "request.lines[0].code", "S0013").headers().firstValue("Location").orElseThrow();

        String page = clerk.get(java.net.URI.create(location).getPath()).body();

        assertThat(page).contains("id=\"code-warnings\"", "S0013 was replaced by J0013");
    }

    private static String versionOf(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("hidden version input").isTrue();
        return m.group(1);
    }
}
