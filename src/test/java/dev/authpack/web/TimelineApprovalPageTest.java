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
 * The case page's authorization section without JavaScript: the Approved entry of the timeline says
 * what its number is ("3 sessions approved", not a bare 3), and the sessions bar rounds to the
 * nearest percent.
 */
@SharedServiceTest
class TimelineApprovalPageTest {

    static final Pattern APPROVED_ENTRY = Pattern.compile("<li data-type=\"APPROVED\">(.*?)</li>", Pattern.DOTALL);
    static final LocalDate DAY = LocalDate.now().minusDays(10);

    @LocalServerPort
    int port;

    @Test
    void theApprovedEntryLabelsItsSessionsAndTheBarRoundsTwoOfThreeToSixtySevenPercent() {
        LifecycleHttp lifecycle = new LifecycleHttp(new ApiClient(port));
        String id = lifecycle.approvedCase(DAY, 3);
        lifecycle.ok(id, LifecycleHttp.session(DAY.plusDays(1)));
        lifecycle.ok(id, LifecycleHttp.session(DAY.plusDays(2)));

        String page = page(id);

        assertThat(approvedEntry(page)).contains("AUTH-77, " + DAY + " – " + DAY.plusDays(90) + ", 3 sessions approved");
        assertThat(page).containsPattern("id=\"sessions-progress\"[^>]*>67%</progress>");
    }

    @Test
    void oneApprovedSessionIsSingular() {
        String id = new LifecycleHttp(new ApiClient(port)).approvedCase(DAY, 1);

        assertThat(approvedEntry(page(id))).contains(", 1 session approved").doesNotContain("sessions approved");
    }

    private String page(String id) {
        return new FormClient(port).signIn(LifecycleHttp.BILLING, "demo-pass-2026").get("/cases/" + id).body();
    }

    private static String approvedEntry(String page) {
        Matcher m = APPROVED_ENTRY.matcher(page);
        assertThat(m.find()).as("an Approved entry in the timeline").isTrue();
        return m.group(1).replaceAll("\\s+", " ");
    }
}
