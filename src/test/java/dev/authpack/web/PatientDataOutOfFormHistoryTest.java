package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser keeps what is typed into a text field in its form history and offers it again in any field of
 * that name, to whoever uses the computer next: the patient's names, birth date and member id typed on the
 * case form, the name searched for on the case list or Recent documents (which the search posts to keep it
 * out of the browser's address history), an attachment's title, an event's note. Those fields ask the
 * browser not to keep them ({@code autocomplete="off"}); the local draft, cleared at sign-out, is the only
 * copy the browser keeps (docs/security.md). Other fields of the case form (payer, prescriber, drugs) keep
 * the browser's suggestions. Session 25, OWASP ASVS 4.0.3 V8.2.2.
 */
@SharedServiceTest
class PatientDataOutOfFormHistoryTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"patient.firstName", "patient.lastName", "patient.dateOfBirth", "patient.memberId",
            "patient.groupNumber"})
    void theCaseFormAsksTheBrowserNotToKeepThePatientsData(String field) {
        String form = billing().get("/cases/new").body();

        assertThat(tag(form, "input", "name=\"" + field + "\"")).contains("autocomplete=\"off\"");
    }

    @Test
    void theCaseFormsOtherFieldsKeepTheBrowsersSuggestions() {
        String form = billing().get("/cases/new").body();

        assertThat(tag(form, "input", "name=\"coverage.payerName\"")).doesNotContain("autocomplete");
        assertThat(tag(form, "form", "id=\"case-form\"")).doesNotContain("autocomplete");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/cases", "/documents"})
    void theNameSearchedForIsNotKeptEither(String page) {
        assertThat(tag(billing().get(page).body(), "input", "name=\"q\"")).contains("autocomplete=\"off\"");
    }

    @Test
    void anAttachmentsTitleAndAnEventsFieldsAreNotKept() {
        ApiClient api = new ApiClient(port);
        String id = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine"))
                .json().get("id").asString();
        // the submission's form is shown only once there is a packet to submit
        assertThat(api.post("/api/v1/cases/" + id + "/packet", "north.billing", new byte[0], null).status())
                .isEqualTo(201);

        String page = billing().get("/cases/" + id).body();

        assertThat(tag(page, "input", "id=\"attachment-title\"")).contains("autocomplete=\"off\"");
        assertThat(tag(page, "form", "id=\"event-form-SUBMITTED\"")).contains("autocomplete=\"off\"");
    }

    private FormClient billing() {
        return new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
    }

    /** The whole start tag of the one {@code element} carrying {@code attribute}. */
    private static String tag(String html, String element, String attribute) {
        Matcher m = Pattern.compile("<" + element + "\\b[^>]*" + Pattern.quote(attribute) + "[^>]*>").matcher(html);
        assertThat(m.find()).as("a <%s %s> on the page", element, attribute).isTrue();
        return m.group();
    }
}
