package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authpack.support.ApiClient;
import dev.authpack.support.FormClient;
import dev.authpack.support.PinnedClock;
import dev.authpack.support.PinnedClockServiceTest;
import dev.authpack.support.Samples;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pages' dates of stored timestamps (when a case was last changed, when it was started, the day in a
 * downloaded document's file name) are the
 * service's days, read in the zone its "today" is read in (docs/deploy.md, {@code TZ}): at 7.30 pm in
 * Chicago the UTC timestamp is already tomorrow's, and the page must not say a case changed tomorrow.
 */
@PinnedClockServiceTest
class ServiceZoneDatesPageTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final Instant EVENING_IN_CHICAGO = DAY.plusDays(1).atTime(1, 30).toInstant(ZoneOffset.UTC);

    @LocalServerPort
    int port;
    @Autowired
    PinnedClock clock;
    ApiClient api;
    FormClient clerk;

    @BeforeEach
    void setUp() {
        clock.at(EVENING_IN_CHICAGO, ZoneId.of("America/Chicago"));
        api = new ApiClient(port);
        clerk = new FormClient(port).signIn("north.billing", ApiClient.PASSWORD);
    }

    @Test
    void aDraftChangedThisEveningWasLastChangedTodayOnTheWorklist() {
        ObjectNode draft = Samples.tree("01-complete-esketamine");
        ((ObjectNode) draft.get("patient")).put("lastName", "Zonedraft");
        draft.remove("assessments");
        assertThat(api.post("/api/v1/cases", "north.billing", Samples.json(draft)).status()).isEqualTo(201);

        String page = clerk.get("/worklist").body();
        String row = rowOf(page.substring(page.indexOf("id=\"toFinish\"")), "Zonedraft");

        assertThat(row).contains(DAY.toString()).doesNotContain(DAY.plusDays(1).toString());
    }

    @Test
    void theDuplicateWarningSaysACaseStartedThisEveningWasStartedToday() {
        ObjectNode sample = Samples.tree("01-complete-esketamine");
        ((ObjectNode) sample.get("patient")).put("lastName", "Zonetwice").put("memberId", "ZONE-0001");
        assertThat(api.post("/api/v1/cases", "north.billing", Samples.json(sample)).status()).isEqualTo(201);
        clerk.get("/cases/new");

        String warned = clerk.post("/cases/new", "patient.lastName", "Other", "patient.memberId", "ZONE-0001").body();

        assertThat(warned).contains("Case of Dana Zonetwice, started " + DAY + ",")
                .doesNotContain("started " + DAY.plusDays(1));
    }

    @Test
    void aPacketMadeThisEveningDownloadsUnderTodaysDateAsItsPagesPrintIt() {
        ObjectNode sample = Samples.tree("01-complete-esketamine");
        ((ObjectNode) sample.get("patient")).put("lastName", "Zonefile");
        String id = api.post("/api/v1/cases", "north.billing", Samples.json(sample)).json().get("id").asString();
        String documentId = api.post("/api/v1/cases/" + id + "/packet", "north.billing", new byte[0], null).json()
                .get("id").asString();

        ApiClient.Response download = api.get("/api/v1/documents/" + documentId, "north.clinic");

        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"Zonefile-Dana-packet-" + DAY + ".pdf\"");
    }

    /** The table row of a page that names {@code text}. */
    private static String rowOf(String html, String text) {
        int at = html.indexOf(text);
        assertThat(at).as("a row naming %s", text).isNotNegative();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }
}
