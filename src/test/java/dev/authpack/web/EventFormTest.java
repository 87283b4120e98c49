package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.Samples;
import dev.authpack.support.SharedServiceTest;
import dev.authpack.support.WebMessages;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The case page's event forms without JavaScript: a refused event comes back worded for the clerk, with what was typed. */
@SharedServiceTest
class EventFormTest {

    @LocalServerPort
    int port;

    @Test
    void aRefusedEventNamesTheFieldByItsLabelAndKeepsWhatWasTyped() {
        ApiClient api = new ApiClient(port);
        String id = api.post("/api/v1/cases", "north.billing", Samples.text("01-complete-esketamine")).json()
                .get("id").asString();
        assertThat(api.post("/api/v1/cases/" + id + "/packet", "north.billing", new byte[0], null).status()).isEqualTo(201);
        FormClient clerk = new FormClient(port).signIn("north.billing", "demo-pass-2026");
        String page = "/cases/" + id;
        clerk.get(page);
        assertThat(clerk.post(page + "/events", "type", "SUBMITTED", "date", "2026-11-20", "channel", "FAX")
                .statusCode()).isEqualTo(302);

        clerk.get(page);
        HttpResponse<String> refused = clerk.post(page + "/events", "type", "APPROVED", "date", "2026-11-25",
                "authorizationNumber", "AUTH-778812", "approvedFrom", "2026-12-10", "approvedTo", "2026-12-01",
                "approvedSessions", "8");
        assertThat(refused.statusCode()).isEqualTo(302);
        String shown = clerk.get(page).body();

        assertThat(shown).contains("Approved to: must not be before “Approved from”")
                .contains("value=\"AUTH-778812\"", "value=\"2026-12-10\"", "value=\"2026-12-01\"", "value=\"8\"");

        String reason = "The documentation does not show two adequate trials. ".repeat(20).strip();
        clerk.post(page + "/events", "type", "DENIED", "date", "2026-02-30", "reason", reason);
        String again = clerk.get(page).body();

        assertThat(again).contains("Date: ").contains(reason).doesNotContain("date must be");
    }

    @Test
    void aBadBillingCodeAndASubmissionWithoutAPacketAreSaidInTheClerksWords() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String approved = lifecycle.approvedCase(TODAY.minusDays(10), 8);
        String noPacket = lifecycle.newCase();
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");

        String session = press(clerk, "/cases/" + approved, "type", "SESSION_GIVEN", "date", TODAY.toString(),
                "codes", "G2083, ??");
        String submission = press(clerk, "/cases/" + noPacket, "type", "SUBMITTED", "date", TODAY.toString(),
                "channel", "FAX");

        assertThat(session).contains("Billing code 2: must be a billing code such as G2083").doesNotContain("codes[1]");
        assertThat(submission).contains("A submission needs a packet of this case (or an exception packet)")
                .doesNotContain("EXCEPTION_PACKET");
    }

    /** Each refused input is marked and points at its own message beside it, not only at the box above the forms. */
    @Test
    void eachRefusedInputIsMarkedInvalidAndDescribedByItsMessage() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String approved = lifecycle.approvedCase(TODAY.minusDays(10), 8);
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");

        String page = press(clerk, "/cases/" + approved, "type", "SESSION_GIVEN", "date", "2030-01-01",
                "codes", "G2083, ??");

        assertThat(tag(page, "input", "SESSION_GIVEN-date"))
                .contains("aria-invalid=\"true\"", "aria-describedby=\"SESSION_GIVEN-date-error\"");
        assertThat(tag(page, "input", "SESSION_GIVEN-codes"))
                .contains("aria-invalid=\"true\"", "aria-describedby=\"SESSION_GIVEN-codes-error\"");
        assertThat(page).containsPattern("<p class=\"error\" id=\"SESSION_GIVEN-date-error\">Date: must not be in the future")
                .containsPattern("<p class=\"error\" id=\"SESSION_GIVEN-codes-error\">Billing code 2: must be a billing code");
    }

    @Test
    void aFieldTheEventNeedsIsAskedForWithTheTimelinesNameOfTheEvent() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String submitted = lifecycle.caseWithPacket();
        lifecycle.ok(submitted, LifecycleHttp.submitted(TODAY.minusDays(3)));
        String approved = lifecycle.approvedCase(TODAY.minusDays(10), 8);
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");

        String approving = press(clerk, "/cases/" + submitted, "type", "APPROVED", "date", TODAY.toString(),
                "authorizationNumber", "", "approvedFrom", TODAY.toString(), "approvedTo", TODAY.plusDays(60).toString(),
                "approvedSessions", "6");
        String session = press(clerk, "/cases/" + approved, "type", "SESSION_GIVEN", "date", "", "codes", "G2083");

        assertThat(approving).contains("Authorization number: is required to record “Approved”")
                .doesNotContain("APPROVED event");
        assertThat(session).contains("Date: is required to record “Session given”")
                .doesNotContain("SESSION_GIVEN event");
    }

    @Test
    void anEventTheStatusRefusesSaysSoRatherThanAskingForItsFields() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.approvedCase(TODAY.minusDays(10), 8);
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");
        String refusal = "“Denied” cannot be recorded while the authorization is Approved; allowed now: “Session given”.";

        String unfilled = press(clerk, "/cases/" + id, "type", "DENIED", "date", TODAY.toString(), "reason", "");
        String filled = press(clerk, "/cases/" + id, "type", "DENIED", "date", TODAY.toString(), "reason", "Not covered");

        assertThat(unfilled).contains(refusal).doesNotContain("Denial reason, as the payer gave it:");
        assertThat(filled).contains(refusal).doesNotContain("An event of type DENIED");
        assertThat(lifecycle.authorization(id).get("status").asString()).isEqualTo("APPROVED");
    }

    /** The form goes through the API's service, so it refuses the same characters; Enter in the reason's box is no such character. */
    @Test
    void theFormRefusesWhatTheApiRefusesButJoinsTheLinesOfTheDenialReason() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        lifecycle.ok(id, LifecycleHttp.submitted(TODAY.minusDays(3)));
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");

        String refused = press(clerk, "/cases/" + id, "type", "DENIED", "date", TODAY.toString(),
                "reason", "Not covered \u202Edetaler\u0000");

        assertThat(refused).contains("Denial reason, as the payer gave it: contains a control or invalid character");
        assertThat(lifecycle.authorization(id).get("status").asString()).isEqualTo("SUBMITTED");

        press(clerk, "/cases/" + id, "type", "DENIED", "date", TODAY.toString(),
                "reason", "Step therapy not met.\r\n\r\n  See section 4.2 ");

        assertThat(lifecycle.authorization(id).path("denialReason").asString())
                .isEqualTo("Step therapy not met. See section 4.2");
    }

    /** The answer's PACKET_OUTDATED reaches the clerk in plain words; the submission is recorded all the same. */
    @Test
    void submittingAPacketMadeBeforeTheLastChangeSaysSoInPlainWords() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        var kase = (tools.jackson.databind.node.ObjectNode) lifecycle.api().get("/api/v1/cases/" + id,
                LifecycleHttp.BILLING).json();
        ((tools.jackson.databind.node.ObjectNode) kase.get("facility")).put("address", "2 Elm St, Springfield, MA 01101");
        assertThat(lifecycle.api().put("/api/v1/cases/" + id, LifecycleHttp.BILLING, Samples.json(kase)).status())
                .isEqualTo(200);
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");

        String page = press(clerk, "/cases/" + id, "type", "SUBMITTED", "date", TODAY.toString(), "channel", "FAX");

        assertThat(page).contains("data-warning=\"PACKET_OUTDATED\"", "The latest packet was made before the last"
                + " change to the case, so the payer may have an outdated packet: generate it again and send the new one.");
        assertThat(lifecycle.authorization(id).get("status").asString()).isEqualTo("SUBMITTED");
    }

    /**
     * A field posted twice with different values recorded the first silently: a submission dated both ten days ago
     * and today was recorded as of ten days ago (session 34's bad-input review; the API refuses a member given
     * twice, and the case form now refuses a field posted twice). Nothing is recorded and the field is named.
     */
    @Test
    void aFieldPostedTwiceWithDifferentValuesIsRefusedNamingItAndNothingIsRecorded() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.newCase();
        assertThat(new ApiClient(port).post("/api/v1/cases/" + id + "/packet", LifecycleHttp.BILLING, new byte[0], null)
                .status()).isEqualTo(201);
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");

        String page = press(clerk, "/cases/" + id, "type", "SUBMITTED", "date", TODAY.minusDays(10).toString(),
                "date", TODAY.toString(), "channel", "FAX");

        assertThat(page).contains("Date: was sent twice with different values");
        assertThat(lifecycle.authorization(id).get("status").asString()).isEqualTo("NOT_SUBMITTED");
        String same = press(clerk, "/cases/" + id, "type", "SUBMITTED", "date", TODAY.toString(), "date",
                TODAY.toString(), "channel", "FAX");
        assertThat(same).doesNotContain("was sent twice");
        assertThat(lifecycle.authorization(id).get("submittedOn").asString()).isEqualTo(TODAY.toString());
    }

    @Test
    void aFieldPostedTwiceWithAnEmptyFirstValueIsRefusedAsSentTwiceNotAsMissing() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.newCase();
        assertThat(new ApiClient(port).post("/api/v1/cases/" + id + "/packet", LifecycleHttp.BILLING, new byte[0], null)
                .status()).isEqualTo(201);
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");

        String page = press(clerk, "/cases/" + id, "type", "SUBMITTED", "date", "", "date", TODAY.toString(),
                "channel", "FAX");

        assertThat(page).contains("Date: was sent twice with different values").doesNotContain("Date: is required");
        assertThat(lifecycle.authorization(id).get("status").asString()).isEqualTo("NOT_SUBMITTED");
    }

    /** As on the case form: values that differ only in spaces are the one value the binder reads, so recorded. */
    @Test
    void aFieldPostedTwiceDifferingOnlyInSpacesIsOneValueAndRecorded() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.newCase();
        assertThat(new ApiClient(port).post("/api/v1/cases/" + id + "/packet", LifecycleHttp.BILLING, new byte[0], null)
                .status()).isEqualTo(201);
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");

        String page = press(clerk, "/cases/" + id, "type", "SUBMITTED", "date", TODAY.toString(),
                "date", " " + TODAY + " ", "channel", "FAX");

        assertThat(page).doesNotContain("was sent twice");
        assertThat(lifecycle.authorization(id).get("submittedOn").asString()).isEqualTo(TODAY.toString());
    }

    /** Said in the bundle's words, as the case form's "was sent twice" is (input.twice), not in a sentence held in Java. */
    @Test
    void aFieldPostedTwiceIsRefusedInTheWordsOfTheMessageBundle() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.newCase();
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");

        String page = press(clerk, "/cases/" + id, "type", "SUBMITTED", "date", TODAY.minusDays(1).toString(),
                "date", TODAY.toString(), "channel", "FAX");

        assertThat(page).contains("Date: " + WebMessages.source().getMessage("auth.problem.twice", null, Locale.ENGLISH));
    }

    private static final LocalDate TODAY = LocalDate.now();

    /** The opening tag of the element {@code name} with the given id, whatever order its attributes come in. */
    private static String tag(String page, String name, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<" + name + "\\b[^>]*\\bid=\"" + id + "\"[^>]*>")
                .matcher(page);
        assertThat(m.find()).as("<%s id=%s>", name, id).isTrue();
        return m.group();
    }

    /** Posts an event form and follows the redirect back to the case page, as the browser does. */
    private static String press(FormClient clerk, String page, String... fields) {
        clerk.get(page);
        assertThat(clerk.post(page + "/events", fields).statusCode()).isEqualTo(302);
        return clerk.get(page).body();
    }
}
