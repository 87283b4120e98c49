package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Recording an approval, the clerk typed "approved from" and the sessions with nothing on the form saying what the
 * case had asked for (sample 01: from 2026-11-30, 8 sessions), though it was on the case page two screens up. The
 * requested values are now said beside those fields, not put in them: what is recorded is what the payer's letter
 * says, and a different start date is recorded as typed, without a word.
 */
@SharedServiceTest
class ApprovalFormShowsTheRequestTest {

    @LocalServerPort
    int port;

    @Test
    void theApprovalFormSaysTheRequestedStartAndSessionsBesideEmptyFieldsAndTakesOtherValuesWithoutAWarning() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        LocalDate today = LocalDate.now();
        lifecycle.ok(id, LifecycleHttp.submitted(today));
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");
        String page = "/cases/" + id;

        String shown = clerk.get(page).body();

        assertThat(shown).contains("<p class=\"hint\" id=\"APPROVED-approvedFrom-requested\">requested: 2026-11-30</p>",
                "<p class=\"hint\" id=\"APPROVED-approvedSessions-requested\">requested: 8 sessions</p>");
        assertThat(tag(shown, "APPROVED-approvedFrom")).as("said beside the field, not typed in it")
                .contains("aria-describedby=\"APPROVED-approvedFrom-requested\"", "value=\"\"");
        assertThat(tag(shown, "APPROVED-approvedSessions"))
                .contains("aria-describedby=\"APPROVED-approvedSessions-requested\"", "value=\"\"");

        assertThat(clerk.post(page + "/events", "type", "APPROVED", "date", today.toString(), "seenEvents", "1",
                "authorizationNumber", "AUTH-5521", "approvedFrom", "2026-12-07", "approvedTo", "2027-03-06",
                "approvedSessions", "6").statusCode()).isEqualTo(302);
        String recorded = clerk.get(page).body();
        assertThat(recorded).contains("id=\"event-recorded\"").doesNotContain("id=\"event-warnings\"", "id=\"event-problems\"");
        assertThat(lifecycle.authorization(id).get("approvedFrom").asString()).isEqualTo("2026-12-07");
    }

    private static String tag(String page, String id) {
        Matcher m = Pattern.compile("<input\\b[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(page);
        assertThat(m.find()).as("<input id=%s>", id).isTrue();
        return m.group();
    }
}
