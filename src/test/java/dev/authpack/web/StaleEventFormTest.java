package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.authorization.LifecycleHttp;
import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.SharedServiceTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two tabs (or two clerks) with the same case page open: an event sent from the page that no longer
 * shows the whole timeline records nothing and says who recorded what meanwhile; the form comes
 * back with what was typed and the new count, so pressing again records it.
 */
@SharedServiceTest
class StaleEventFormTest {

    private static final LocalDate TODAY = LocalDate.now();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSessionSentFromAnOutdatedTabIsNotCountedTwiceUntilTheClerkPressesAgain() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.approvedCase(TODAY.minusDays(10), 8);
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");
        String page = "/cases/" + id;
        String firstTab = seen(clerk.get(page).body(), "SESSION_GIVEN");
        String secondTab = seen(clerk.get(page).body(), "SESSION_GIVEN");
        assertThat(firstTab).isEqualTo(secondTab).isEqualTo("2");

        assertThat(press(clerk, page, "type", "SESSION_GIVEN", "date", TODAY.toString(), "codes", "G2083",
                "seenEvents", firstTab)).contains("The event was recorded.");
        assertThat(sessionsUsed(lifecycle, id)).isEqualTo(1);

        String shown = press(clerk, page, "type", "SESSION_GIVEN", "date", TODAY.toString(), "codes", "G2083, 99213",
                "seenEvents", secondTab);
        assertThat(sessionsUsed(lifecycle, id)).as("nothing recorded from the outdated tab").isEqualTo(1);
        assertThat(audited(id, "CONFLICT")).isEqualTo(1);
        assertThat(shown).contains("id=\"event-problems\"", "Since you opened this page, north.billing recorded"
                + " “Session given” dated " + TODAY + " (at ", "Nothing was recorded.",
                "press “Session given” again").doesNotContain("The event was recorded.");
        assertThat(shown).containsPattern("dated " + TODAY + " \\(at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\)\\.");
        assertThat(shown).as("what was typed is back in its form").contains("value=\"G2083, 99213\"");
        String refreshed = seen(shown, "SESSION_GIVEN");
        assertThat(refreshed).isEqualTo("3");

        assertThat(press(clerk, page, "type", "SESSION_GIVEN", "date", TODAY.toString(), "codes", "G2083, 99213",
                "seenEvents", refreshed)).contains("The event was recorded.").doesNotContain("id=\"event-problems\"");
        assertThat(sessionsUsed(lifecycle, id)).as("pressed again on the refreshed form").isEqualTo(2);
    }

    @Test
    void aSecondApprovalFromAnOutdatedTabSaysWhoApprovedAndThatApprovingIsNoLongerPossible() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.caseWithPacket();
        lifecycle.ok(id, LifecycleHttp.submitted(TODAY.minusDays(3)));
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");
        String page = "/cases/" + id;
        String seen = seen(clerk.get(page).body(), "APPROVED");

        lifecycle.ok(id, LifecycleHttp.approved(TODAY.minusDays(1), TODAY, TODAY.plusDays(90), 8));
        String shown = press(clerk, page, "type", "APPROVED", "date", TODAY.toString(), "authorizationNumber", "AUTH-99",
                "approvedFrom", TODAY.toString(), "approvedTo", TODAY.plusDays(60).toString(), "approvedSessions", "6",
                "seenEvents", seen);

        assertThat(lifecycle.authorization(id).get("authorizationNumber").asString()).isEqualTo("AUTH-77");
        assertThat(shown).contains("Since you opened this page, north.billing recorded “Approved” dated "
                + TODAY.minusDays(1), "Nothing was recorded: “Approved” cannot be recorded now that the authorization"
                + " is Approved.");
    }

    @Test
    void aFormWithoutTheCountRecordsAsBeforeAndAMalformedCountIsAFieldProblem() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.approvedCase(TODAY.minusDays(10), 8);
        FormClient clerk = new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026");
        String page = "/cases/" + id;
        clerk.get(page);

        assertThat(press(clerk, page, "type", "SESSION_GIVEN", "date", TODAY.toString()))
                .contains("The event was recorded.");
        assertThat(sessionsUsed(lifecycle, id)).as("an old page or a script without the field").isEqualTo(1);

        for (String malformed : new String[] {"two", "-1", "1e3", "99999999999"}) {
            assertThat(press(clerk, page, "type", "SESSION_GIVEN", "date", TODAY.toString(), "codes", "G2083",
                    "seenEvents", malformed)).as(malformed).contains("id=\"event-problems\"",
                    "Events on the page when it was opened (seenEvents): must be a whole number", "value=\"G2083\"");
        }
        assertThat(press(clerk, page, "type", "SESSION_GIVEN", "date", TODAY.toString(), "seenEvents", "40"))
                .contains("Events on the page when it was opened (seenEvents): must be the number of events the page"
                        + " showed, from 0 to 3");
        assertThat(sessionsUsed(lifecycle, id)).as("nothing recorded from a malformed form").isEqualTo(1);
    }

    /** Posts an event form and follows the redirect back to the case page, as the browser does. */
    private static String press(FormClient clerk, String page, String... fields) {
        HttpResponse<String> r = clerk.post(page + "/events", fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith(page + "#authorization");
        return clerk.get(page).body();
    }

    /** The hidden count in the form of {@code type}, as the browser would send it. */
    private static String seen(String html, String type) {
        Matcher m = Pattern.compile("id=\"event-form-" + type + "\"[\\s\\S]*?name=\"seenEvents\" value=\"([^\"]*)\"")
                .matcher(html);
        assertThat(m.find()).as("the " + type + " form carries the count").isTrue();
        return m.group(1);
    }

    private static int sessionsUsed(LifecycleHttp lifecycle, String id) {
        return lifecycle.authorization(id).get("sessionsUsed").asInt();
    }

    private int audited(String caseId, String outcome) {
        return jdbc.queryForObject("select count(*) from audit_events where case_id = ? and action = 'AUTH_SESSION_GIVEN'"
                + " and outcome = ?", Integer.class, caseId, outcome);
    }
}
